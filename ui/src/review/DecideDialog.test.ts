// @vitest-environment jsdom
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReviewState } from "../lib/bindings";

// The decision dialog as the reviewer fills it in: the checklist items at their own height, and
// a wrong passphrase said under the passphrase field with everything else kept.

vi.mock("../lib/api", () => ({
  decide: vi.fn(),
  toApiError: (e: unknown) => e,
}));

const api = await import("../lib/api");
const { ui } = await import("../lib/ui.svelte");
const { default: DecideDialog } = await import("./DecideDialog.svelte");
const source = (await import("./DecideDialog.svelte?raw")).default;

const ITEMS = [
  { id: "legal", text: "Legal has read every number in the pitch against the contract that the customer signed last quarter" },
  { id: "brand", text: "The product name is written as the brand guide spells it" },
];

let dialog: ReturnType<typeof mount> | null = null;
const ondone = vi.fn();

beforeEach(() => {
  vi.clearAllMocks();
  ui.error = null;
  ui.workspace = null;
  ui.dialog = { kind: "decide", pitchId: 2, reviewerEdited: false, items: ITEMS, ondone };
  const target = document.createElement("div");
  document.body.append(target);
  dialog = mount(DecideDialog, { target, props: { pitchId: 2, reviewerEdited: false, items: ITEMS, ondone } });
  flushSync();
});

afterEach(() => {
  if (dialog) unmount(dialog);
  dialog = null;
  document.body.innerHTML = "";
  ui.dialog = null;
});

const $ = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`${selector} is not on show`);
  return el;
};

