import type { Database, DatabaseHandle } from "@jindu/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    db: Database;
    database: DatabaseHandle;
  }
}

/** Makes the database available to every route as `app.db`; the caller owns its lifetime. */
export default fp(
  async function database(app: FastifyInstance, opts: { database: DatabaseHandle }) {
    app.decorate("database", opts.database);
    app.decorate("db", opts.database.db);
  },
  { name: "database" },
);
