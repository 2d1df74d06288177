import {
  type Database,
  databaseItself,
  endSession,
  sessionWithUser,
  touchSession,
} from "@jindu/db";
import {
  type Role,
  type SessionEndReason,
  sessionIdleExpired,
  sessionTouchIntervalMs,
  withinScope,
} from "@jindu/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ApiError } from "../../errors.js";
import { hashToken, type SignedInUser, signedInUser } from "../../services/auth.js";
import { ancestryFromDirectory } from "../../services/lookups.js";

export const SESSION_COOKIE = "jindu_session";
export const CSRF_HEADER = "x-csrf-token";

/** A route's access rule: who may call it and, where it names a region, how far they reach. */
export interface AuthRule {
  roles: readonly Role[];
  region?: {
    /** The region the request is about, from its params, query or body. */
    of: (request: FastifyRequest) => string | undefined;
    /** `own`: the user's region and below; `province`: anywhere in the user's province. */
    reach: "own" | "province";
  };
  /** Reachable while the account is still being set up (new password, second factor). */
  duringSetup?: boolean;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every route says who may call it; the server refuses to start otherwise. */
    auth?: "public" | AuthRule;
    /**
     * Asked by the page on a timer (the bell's unread count), not by the person: it does not
     * count as activity, so it never keeps an idle session alive.
     */
    background?: boolean;
  }
  interface FastifyRequest {
    user: SignedInUser | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** When the cookie named a session that has ended: why, for the 401's `reason`. */
    sessionEnded: SessionEndReason | null;
    /** When the signed-in session ends unless another request comes first. */
    sessionExpiresAt: Date | null;
  }
}

/**
 * Region ancestries per database, kept for the process's life: the API never changes regions
 * (they are reference data loaded with the database), and every scoped request needs one.
 */
const ancestries = new WeakMap<object, Map<string, string[]>>();

export async function ancestryOf(db: Database, code: string): Promise<string[]> {
  // Kept per database, also when asked inside a change's transaction (a submit names its province).
  const itself = databaseItself(db) ?? db;
  const known = ancestries.get(itself) ?? new Map<string, string[]>();
  ancestries.set(itself, known);
  const cached = known.get(code);
  if (cached) return cached;
  const ancestry = await ancestryFromDirectory(db, code);
  // Unknown codes are not kept: a request with a made-up code must not grow the map.
  if (ancestry.length > 0) known.set(code, ancestry);
  return ancestry;
}

/**
 * Refuses (403) a region outside the user's scope: their region and below, or with `province`
 * reach anywhere in their province. Unknown regions pass: the route answers those with 400.
 */
export async function assertInScope(
  db: Database,
  user: SignedInUser,
  code: string,
  reach: "own" | "province" = "own",
): Promise<void> {
  // A national account reaches every region: no need to look the region up.
  if (user.regionCode === null) return;
  const ancestry = await ancestryOf(db, code);
  if (ancestry.length === 0) return;
  let scope: string | null = user.regionCode;
  if (reach === "province" && scope !== null) {
    scope = (await ancestryOf(db, scope)).at(-1) ?? scope;
  }
  if (!withinScope(scope, ancestry)) throw outOfScope(code);
}

const outOfScope = (code: string) => denied(`region ${code} is outside your scope`);

/**
 * assertInScope's answer without a query, where the ancestries it needs are kept already: true
 * (within scope), false (outside), or undefined when one must be read first (then ask it).
 */