function type(selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

function check(selector: string): void {
  $<HTMLInputElement>(selector).click();
  flushSync();
}

/** Fills the dialog in as a reviewer requesting changes, and signs. */
async function fillAndSign(passphrase: string): Promise<void> {
  check("[data-testid=outcome-changes]");
  type("[data-testid=decide-reasons]", "Open with the benefit, not the feature.");
  check("[data-testid=confirm-item][value=brand]");
  type("[data-testid=decide-passphrase]", passphrase);
  $<HTMLButtonElement>("[data-testid=decide-submit]").click();
  await vi.waitFor(() => expect(api.decide).toHaveBeenCalled());
  // The refusal is handled after the call's promise settles.
  await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

describe("the checklist items to confirm", () => {
  it("are shown at their own height in the dialog's body, which scrolls, not in a box of their own", () => {
    const items = document.querySelectorAll("[data-testid=confirm-item]");
    expect(items).toHaveLength(2);
    const body = items[0]!.closest(".dialog-body");
    expect(body).not.toBeNull();
    // The Sign button is in the actions row under the body, so it stays in reach when the
    // body scrolls in a short window.
    const sign = $("[data-testid=decide-submit]");
    expect(body!.contains(sign)).toBe(false);
    expect(sign.closest(".dialog-actions")).not.toBeNull();
    // Nothing in the dialog's own style caps a part of it at a height or scrolls it.
    const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(source)?.[1] ?? "";
    expect(style).not.toMatch(/max-height|overflow/);
  });
});

describe("a wrong passphrase", () => {
  beforeEach(() => {
    vi.mocked(api.decide).mockRejectedValue({ code: "review-refused", message: "The passphrase is not right for this key." });
  });

  it("is said under the passphrase field, which is marked invalid, emptied and focused", async () => {
    await fillAndSign("wrong horse battery");
    const field = $<HTMLInputElement>("[data-testid=decide-passphrase]");
    const error = $("[data-testid=decide-passphrase-error]");
    expect(error.textContent).toBe("The passphrase is not right for this key.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe(error.id);
    expect(error.id).not.toBe("");
    expect(field.value).toBe("");
    expect(document.activeElement).toBe(field);
    // Not in the banner.
    expect(ui.error).toBeNull();
  });

  it("keeps the dialog open with everything else the reviewer chose and typed", async () => {
    await fillAndSign("wrong horse battery");
    expect(ui.dialog?.kind).toBe("decide");
    expect(ondone).not.toHaveBeenCalled();
    expect($<HTMLInputElement>("[data-testid=outcome-changes]").checked).toBe(true);
    expect($<HTMLTextAreaElement>("[data-testid=decide-reasons]").value).toBe("Open with the benefit, not the feature.");
    expect($<HTMLInputElement>("[data-testid=confirm-item][value=brand]").checked).toBe(true);
    expect($<HTMLInputElement>("[data-testid=confirm-item][value=legal]").checked).toBe(false);
  });

  it("goes once the passphrase is typed again, and the decision is signed with it", async () => {
    await fillAndSign("wrong horse battery");
    type("[data-testid=decide-passphrase]", "correct horse battery");
    expect(document.querySelector("[data-testid=decide-passphrase-error]")).toBeNull();
    expect($("[data-testid=decide-passphrase]").hasAttribute("aria-invalid")).toBe(false);

    const done = { status: "changes-requested" } as ReviewState;
    vi.mocked(api.decide).mockReset().mockResolvedValue(done);
    $<HTMLButtonElement>("[data-testid=decide-submit]").click();
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledWith(done));
    expect(api.decide).toHaveBeenCalledWith({
      pitchId: 2,
      outcome: "changes-requested",
      reasons: "Open with the benefit, not the feature.",
      passphrase: "correct horse battery",
      confirmedItems: ["brand"],
    });
    expect(ui.dialog).toBeNull();
  });
});

describe("any other refusal", () => {
  it("is shown in the dialog's banner, and the passphrase field is left as it was", async () => {
    const refusal = { code: "review-refused", message: "This pitch was sent to Priya Raman for review; only they can decide on it." };
    vi.mocked(api.decide).mockRejectedValue(refusal);
    await fillAndSign("correct horse battery");
    expect(ui.error).toEqual({ error: refusal, inDialog: true });
    expect(ui.dialog?.kind).toBe("decide");
    const field = $<HTMLInputElement>("[data-testid=decide-passphrase]");
    expect(field.hasAttribute("aria-invalid")).toBe(false);
    expect(field.value).toBe("correct horse battery");
    expect(document.querySelector("[data-testid=decide-passphrase-error]")).toBeNull();
  });
});

describe("approving while something is still open", () => {
  const OPEN = { code: "needs-confirmation", message: "2 required claims are not said in the pitch yet: Setup takes 10 minutes; Audit logs kept 7 years." };

  async function approve(): Promise<void> {
    type("[data-testid=decide-passphrase]", "right passphrase");
    $<HTMLButtonElement>("[data-testid=decide-submit]").click();
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
  }

  it("shows what is open and asks why, signing nothing until a reason is given", async () => {
    vi.mocked(api.decide).mockRejectedValueOnce(OPEN);
    await approve();
    expect($("[data-testid=decide-gate]").textContent).toContain("Setup takes 10 minutes");
    const sign = $<HTMLButtonElement>("[data-testid=decide-submit]");
    expect(sign.textContent).toContain("Approve anyway");
    expect(sign.disabled).toBe(true);
    expect(api.decide).toHaveBeenCalledTimes(1);
    expect(vi.mocked(api.decide).mock.calls[0]![0].overrideReason).toBeUndefined();
    expect($<HTMLInputElement>("[data-testid=decide-passphrase]").value).toBe("right passphrase");
  });

  it("signs the reason into the decision once given", async () => {
    const state = { pitchId: 2 } as unknown as ReviewState;
    vi.mocked(api.decide).mockRejectedValueOnce(OPEN).mockResolvedValueOnce(state);
    await approve();
    type("[data-testid=decide-override-reason]", "Both claims are covered by the datasheet sent with it.");
    $<HTMLButtonElement>("[data-testid=decide-submit]").click();
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledWith(state));
    expect(vi.mocked(api.decide).mock.calls[1]![0].overrideReason).toBe("Both claims are covered by the datasheet sent with it.");
  });

  it("is not asked when requesting changes", async () => {
    vi.mocked(api.decide).mockRejectedValueOnce(OPEN);
    await approve();
    check("[data-testid=outcome-changes]");
    expect(document.querySelector("[data-testid=decide-gate]")).toBeNull();
    expect($("[data-testid=decide-submit]").textContent).toContain("Sign decision");
  });
});
