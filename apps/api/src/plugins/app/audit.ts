import { writeAudit } from "@jindu/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

export interface AuditRule {
  /** What kind of thing the request changes: `target`, `submission`, `user`… */
  entity: string;
  /** Which one: from the request, or for a creation from the answer (the new row's id). */
  id?: (request: FastifyRequest, answer: unknown) => string | undefined;
  /** Its state before the change, for the old value. */
  before?: (request: FastifyRequest) => Promise<unknown>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every changing route says what it changes; `self` routes write their own entries. */
    audit?: AuditRule | "self";
  }
  interface FastifyRequest {
    auditBefore?: unknown;
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

/**
 * An audit row for every request that changes something, allowed or not: who, when, from which
 * address, what entity, old and new value, the result and the reason. Written before the
 * response leaves, so nothing reported as done is missing from the log.
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

    app.addHook("preHandler", async (request) => {
      const rule = request.routeOptions.config.audit;
      if (!rule || rule === "self" || !rule.before || !request.user) return;
      request.auditBefore = await rule.before(request);
    });

    app.addHook("onSend", async (request, reply, payload) => {
      const rule = request.routeOptions.config.audit;
      if (!rule || rule === "self" || !CHANGING.has(request.method)) return payload;
      const body = parse(payload) as { message?: string } | null;
      const status = reply.statusCode;
      await writeAudit(app.db, {
        userId: request.user?.id ?? null,
        username: request.user?.username ?? null,
        ip: request.ip,
        requestId: request.id,
        action: `${request.method} ${request.routeOptions.url}`,
        entity: rule.entity,
        entityId: storable(rule.id?.(request, body)),
        oldValue: status < 400 ? (request.auditBefore ?? null) : null,
        newValue: status < 400 ? body : null,
        result: status < 400 ? "success" : status === 401 || status === 403 ? "denied" : "failure",
        reason: status < 400 ? null : storable(body?.message ?? `HTTP ${status}`),
      });
      return payload;
    });
  },
  { name: "audit", dependencies: ["database"] },
);
