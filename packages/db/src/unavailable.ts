/**
 * Whether an error means "the database is not there right now" (restarting, unreachable, out of
 * disk, closed) rather than "this request is wrong" or a bug: the first is worth a 503 and a
 * retry, the others are not. Both drivers and drizzle's wrapper (the driver's error as `cause`)
 * are looked through.
 */

/** SQLSTATE classes: 08 connection exception, 53 insufficient resources (disk full, too many
 * connections), 57P01–57P03 shut down or starting up, 58 system (I/O) error. */
const UNAVAILABLE_STATES = /^(08|53|57P0[1-3]|58)/;

/** Socket-level failures of the server driver. */
const UNAVAILABLE_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // The embedded database's file system: out of space or failing.
  "ENOSPC",
  "EIO",
  "EROFS",
  "EDQUOT",
]);

/** Messages of pg, pg-pool and PGlite that carry no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Cannot use a pool after calling end/,
  /^PGlite is closed/,
  /^PGlite is not ready/,
];

function unavailableItself(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) {
    return true;
  }
  // A WebAssembly trap leaves the embedded database unusable (an I/O failure inside it).
  if (error.name === "RuntimeError") return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // drizzle wraps the driver's error; an aggregate (happy eyeballs) holds one per address.
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (unavailableItself(current)) return true;
    if (current instanceof AggregateError && current.errors.some(unavailableItself)) return true;
    current = current.cause;
  }
  return false;
}
