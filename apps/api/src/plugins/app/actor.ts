import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is acting, for revisions. */
    actor: string;
  }
}

const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

/**
 * Names the person behind a request for the revision history. Until sign-in exists (issue 4
 * replaces this with the session's user) it is the X-Jindu-User header, or "anonymous".
 */
export default fp(
  async function actor(app: FastifyInstance) {
    app.decorateRequest("actor", "anonymous");
    app.addHook("onRequest", async (request) => {
      const header = request.headers["x-jindu-user"];
      const name = typeof header === "string" ? header.trim() : "";
      request.actor = NAME.test(name) ? name : "anonymous";
    });
  },
  { name: "actor" },
);
