import type { DatabaseHandle } from "@jindu/db";
import type { FastifyInstance } from "fastify";
import answerCache from "./app/answer-cache.js";
import audit from "./app/audit.js";
import auth from "./app/auth.js";
import background, { type BackgroundOptions } from "./app/background.js";
import catalogueMemory from "./app/catalogue-memory.js";
import changes from "./app/changes.js";
import database from "./app/database.js";
import errorHandler from "./app/error-handler.js";
import idempotency from "./app/idempotency.js";
import regionMemory from "./app/region-memory.js";
import spreadsheetReader from "./app/spreadsheet-reader.js";
import transaction from "./app/transaction.js";
import multipart from "./external/multipart.js";
import security from "./external/security.js";
import swagger from "./external/swagger.js";

/** Third-party plugins first, then our own decorators, as in fastify/demo. */
export async function registerPlugins(
  app: FastifyInstance,
  opts: { database: DatabaseHandle; spaFallback: boolean; background?: BackgroundOptions },
) {
  await app.register(security);
  await app.register(swagger);
  await app.register(multipart);
  await app.register(database, { database: opts.database });
  await app.register(errorHandler, { spaFallback: opts.spaFallback });
  await app.register(changes);
  await app.register(catalogueMemory);
  await app.register(regionMemory);
  // Order matters: hooks run in registration order, so who the user is and whether they may
  // act is settled before an audit entry is prepared or a stored response replayed.
  await app.register(auth);
  await app.register(audit);
  await app.register(idempotency);
  await app.register(answerCache);
  // Last: it wraps the handlers of changes in their transaction (with audit row and version).
  await app.register(transaction);
  await app.register(spreadsheetReader);
  await app.register(background, { options: opts.background });
}
