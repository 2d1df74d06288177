import type { DatabaseHandle } from "@jindu/db";
import type { FastifyInstance } from "fastify";
import actor from "./app/actor.js";
import database from "./app/database.js";
import errorHandler from "./app/error-handler.js";
import idempotency from "./app/idempotency.js";
import multipart from "./external/multipart.js";
import swagger from "./external/swagger.js";

/** Third-party plugins first, then our own decorators, as in fastify/demo. */
export async function registerPlugins(
  app: FastifyInstance,
  opts: { database: DatabaseHandle; spaFallback: boolean },
) {
  await app.register(swagger);
  await app.register(multipart);
  await app.register(database, { database: opts.database });
  await app.register(errorHandler, { spaFallback: opts.spaFallback });
  await app.register(actor);
  await app.register(idempotency);
}