function inScopeKnown(
  db: Database,
  user: SignedInUser,
  code: string,
  reach: "own" | "province",
): boolean | undefined {
  if (user.regionCode === null) return true;
  const known = ancestries.get(databaseItself(db) ?? db);
  const ancestry = known?.get(code);
  if (!known || !ancestry) return undefined;
  let scope = user.regionCode;
  if (reach === "province") {
    const own = known.get(scope);
    if (!own) return undefined;
    scope = own.at(-1) ?? scope;
  }
  return withinScope(scope, ancestry);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** How long a session read from the database is trusted without reading it again. */
const SESSION_MEMORY_MS = 5_000;
type SessionRow = NonNullable<Awaited<ReturnType<typeof sessionWithUser>>>;

function denied(message: string, statusCode = 403) {
  return new ApiError(statusCode, message);
}

const ENDED: Record<SessionEndReason, string> = {
  idle: "your session ended after a period without activity: sign in again",
  replaced: "your account signed in elsewhere, which ended this session: sign in again",
  password_changed: "the account's password was changed: sign in again",
  account_changed: "an administrator changed the account: sign in again",
  signed_out: "you signed out: sign in again",
};

/** The 401 for a request without a live session, saying why when its session has ended. */
export function notSignedIn(request: FastifyRequest, otherwise = "sign in first"): ApiError {
  const reason = request.sessionEnded;
  return reason ? new ApiError(401, ENDED[reason], { reason }) : new ApiError(401, otherwise);
}

/** Why a route's `auth` rule refuses the request (401/403), or undefined when it may go on. */
function refusalOf(request: FastifyRequest): ApiError | undefined {
  const rule = request.routeOptions.config.auth;
  if (rule === "public" || rule === undefined) return undefined;
  const user = request.user;
  if (!user) return notSignedIn(request);
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.csrfToken) {
    return denied("missing or wrong CSRF token");
  }
  if (user.mustChangePassword && !rule.duringSetup) {
    return denied("choose a new password first");
  }
  if (user.mustSetUpSecondFactor && !rule.duringSetup) {
    return denied("set up your authenticator app first");
  }
  if (!rule.roles.includes(user.role)) {
    return denied(`a ${user.role} account may not do this`);
  }
  return undefined;
}

/**
 * Authentication and authorization in one place: the session cookie names the user, and each
 * route's `auth` rule decides. Unsafe methods also need the session's CSRF token in a header.
 */
