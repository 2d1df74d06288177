import { AsyncLocalStorage } from "node:async_hooks";
import { DATABASE_ITSELF, type Database, type DatabaseHandle } from "@jindu/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** The database; inside a change's transaction (see transaction.ts), that transaction. */
    db: Database;
    database: DatabaseHandle;
    /** Runs `work` with `app.db` meaning `tx` in everything it calls and awaits. */
    withTransaction<T>(tx: Database, work: () => Promise<T>): Promise<T>;
  }
}

/**
 * `app.db` follows the request: in code running inside a changing request's transaction it is
 * that transaction (found through AsyncLocalStorage), everywhere else the database. Routes and
 * services keep writing `app.db`, and no query of a change can slip outside its transaction:
 * with the embedded database, which has one connection, such a query would wait for the
 * transaction forever.
 */
function following(base: Database, current: AsyncLocalStorage<Database>): Database {
  return new Proxy(base, {
    get(target, property) {
      if (property === DATABASE_ITSELF) return target;
      const db = current.getStore() ?? target;
      const value = Reflect.get(db, property, db);
      return typeof value === "function" ? value.bind(db) : value;
    },
    // So that `instanceof` (drizzle's `is`) sees the transaction, as withinTransaction asks.
    getPrototypeOf(target) {
      return Reflect.getPrototypeOf(current.getStore() ?? target);
    },
  });
}

/** Makes the database available to every route as `app.db`; the caller owns its lifetime. */
export default fp(
  async function database(app: FastifyInstance, opts: { database: DatabaseHandle }) {
    const current = new AsyncLocalStorage<Database>();
    app.decorate("database", opts.database);
    app.decorate("db", following(opts.database.db, current));
    app.decorate("withTransaction", <T>(tx: Database, work: () => Promise<T>) =>
      current.run(tx, work),
    );
  },
  { name: "database" },
);
