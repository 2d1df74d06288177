/** An error the API answered with: its body has one shape (statusCode, error, message, rule?). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Which rule refused the request, e.g. `totp_required` on sign-in. */
    readonly rule?: string,
    /** The input field the API found wrong, e.g. `currentPassword`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
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
}

/** The session's CSRF token, sent back with every request that changes something. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

let unauthorizedHandler: (() => void) | null = null;
/** What to do when the API says the session is gone (idle timeout, signed in elsewhere). */
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** Calls the API under /api with the session cookie; response types come from the API's schemas. */
export async function apiRequest<T>(
  method: string,
  path: string,
  { query = {}, body, signal, expectUnauthorized = false }: RequestOptions = {},
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.size > 0 ? `?${params}` : "";
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (!SAFE_METHODS.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  const response = await fetch(`/api${path}${search}`, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  });
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as {
      message?: string;
      rule?: string;
      field?: string;
    } | null;
    if (response.status === 401 && !expectUnauthorized) unauthorizedHandler?.();
    throw new ApiError(
      response.status,
      error?.message ?? response.statusText,
      error?.rule,
      error?.field,
    );
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
