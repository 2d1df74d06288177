import { writeAudit } from "@jindu/db";
import type { FastifyRequest } from "fastify";

/**
 * An audit row for a read of sensitive data (the audit log, the accounts, a month's figures as a
 * file): who read what, with which filters, and how many rows left. Named as changes are, by
 * method and route, so that the audit log's filters list them alike.
 */
export async function auditRead(
  request: FastifyRequest,
  entity: string,
  what: { entityId?: string; filter?: unknown; rows?: number },
) {
  await writeAudit(request.server.db, {
    userId: request.user?.id ?? null,
    username: request.user?.username ?? null,
    ip: request.ip,
    requestId: request.id,
    action: `${request.method} ${request.routeOptions.url}`,
    entity,
    entityId: what.entityId ?? null,
    newValue: { filter: what.filter ?? null, rows: what.rows ?? null },
    result: "success",
  });
}
