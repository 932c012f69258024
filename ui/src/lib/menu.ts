// Keys inside a menu (the WAI-ARIA menu pattern): ↓ and ↑ move round its items, Home and End
// go to the ends, Escape closes it and gives the focus back to its button, Tab closes it and
// lets the focus go on.

export function menuKey(event: KeyboardEvent, items: HTMLElement[], close: (returnFocus: boolean) => void): void {
  const at = items.indexOf(document.activeElement as HTMLElement);
  let next: HTMLElement | undefined;
  switch (event.key) {
    case "ArrowDown":
      next = items[(at + 1) % items.length];
      break;
    case "ArrowUp":
      next = items[(at - 1 + items.length) % items.length];
      break;
    case "Home":
      next = items[0];
      break;
    case "End":
      next = items[items.length - 1];
      break;
    case "Escape":
      close(true);
      break;
    case "Tab":
      close(false);
      return;
    default:
      return;
  }
  event.preventDefault();
  event.stopPropagation();
  next?.focus();
}
