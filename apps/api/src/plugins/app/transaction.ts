import { setTimeout as sleep } from "node:timers/promises";
import {
  auditInsert,
  bumpDataVersion,
  type Database,
  GENERIC_PLANS,
  isDatabaseUnavailable,
  storedResponse,
  storeResponse,
} from "@jindu/db";
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteHandlerMethod,
  RouteOptions,
} from "fastify";
import fp from "fastify-plugin";
import { ApiError, RETRY_AFTER_SECONDS } from "../../errors.js";
import { type AuditRule, auditEntry } from "./audit.js";
import { answers, scopeOf } from "./idempotency.js";
import { WriteQueue } from "./write-queue.js";

const CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** How long to wait before the one retry of a request that may be retried. */
const RETRY_DELAY_MS = 300;

/** Connections kept for reads while changes queue (dashboards stay answered at month end). */
const READ_CONNECTIONS = 2;

/**
 * What these change is figures and their months only, never an account or a session: announced
 * as data only, so that processes keep the sessions they read (changes.ts). Any entity not
 * listed empties them, as before: forgetting one here costs a session read, not a stale session.
 */
const DATA_ONLY_ENTITIES = new Set(["submission", "report", "import", "target", "chase"]);

/** Changes waiting beyond this many are refused (503): a backlog no deadline would see cleared. */
const MAX_WAITING_CHANGES = 20_000;

/** Thrown inside the transaction to roll it back while still answering (a 4xx answered, say). */
class Answered {
  constructor(readonly answer: unknown) {}
}

/** Answers a request with the answer kept under its Idempotency-Key, rolling back its change. */
function replay(reply: FastifyReply, stored: { statusCode: number; response: unknown }): never {
  reply.status(stored.statusCode).header("idempotent-replay", "true");
  throw new Answered(stored.response);
}

/**
 * Calls the handler with `reply.send` held back: an answer sent from inside the transaction would
 * leave before the commit (and the commit may still fail), so it is returned instead and Fastify
 * sends it once the transaction is over.
 */
async function holdingSend(reply: FastifyReply, handle: () => unknown): Promise<unknown> {
  let held: { payload: unknown } | null = null;
  const own = reply as unknown as { send?: (payload?: unknown) => FastifyReply; then?: unknown };
  own.send = (payload?: unknown) => {
    held = { payload };
    return reply;
  };
  // A handler returning `reply.send(…)` returns the reply, which is thenable (it settles once
  // the answer is out): with the answer held, awaiting it would wait forever.
  // biome-ignore lint/suspicious/noThenProperty: making the reply not thenable is the point
  own.then = undefined;
  try {
    const answer = await handle();
    return held ? (held as { payload: unknown }).payload : answer;
  } finally {
    delete own.send;
    delete own.then;
  }
}

/** The answer as the client will get it (through the route's response schema), for the log. */
function answerBody(reply: FastifyReply, answer: unknown): unknown {
  if (answer === undefined || answer === null || Buffer.isBuffer(answer)) return null;
  if (typeof answer !== "object") return null;
  return JSON.parse(reply.serialize(answer) as string);
}

/**
 * A change and its audit row commit together or not at all (F9). Every changing route with an
 * audit rule runs its handler inside one transaction, which also writes the audit row, keeps the
 * answer under its Idempotency-Key and takes the new data version (whose NOTIFY goes out at
 * commit); only then does the answer leave, so a commit that fails is never answered 2xx.
 *
 * Routes and services need not know: `app.db` is that transaction while the handler runs
 * (database.ts). That matters most for the embedded database: it has one connection, so a query
 * outside the transaction would wait for it forever. A request refused (401/403, before the
 * handler) or failed (4xx/5xx, rolled back) changed nothing; its row is written by audit.ts.
 *
 * Retries: a request whose database went away may be run again only when running it twice
 * cannot change things twice. A read can; a change with an Idempotency-Key can (its answer is
 * kept in the same transaction: if the first run committed after all, the retry finds it and
 * answers it). A change without a key is not retried: its commit may have reached the database
 * before the connection dropped, and a second run would create, submit or approve again; it
 * gets a 503 and the client decides.
 */
