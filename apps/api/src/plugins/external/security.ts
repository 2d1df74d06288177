import type { IncomingMessage, ServerResponse } from "node:http";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The headers helmet sets, worked out once. @fastify/helmet built helmet's middleware anew on
 * every request (parsing the CSP directives each time): a tenth of a cached dashboard answer's
 * cost. Nothing here depends on the request (no nonces), so one header set serves every answer.
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Cookies, security headers, no caching of API answers, and rate limits. The CSP allows inline styles only: Ant Design
 * writes its CSS-in-JS into style tags.
 */
export default fp(async function security(app: FastifyInstance) {
  await app.register(cookie);
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // API answers are personal (accounts, the audit log, a session's CSRF token, exports): no
  // browser or proxy keeps them, unless a route says otherwise (the dashboards' ETag answers
  // set their own Cache-Control later, which replaces this one).
  const apiHeaders = { ...headers, "cache-control": "no-store" };
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(request.url.startsWith("/api/") ? apiHeaders : headers);
    done();
  });
  // Limits are set per route (sign-in, unknown URLs); nothing is limited by default.
  await app.register(rateLimit, { global: false });
});
