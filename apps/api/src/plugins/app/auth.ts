import {
  type Database,
  endSession,
  regionAncestry,
  sessionWithUser,
  touchSession,
} from "@jindu/db";
import { type Role, sessionIdleExpired, withinScope } from "@jindu/domain";
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
  }
  interface FastifyRequest {
    user: SignedInUser | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
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
  const ancestry = await regionAncestry(db, code);
  if (ancestry.length === 0) return;
  let scope: string | null = user.regionCode;
  if (reach === "province" && scope !== null) {
    scope = (await regionAncestry(db, scope)).at(-1) ?? scope;
  }
  if (!withinScope(scope, ancestry)) throw denied(`region ${code} is outside your scope`);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function denied(message: string, statusCode = 403) {
  return new ApiError(statusCode, message);
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

    app.addHook("onRequest", async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const id = hashToken(token);
      const found = await sessionWithUser(app.db, id);
      const now = new Date();
      if (!found || found.user.disabled || sessionIdleExpired(found.session.lastSeenAt, now)) {
        if (found) await endSession(app.db, id);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return;
      }
      // One write a minute at most: the idle timeout is 30 minutes, not to the second.
      if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000)
        await touchSession(app.db, id);
      request.sessionId = id;
      request.csrfToken = found.session.csrfToken;
      request.user = signedInUser(found.user, now);
    });

    // Who and what, before the input is even validated: strangers learn nothing about it.
    app.addHook("preValidation", async (request: FastifyRequest, _reply: FastifyReply) => {
      const rule = request.routeOptions.config.auth;
      if (rule === "public" || rule === undefined) return;
      const user = request.user;
      if (!user) throw denied("sign in first", 401);
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
  { name: "auth", dependencies: ["database"] },
);
