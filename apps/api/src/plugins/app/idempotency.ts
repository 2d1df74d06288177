import { createHash } from "node:crypto";
import { isDatabaseUnavailable, storedResponse, storeResponse } from "@jindu/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ApiError } from "../../errors.js";
import { readUpload } from "../../services/spreadsheets/upload.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Honour an Idempotency-Key header: a retry gets the first answer and changes nothing. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The key as stored: the account's id and the Idempotency-Key header (`keyOf`). */
    idempotencyKey?: string | undefined;
    /** What the key is bound to besides its account: method, URL and body digest (`scopeOf`). */
    idempotencyScope?: string | undefined;
    /** Set once the answer was kept in the change's own transaction (transaction.ts). */
    idempotentAnswerKept?: boolean;
  }
}

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const routeOf = (request: FastifyRequest) => `${request.method} ${request.url}`;

/**
 * The stored key: an Idempotency-Key belongs to the account that sent it, so another account's
 * same key is another key and never replays this account's answer (issue 12, F16).
 */
const keyOf = (request: FastifyRequest, key: string) => `${request.user?.id ?? "-"}/${key}`;

/** JSON with object keys in order, so that the same body digests the same however it is sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What the request carries: its JSON body, or its uploaded file (read here, before the change's
 * transaction opens, and kept on the request for the route: upload.ts).
 */
async function digestOf(request: FastifyRequest): Promise<string> {
  const hash = createHash("sha256");
  if (request.isMultipart()) {
    const upload = await readUpload(request);
    hash.update("file\u0000").update(upload.filename).update("\u0000").update(upload.bytes);
  } else {
    hash.update("json\u0000").update(canonical(request.body));
  }
  return hash.digest("base64url");
}

/** The scope a key is stored with: its route and a digest of its body. */
export function scopeOf(request: FastifyRequest): string {
  if (request.idempotencyScope === undefined) {
    throw new Error(`${routeOf(request)}: no Idempotency-Key scope`);
  }
  return request.idempotencyScope;
}

/**
 * Whether a stored answer answers this request: yes for the same route and body; a key used on
 * another route (409) or on this route with a different body (409, rule idempotency_key_reused)
 * is refused, never answered with the first request's result (issue 12, F16). 409, not 422:
 * the import answers 422 with a shape of its own.
 */
export function answers(stored: { scope: string }, request: FastifyRequest): true {
  if (stored.scope === scopeOf(request)) return true;
  if (!stored.scope.startsWith(`${routeOf(request)} #`)) {
    throw new ApiError(409, "this Idempotency-Key was used for another request", {
      field: "Idempotency-Key",
      rule: "idempotency_key_reused",
    });
  }
  throw new ApiError(
    409,
    "this Idempotency-Key was already used with a different body; send a new key for a new request",
    { field: "Idempotency-Key", rule: "idempotency_key_reused" },
  );
}

/**
 * Replays the stored response of a request already answered under the same Idempotency-Key;
 * otherwise lets it run and stores its answer (4xx included: the retry would fail the same way).
 * A change's answer is stored in its own transaction (transaction.ts), so a key is never kept for
 * a change that did not commit, nor a change committed without its key. A key is the account's,
 * and bound to its route and body (`keyOf`, `answers`).
 */
export default fp(
  async function idempotency(app: FastifyInstance) {
    /** Replays the answer kept under the key (true), or notes the key to keep this one's. */
    async function replayOrKeep(
      request: FastifyRequest,
      reply: FastifyReply,
      key: unknown,
    ): Promise<boolean> {
      if (typeof key !== "string" || !KEY.test(key)) {
        throw new ApiError(400, "Idempotency-Key must be 8–128 letters, digits or . _ : -", {
          field: "Idempotency-Key",
        });
      }
      request.idempotencyScope = `${routeOf(request)} #${await digestOf(request)}`;
      const stored = await storedResponse(app.db, keyOf(request, key));
      if (stored && answers(stored, request)) {
        reply.header("idempotent-replay", "true").status(stored.statusCode).send(stored.response);
        return true;
      }
      request.idempotencyKey = keyOf(request, key);
      return false;
    }

    async function keep(
      request: FastifyRequest,
      reply: FastifyReply,
      key: string,
      payload: string,
    ) {
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
    }

    // Callback-style (issue 16): requests without a key, all reads among them, pass without a
    // promise each.
    app.addHook("preHandler", (request, reply, done) => {
      if (!request.routeOptions.config.idempotent) return done();
      const key = request.headers["idempotency-key"];
      if (key === undefined) return done();
      // A replay is sent from here: the hooks stop (Fastify runs none after an answer is sent).
      replayOrKeep(request, reply, key).then((replayed) => {
        if (!replayed) done();
      }, done);
    });

    app.addHook("onSend", (request, reply, payload, done) => {
      const key = request.idempotencyKey;
      if (!key || request.idempotentAnswerKept) return done(null, payload);
      if (reply.statusCode >= 500 || typeof payload !== "string") return done(null, payload);
      keep(request, reply, key, payload).then(() => done(null, payload), done);
    });
  },
  { name: "idempotency", dependencies: ["database"] },
);