export default fp(
  async function transaction(app: FastifyInstance) {
    // Generic plans for a change's statements (GENERIC_PLANS): on the server. The embedded
    // database has no prepared statements to plan, and drizzle would set the level apart.
    const changeOptions = app.database.kind === "server" ? GENERIC_PLANS : undefined;

    async function change(
      this: FastifyInstance,
      handler: RouteHandlerMethod,
      request: FastifyRequest,
      reply: FastifyReply,
      attempt: number,
    ): Promise<unknown> {
      const key = request.idempotencyKey;
      const rule = request.routeOptions.config.audit as AuditRule;
      const done = await app.database.db.transaction((raw) => {
        const tx = raw as unknown as Database;
        return app.withTransaction(tx, async () => {
          if (attempt > 1 && key) {
            // The first run may have committed before its connection dropped.
            const stored = await storedResponse(tx, key);
            if (stored && answers(stored, request)) replay(reply, stored);
          }
          if (rule.before) request.auditBefore = await rule.before(request);
          const answer = await holdingSend(reply, () => handler.call(this, request, reply));
          if (reply.statusCode >= 400) throw new Answered(answer);
          // The answer as the client gets it, for the log and the Idempotency-Key; a rule that
          // keeps only part of it reads the answer itself (no serialize-and-parse round).
          const body = key || !rule.record ? answerBody(reply, answer) : answer;
          // Written with the version bump below, in its statement.
          const audit = auditInsert(tx, auditEntry(request, reply.statusCode, body));
          if (key) {
            const kept = await storeResponse(tx, {
              key,
              scope: scopeOf(request),
              statusCode: reply.statusCode,
              response: body,
            });
            // Another request under the same key committed while this one ran: this change is
            // rolled back, and the request answered as the key's retry or refused (F16).
            const stored = kept ? null : await storedResponse(tx, key);
            if (stored && answers(stored, request)) replay(reply, stored);
          }
          const dataOnly = DATA_ONLY_ENTITIES.has(rule.entity);
          const regions = dataOnly ? rule.regions?.(request) : undefined;
          const version = await bumpDataVersion(tx, audit, { dataOnly, regions });
          return { answer, dataOnly, regions, version };
        });
      }, changeOptions);
      request.audited = true;
      request.idempotentAnswerKept = Boolean(key);
      request.versionTaken = true;
      app.changes.committed(done.version, done.dataOnly, done.regions);
      return done.answer;
    }

    const queue = new WriteQueue(
      Math.max(1, (app.database.connections ?? 1) - READ_CONNECTIONS),
      MAX_WAITING_CHANGES,
    );

    async function changeOrAnswer(
      this: FastifyInstance,
      handler: RouteHandlerMethod,
      request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<unknown> {
      if (queue.full) {
        reply.header("retry-after", String(RETRY_AFTER_SECONDS));
        throw new ApiError(503, "too many changes are waiting; try again in a few seconds", {
          rule: "busy",
        });
      }
      const attempts = request.idempotencyKey ? 2 : 1;
      for (let attempt = 1; ; attempt++) {
        try {
          return await queue.run(() => change.call(this, handler, request, reply, attempt));
        } catch (error) {
          if (error instanceof Answered) return error.answer;
          if (attempt >= attempts || reply.sent || !isDatabaseUnavailable(error)) throw error;
          await sleep(RETRY_DELAY_MS);
        }
      }
    }

    async function read(
      this: FastifyInstance,
      handler: RouteHandlerMethod,
      request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<unknown> {
      try {
        return await handler.call(this, request, reply);
      } catch (error) {
        if (reply.sent || !isDatabaseUnavailable(error)) throw error;
        // A pooled connection may have died with its server: one more try, on a new one.
        await sleep(RETRY_DELAY_MS);
        return handler.call(this, request, reply);
      }
    }

    app.addHook("onRoute", (route: RouteOptions) => {
      const methods = [route.method].flat();
      const rule = (route.config as { audit?: AuditRule | "self" } | undefined)?.audit;
      const handler = route.handler;
      if (methods.some((m) => CHANGING.has(m)) && rule && rule !== "self") {
        route.handler = function (this: FastifyInstance, request, reply) {
          return changeOrAnswer.call(this, handler, request, reply);
        };
      } else if (methods.every((m) => m === "GET" || m === "HEAD")) {
        route.handler = function (this: FastifyInstance, request, reply) {
          return read.call(this, handler, request, reply);
        };
      }
    });
  },
  { name: "transaction", dependencies: ["database", "changes", "audit", "idempotency"] },
);
