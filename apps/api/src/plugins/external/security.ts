import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * Cookies, security headers, no caching of API answers, and rate limits. The CSP allows inline styles only: Ant Design
 * writes its CSS-in-JS into style tags.
 */
export default fp(async function security(app: FastifyInstance) {
  await app.register(cookie);
  await app.register(helmet, {
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
  // browser or proxy keeps them, unless a route says otherwise (the dashboards' ETag answers).
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
  // Limits are set per route (sign-in, unknown URLs); nothing is limited by default.
  await app.register(rateLimit, { global: false });
});
