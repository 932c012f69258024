// The one bridge to the desktop shell the screens import: a typed function per command and a
// typed listener per event, generated from the shell's Rust (commands.ts), plus the few calls
// that need more than the wire.

import type { UnlistenFn } from "@tauri-apps/api/event";
import type { SavePitchDocRequest, SavePitchDocResult, StartupSnapshot } from "./bindings";
import * as commands from "./commands";
import { fresh, on, toApiError } from "./ipc";

export * from "./commands";
export { isApiError, toApiError } from "./ipc";

/** The start-up snapshot: the one boot.js asked for before this code loaded (once), or a new one. */
export function startupSnapshot(): Promise<StartupSnapshot> {
  const early = (window as { __pbStartup?: Promise<StartupSnapshot> }).__pbStartup;
  if (early) {
    delete (window as { __pbStartup?: Promise<StartupSnapshot> }).__pbStartup;
    return early.catch((reason: unknown) => {
      throw toApiError(reason);
    });
  }
  return commands.startupSnapshot();
}

/** The autosave: the whole document goes, only what changed is written. The request is built
 *  fresh for each save, so it crosses without a copy. */
export function savePitchDoc(req: SavePitchDocRequest): Promise<SavePitchDocResult> {
  return commands.savePitchDoc(fresh(req));
}

/** Files dragged over the window from outside: `paths` while hovering (empty when they leave),
 *  then `dropped` with the paths. (Tauri's own drag-and-drop events, listened to directly: the
 *  webview module that wraps them would add 25 KB to start-up.) */
export async function onFileDrop(handlers: { hover: (paths: string[]) => void; dropped: (paths: string[]) => void }): Promise<UnlistenFn> {
  type Drag = { paths?: string[] };
  const unlisteners = await Promise.all([
    on<Drag>("tauri://drag-enter", (p) => handlers.hover(p.paths ?? [])),
    on<Drag>("tauri://drag-leave", () => handlers.hover([])),
    on<Drag>("tauri://drag-drop", (p) => {
      handlers.hover([]);
      if (p.paths && p.paths.length > 0) handlers.dropped(p.paths);
    }),
  ]);
  return () => unlisteners.forEach((u) => u());
}
