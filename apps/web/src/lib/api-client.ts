import type { ErrorBody, SessionEndReason } from "@jindu/api/schemas";

export type { SessionEndReason };

/** An error the API answered with: its body has one shape (statusCode, error, message, rule?). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Which rule refused the request, e.g. `totp_required` on sign-in. */
    readonly rule?: string,
    /** The input field the API found wrong, e.g. `currentPassword`. */
    readonly field?: string,
    /** Every problem found, each with its rule (a refused password lists each rule it broke). */
    readonly problems?: ErrorBody["problems"],
    /** On a 401 for a session that has ended: why it ended. */
    readonly reason?: SessionEndReason,
    /** On a 503: seconds the API suggests waiting (its Retry-After header). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The server could not be reached at all (offline, server down, connection cut). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "NetworkError";
  }
}

/** The body of an error answer, whichever route gave it. */
export function apiErrorOf(status: number, statusText: string, body: unknown, retryAfter?: string) {
  const error = (body ?? {}) as Partial<ErrorBody>;
  const seconds = Number(retryAfter);
  return new ApiError(
    status,
    error.message ?? statusText,
    error.rule,
    error.field,
    error.problems,
    error.reason,
    Number.isFinite(seconds) && seconds > 0 ? seconds : undefined,
  );
}

type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * Where a 401 is an answer rather than a lost session (sign-in, who-is-signed-in), the caller
   * handles it; everywhere else a 401 sends the user to the sign-in page.
   */
  expectUnauthorized?: boolean;
  /** Asked on a timer, not by the person: not a sign of activity for the idle clock. */
  background?: boolean;
}

/** The session's CSRF token, sent back with every request that changes something. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

let unauthorizedHandler: ((reason: SessionEndReason | undefined) => void) | null = null;
/** What to do when the API says the session is gone, and why (idle, signed in elsewhere...). */
export function onUnauthorized(handler: (reason: SessionEndReason | undefined) => void) {
  unauthorizedHandler = handler;
}

let contactHandler: ((sentAt: number) => void) | null = null;
/** Told of every answer from the API to a signed-in request: the session was used then. */
export function onSessionContact(handler: (sentAt: number) => void) {
  contactHandler = handler;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** Calls the API under /api with the session cookie; response types come from the API's schemas. */
export async function apiRequest<T>(
  method: string,
  path: string,
  { query = {}, body, signal, expectUnauthorized = false, background = false }: RequestOptions = {},
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.size > 0 ? `?${params}` : "";
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (!SAFE_METHODS.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  const sentAt = Date.now();
  let response: Response;
  try {
    response = await fetch(`/api${path}${search}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (response.status !== 401 && !background) contactHandler?.(sentAt);
  if (!response.ok) {
    const error = apiErrorOf(
      response.status,
      response.statusText,
      await response.json().catch(() => null),
      response.headers.get("retry-after") ?? undefined,
    );
    if (response.status === 401 && !expectUnauthorized) unauthorizedHandler?.(error.reason);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GETs a JSON resource under /api. */
export const apiGet = <T>(path: string, query: Query = {}, signal?: AbortSignal) =>
  apiRequest<T>("GET", path, { query, signal });

/** POSTs JSON under /api, with the CSRF token. */
export const apiPost = <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
  apiRequest<T>("POST", path, { ...options, body });
