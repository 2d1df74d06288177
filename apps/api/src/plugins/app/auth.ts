import {
  type Database,
  databaseItself,
  endSession,
  regionAncestry,
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
  const ancestry = await regionAncestry(db, code);
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
  if (!withinScope(scope, ancestry)) throw denied(`region ${code} is outside your scope`);
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

    async function sessionOf(id: string, now: number): Promise<SessionRow | null> {
      const listening = app.changes.version() !== null;
      const kept = listening ? recent.get(id) : undefined;
      if (kept && now - kept.readAt < SESSION_MEMORY_MS) return kept.found;
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

    app.addHook("onRequest", async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const id = hashToken(token);
      const now = new Date();
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
      request.sessionExpiresAt = new Date(found.session.lastSeenAt.getTime() + idleMs);
      request.sessionId = id;
      request.seenDataVersion = found.dataVersion;
      request.csrfToken = found.session.csrfToken;
      request.user = signedInUser(found.user, now);
    });

    // Who and what, before the input is even validated: strangers learn nothing about it.
    app.addHook("preValidation", async (request: FastifyRequest, _reply: FastifyReply) => {
      const rule = request.routeOptions.config.auth;
      if (rule === "public" || rule === undefined) return;
      const user = request.user;
      if (!user) throw notSignedIn(request);
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.csrfToken) {
        throw denied("missing or wrong CSRF token");
      }
      if (user.mustChangePassword && !rule.duringSetup) {
        throw denied("choose a new password first");
      }
      if (user.mustSetUpSecondFactor && !rule.duringSetup) {
        throw denied("set up your authenticator app first");
      }
      if (!rule.roles.includes(user.role)) {
        throw denied(`a ${user.role} account may not do this`);
      }
    });

    // Where: after validation, so the region named in the request is well-formed.
    app.addHook("preHandler", async (request: FastifyRequest) => {
      const rule = request.routeOptions.config.auth;
      if (rule === "public" || rule === undefined || !rule.region || !request.user) return;
      const code = rule.region.of(request);
      if (code !== undefined) await assertInScope(app.db, request.user, code, rule.region.reach);
    });
  },
  { name: "auth", dependencies: ["database", "changes"] },
);
