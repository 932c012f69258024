// The wire to the desktop shell: invoking a command and listening to an event. Only this module
// and the generated commands.ts (which calls it) know Tauri's IPC. Every failure comes out as
// an `ApiError`, so screens can show `message` and branch on `code`.

import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { ApiError } from "./bindings";
import { ERROR_CODES } from "./bindings";

const ERROR_CODE_SET: ReadonlySet<string> = new Set<string>(ERROR_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    ERROR_CODE_SET.has(value.code) &&
    typeof value.message === "string"
  );
}

/** Turns whatever a failed call produced into an `ApiError`. */
export function toApiError(reason: unknown): ApiError {
  if (isApiError(reason)) {
    return { code: reason.code, message: reason.message };
  }
  if (typeof reason === "string") {
    return { code: "internal", message: reason || "Something went wrong." };
  }
  if (reason instanceof Error) {
    return { code: "internal", message: reason.message || "Something went wrong." };
  }
  if (isRecord(reason) && typeof reason.message === "string") {
    return { code: "internal", message: reason.message };
  }
  return { code: "internal", message: "Something went wrong." };
}

/** Arguments just built as plain objects, which need no copy (see `fresh`). */
const freshValues = new WeakSet<object>();

/** Marks an argument as a plain object built for this call: it crosses without a copy. (The
 *  autosave sends the whole pitch every second of typing, and copying it was garbage for the
 *  collector.) */
export function fresh<T extends object>(value: T): T {
  freshValues.add(value);
  return value;
}

/** Plain data only crosses the bridge: reactive proxies and the like are flattened first. */
function plain(args: Record<string, unknown>): InvokeArgs {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    out[key] = isRecord(value) && freshValues.has(value) ? value : JSON.parse(JSON.stringify(value ?? null));
  }
  return out;
}

/** Invokes a shell command. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args === undefined ? undefined : plain(args));
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** Listens to a shell event. */
export async function on<T>(event: string, handler: (payload: T) => void): Promise<UnlistenFn> {
  try {
    return await listen<T>(event, (e) => handler(e.payload));
  } catch (reason) {
    throw toApiError(reason);
  }
}
