import { type AuditEntry, isDatabaseUnavailable, writeAudit } from "@jindu/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

export interface AuditRule {
  /** What kind of thing the request changes: `target`, `submission`, `user`… */
  entity: string;
  /** Which one: from the request, or for a creation from the answer (the new row's id). */
  id?: (request: FastifyRequest, answer: unknown) => string | undefined;
  /** Its state before the change, for the old value. */
  before?: (request: FastifyRequest) => Promise<unknown>;
  /**
   * What the log keeps of a state (old and new value alike); the whole of it when absent. A
   * month's form is ~15 KB of names, targets and checks around its figures: the log keeps the
   * figures (the rest is the catalogue's, which has its own log).
   */
  record?: (state: unknown) => unknown;
  /**
   * The regions whose own figures and months a data-only change touches, each whole or one month
   * of it (`monthPlace`: a month's change): announced with the change, so that what is kept per
   * region and per month elsewhere stays kept (changes.ts, region-memory.ts).
   * Absent: the change may have touched any region.
   */
  regions?: (request: FastifyRequest) => readonly string[];
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every changing route says what it changes; `self` routes write their own entries. */
    audit?: AuditRule | "self";
  }
  interface FastifyRequest {
    auditBefore?: unknown;
    /** Set once the audit row was written in the change's own transaction (transaction.ts). */
    audited?: boolean;
  }
}

const CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The id of the row a creation answers with, which names it in the log. */
export const createdId = (_request: FastifyRequest, answer: unknown) => {
  const id = (answer as { id?: unknown } | null)?.id;
  return typeof id === "number" || typeof id === "string" ? String(id) : undefined;
};

/** PostgreSQL text cannot hold NUL: a refused request that carried one is still logged. */
const storable = (text: string | null | undefined) => text?.replaceAll("\u0000", "\uFFFD") ?? null;

function parse(payload: unknown): unknown {
  if (typeof payload !== "string") return null;
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}

/** What the log keeps of a state: the rule's record of it, or the whole. */
function kept(rule: AuditRule, state: unknown): unknown {
  if (state === undefined || state === null) return null;
  return rule.record ? rule.record(state) : state;
}

/** The audit row of a request answered with `status` and `body` (the answer as sent). */
export function auditEntry(request: FastifyRequest, status: number, body: unknown): AuditEntry {
  const rule = request.routeOptions.config.audit as AuditRule;
  const ok = status < 400;
  return {
    userId: request.user?.id ?? null,
    username: request.user?.username ?? null,
    ip: request.ip,
    requestId: request.id,
    action: `${request.method} ${request.routeOptions.url}`,
    entity: rule.entity,
    entityId: storable(rule.id?.(request, body)),
    oldValue: ok ? kept(rule, request.auditBefore) : null,
    newValue: ok ? kept(rule, body) : null,
    result: ok ? "success" : status === 401 || status === 403 ? "denied" : "failure",
    reason: ok
      ? null
      : storable((body as { message?: string } | null)?.message ?? `HTTP ${status}`),
  };
}

/**
 * An audit row for every request that changes something, allowed or not: who, when, from which
 * address, what entity, old and new value, the result and the reason. A change writes its row
 * in its own transaction (transaction.ts), so that the two commit together or not at all (F9);
 * a request refused or failed changed nothing, and its row is written here, before the answer
 * leaves.
 */
export default fp(
  async function audit(app: FastifyInstance) {
    app.addHook("onRoute", (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const config = route.config as { audit?: unknown } | undefined;
      if (methods.some((m) => CHANGING.has(m)) && !config?.audit) {
        throw new Error(`${route.method} ${route.url} changes data but has no audit rule`);
      }
    });

    async function write(request: FastifyRequest, status: number, payload: unknown) {
      try {
        await writeAudit(app.db, auditEntry(request, status, parse(payload)));
      } catch (error) {
        // The request failed because the database is gone (it is answered 503): its row cannot
        // be written either, and it changed nothing.
        if (!isDatabaseUnavailable(error)) throw error;
        request.log.error({ err: error }, "audit row of a failed request not written");
      }
    }

    // Callback-style (issue 16): reads, and changes whose row went with their transaction, pass
    // without a promise each.
    app.addHook("onSend", (request, reply, payload, done) => {
      const rule = request.routeOptions.config.audit;
      if (!rule || rule === "self" || !CHANGING.has(request.method) || request.audited) {
        return done(null, payload);
      }
      write(request, reply.statusCode, payload).then(() => done(null, payload), done);
    });
  },
  { name: "audit", dependencies: ["database"] },
);
