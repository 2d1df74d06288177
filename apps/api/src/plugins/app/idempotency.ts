import { isDatabaseUnavailable, storedResponse, storeResponse } from "@jindu/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ApiError } from "../../errors.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Honour an Idempotency-Key header: a retry gets the first answer and changes nothing. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey?: string | undefined;
    /** Set once the answer was kept in the change's own transaction (transaction.ts). */
    idempotentAnswerKept?: boolean;
  }
}

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
export const scopeOf = (request: FastifyRequest) => `${request.method} ${request.url}`;

/**
 * Replays the stored response of a request already answered under the same Idempotency-Key;
 * otherwise lets it run and stores its answer (4xx included: the retry would fail the same way).
 * A change's answer is stored in its own transaction (transaction.ts), so a key is never kept for
 * a change that did not commit, nor a change committed without its key.
 */
export default fp(
  async function idempotency(app: FastifyInstance) {
    app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.routeOptions.config.idempotent) return;
      const key = request.headers["idempotency-key"];
      if (key === undefined) return;
      if (typeof key !== "string" || !KEY.test(key)) {
        throw new ApiError(400, "Idempotency-Key must be 8–128 letters, digits or . _ : -", {
          field: "Idempotency-Key",
        });
      }
      const stored = await storedResponse(app.db, key);
      if (stored && stored.scope !== scopeOf(request)) {
        throw new ApiError(409, "this Idempotency-Key was used for another request");
      }
      if (stored) {
        reply.header("idempotent-replay", "true");
        return reply.status(stored.statusCode).send(stored.response);
      }
      request.idempotencyKey = key;
    });

    app.addHook("onSend", async (request, reply, payload) => {
      const key = request.idempotencyKey;
      if (!key || request.idempotentAnswerKept) return payload;
      if (reply.statusCode >= 500 || typeof payload !== "string") return payload;
      try {
        await storeResponse(app.db, {
          key,
          scope: scopeOf(request),
          statusCode: reply.statusCode,
          response: JSON.parse(payload),
        });
      } catch (error) {
        // A refusal not kept is refused again on retry: the same answer.
        if (!isDatabaseUnavailable(error)) throw error;
        request.log.warn({ err: error }, "refusal not kept under its Idempotency-Key");
      }
      return payload;
    });
  },
  { name: "idempotency", dependencies: ["database"] },
);
