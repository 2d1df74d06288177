import { isDatabaseUnavailable } from "@jindu/db";
import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { ApiError, DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS } from "../../errors.js";

const REASONS: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  401: "Unauthorized",
  403: "Forbidden",
  423: "Locked",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/** Fastify's validation errors name the field by JSON pointer; users want the field's name. */
function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty;
  const path = first.instancePath.replace(/^\//, "").replaceAll("/", ".");
  return missing ? (path ? `${path}.${missing}` : missing) : path || error.validationContext;
}

/**
 * One error handler: 4xx keep their message (with the field for validation errors); a database
 * that went away (restart, outage, full disk, closed) is a 503 with a retry hint; other 5xx are
 * logged with the request and answered with a generic message.
 */
export default fp(async function errorHandler(
  app: FastifyInstance,
  opts: { spaFallback?: boolean },
) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send({
        statusCode: error.statusCode,
        error: REASONS[error.statusCode] ?? "Error",
        message: error.message,
        ...error.extras,
      });
    }
    if (error.validation) {
      const field = fieldOf(error);
      const reason = error.validation[0]?.message ?? "is invalid";
      return reply.status(400).send({
        statusCode: 400,
        error: "Bad Request",
        message: field ? `${field} ${reason}` : error.message,
        ...(field ? { field } : {}),
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        statusCode: status,
        error: REASONS[status] ?? "Error",
        message: error.message,
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      return reply.status(503).header("retry-after", String(RETRY_AFTER_SECONDS)).send({
        statusCode: 503,
        error: REASONS[503],
        message: "The database is unavailable right now; try again in a few seconds",
        rule: DATABASE_UNAVAILABLE,
      });
    }
    request.log.error({ err: error }, "request failed");
    return reply
      .status(500)
      .send({ statusCode: 500, error: "Internal Server Error", message: "Something went wrong" });
  });

  // Rate-limited, so that probing for URLs is slow and cheap for us.
  app.setNotFoundHandler(
    { preHandler: app.rateLimit({ max: 60, timeWindow: "1 minute" }) },
    (request, reply) => {
      // The dashboard's own routes (/overview, /regions/...) are client-side: serve its page.
      const isPage =
        request.method === "GET" &&
        !request.url.startsWith("/api/") &&
        (request.headers.accept ?? "").includes("text/html");
      if (opts.spaFallback && isPage) return reply.type("text/html").sendFile("index.html");
      return reply.status(404).send({
        statusCode: 404,
        error: "Not Found",
        message: `${request.method} ${request.url.split("?")[0]} does not exist`,
      });
    },
  );
});