export default fp(
  async function auth(app: FastifyInstance) {
    app.decorateRequest("user", null);
    app.decorateRequest("sessionId", null);
    app.decorateRequest("csrfToken", null);
    app.decorateRequest("sessionEnded", null);
    app.decorateRequest("sessionExpiresAt", null);
    const idleMs = app.sessionIdle.timeoutSeconds * 1000;
    const touchMs = sessionTouchIntervalMs(idleMs);
    const idle = (found: SessionRow, now: Date) =>
      sessionIdleExpired(found.session.lastSeenAt, now, idleMs);
    app.decorateRequest("seenDataVersion", undefined);

    app.addHook("onRoute", (route) => {
      const url = route.url;
      // The API documentation and the dashboard's static files are open to all; the pages
      // themselves call the API, which checks every request.
      if (!url.startsWith("/api/") && url !== "/api" && url !== "/healthz") {
        route.config = { ...(route.config as object), auth: "public" };
        return;
      }
      if (!(route.config as { auth?: unknown } | undefined)?.auth) {
        throw new Error(`${route.method} ${url} has no auth rule`);
      }
    });

    /**
     * Sessions read in the last few seconds, so that a busy dashboard does not ask the database
     * who is calling on every request. Any change that may touch accounts or sessions (sign-in,
     * sign-out, an account edited: all announced, see changes.ts; every change but those marked
     * data only) empties it; without the announcements it is not used.
     */
    const recent = new Map<string, { found: SessionRow; readAt: number }>();
    app.changes.onAccountChange(() => recent.clear());

    /** The session kept in memory, when it was read recently enough to trust. */
    function remembered(id: string, now: number): SessionRow | undefined {
      if (app.changes.version() === null) return undefined;
      const kept = recent.get(id);
      return kept && now - kept.readAt < SESSION_MEMORY_MS ? kept.found : undefined;
    }

    async function sessionOf(id: string, now: number): Promise<SessionRow | null> {
      const kept = remembered(id, now);
      if (kept) return kept;
      const listening = app.changes.version() !== null;
      const changesBefore = app.changes.accountChanges();
      const found = await sessionWithUser(app.db, id);
      // A change announced while reading (a sign-out, say) may have emptied the memory already:
      // what was read before it is not kept.
      if (found && listening && app.changes.accountChanges() === changesBefore) {
        if (recent.size >= 10_000) recent.clear();
        recent.set(id, { found, readAt: now });
      }
      return found;
    }

    /** The request is the session's: who, their CSRF token, until when. */
    function admit(request: FastifyRequest, id: string, found: SessionRow, now: Date) {
      request.sessionExpiresAt = new Date(found.session.lastSeenAt.getTime() + idleMs);
      request.sessionId = id;
      request.seenDataVersion = found.dataVersion;
      request.csrfToken = found.session.csrfToken;
      request.user = signedInUser(found.user, now);
    }

    async function checkSession(
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      now: Date,
    ): Promise<void> {
      let found = await sessionOf(id, now.getTime());
      if (found && !found.session.endedAt && idle(found, now) && recent.delete(id)) {
        // Another process may have seen it since: only the database's word ends a session.
        found = await sessionOf(id, now.getTime());
      }
      if (!found) {
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return;
      }
      const ended =
        found.session.endReason ??
        (found.user.disabled ? "account_changed" : idle(found, now) ? "idle" : null);
      if (ended) {
        if (!found.session.endedAt) {
          await endSession(app.db, id, ended);
          recent.delete(id);
        }
        // The cookie stays until the sign-in page replaces it: every request the page still
        // makes with it learns why the session ended, not just the first.
        request.sessionEnded = ended;
        return;
      }
      // One write a minute at most: the idle timeout is 30 minutes, not to the second.
      const background = request.routeOptions.config?.background === true;
      if (!background && now.getTime() - found.session.lastSeenAt.getTime() > touchMs) {
        await touchSession(app.db, id, touchMs);
        found.session.lastSeenAt = now;
      }
      admit(request, id, found, now);
    }

    // Callback-style with a synchronous fast path (issue 16: a repeated dashboard request):
    // a session read in the last seconds, live, and touched within the minute needs no query,
    // so the request goes on without a promise. Anything else takes the full path above.
    app.addHook("onRequest", (request, reply, done) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return done();
      const id = hashToken(token);
      const now = new Date();
      const kept = remembered(id, now.getTime());
      if (
        kept &&
        !kept.session.endReason &&
        !kept.user.disabled &&
        now.getTime() - kept.session.lastSeenAt.getTime() <= touchMs
      ) {
        // Touched within the minute, hence not idle (the timeout is longer than the interval).
        admit(request, id, kept, now);
        return done();
      }
      checkSession(request, reply, id, now).then(() => done(), done);
    });

    // Who and what, before the input is even validated: strangers learn nothing about it.
    // (Synchronous hooks: nothing here needs a query.)
    app.addHook("preValidation", (request: FastifyRequest, _reply: FastifyReply, done) => {
      done(refusalOf(request));
    });

    // Where: after validation, so the region named in the request is well-formed. Decided
    // without a promise when the regions' ancestries are known already (they are kept).
    app.addHook("preHandler", (request: FastifyRequest, _reply: FastifyReply, done) => {
      const rule = request.routeOptions.config.auth;
      const user = request.user;
      if (rule === "public" || rule === undefined || !rule.region || !user) return done();
      const code = rule.region.of(request);
      if (code === undefined) return done();
      const known = inScopeKnown(app.db, user, code, rule.region.reach);
      if (known === true) return done();
      if (known === false) return done(outOfScope(code));
      assertInScope(app.db, user, code, rule.region.reach).then(() => done(), done);
    });
  },
  { name: "auth", dependencies: ["database", "changes"] },
);
