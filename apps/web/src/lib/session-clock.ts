import type { SessionResponse } from "@jindu/api/schemas";
import { sessionTouchIntervalMs } from "@jindu/domain";

/**
 * When the session ends unless another request comes, as this browser knows it. The API answers
 * the exact time with every session answer; after any other request the API may have skipped
 * marking the session used (it writes at most once a minute), so the estimate counts from the
 * request's time minus that interval: never later than the real end. Tabs share the estimate
 * through localStorage, so one busy tab keeps the others from warning.
 */
const STORAGE_KEY = "jindu.session.expiresAt";

interface Timing {
  idleMs: number;
  warningMs: number;
}

let timing: Timing | null = null;
let expiresAt = 0;
let listeners: (() => void)[] = [];

function stored(): number {
  const value = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
  return Number.isFinite(value) ? value : 0;
}

function extend(at: number, exact = false) {
  if (!exact && at <= expiresAt) return;
  expiresAt = at;
  globalThis.localStorage?.setItem(STORAGE_KEY, String(at));
  for (const listener of listeners) listener();
}

/** A session answer: the timeout, the warning's lead and the exact end. */
export function noteSession(session: SessionResponse | null) {
  if (!session) {
    timing = null;
    expiresAt = 0;
    return;
  }
  timing = {
    idleMs: session.idleTimeoutSeconds * 1000,
    warningMs: session.idleWarningSeconds * 1000,
  };
  extend(Date.parse(session.expiresAt), true);
}

/** Any other answer to a signed-in request sent at `sentAt`: the session was used then. */
export function noteContact(sentAt: number) {
  if (!timing) return;
  extend(sentAt + timing.idleMs - sessionTouchIntervalMs(timing.idleMs));
}

export interface SessionClock {
  idleMs: number;
  warningMs: number;
  /** The latest end any tab knows of. */
  expiresAt: number;
}

export function sessionClock(): SessionClock | null {
  if (!timing) return null;
  return { ...timing, expiresAt: Math.max(expiresAt, stored()) };
}

/** Called when this tab's estimate moves; another tab's shows through the `storage` event. */
export function onClockChange(listener: () => void): () => void {
  listeners.push(listener);
  const fromOtherTab = (event: StorageEvent) => event.key === STORAGE_KEY && listener();
  window.addEventListener("storage", fromOtherTab);
  return () => {
    listeners = listeners.filter((l) => l !== listener);
    window.removeEventListener("storage", fromOtherTab);
  };
}
