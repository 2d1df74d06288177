import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath; queries are written once for both. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  /** `embedded` (PGlite in-process) or `server` (PostgreSQL over `pg`). */
  kind: "embedded" | "server";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel`, from any process using the
   * same database; `onLost` if the listening connection fails. Resolves once listening, to a
   * function that stops.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onLost?: (error: Error) => void,
  ): Promise<() => Promise<void>>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without one the embedded database is used. */
  url?: string | undefined;
  /** Data directory of the embedded database, or `memory://` for a throwaway one. */
  dataDir?: string | undefined;
  /** Pool size for the server driver. */
  maxConnections?: number;
}

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

export const DEFAULT_DATA_DIR = ".data/pglite";

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // An idle connection that dies (server restart, a database dropped, an administrator's
    // kill) is thrown away and replaced by the pool; without a listener its error would crash the
    // process. Errors of queries in flight still reach their callers.
    pool.on("error", () => {});
    const db = drizzlePg(pool, { schema });
    return {
      db: db as unknown as Database,
      kind: "server",
      migrate: () => migratePg(db, { migrationsFolder }),
      close: () => pool.end(),
      async listen(channel, onMessage, onLost) {
        // A connection of its own: a pooled one would be handed to queries between messages.
        const client = new pg.Client({ connectionString: options.url });
        client.on("error", (error) => onLost?.(error));
        client.on("notification", (message) => {
          if (message.channel === channel) onMessage(message.payload ?? "");
        });
        await client.connect();
        await client.query(`listen ${client.escapeIdentifier(channel)}`);
        return () => client.end();
      },
    };
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Database,
    kind: "embedded",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
    async listen(channel, onMessage) {
      const stop = await client.listen(channel, onMessage);
      return () => stop();
    },
  };
}

/** Rows of a raw SQL query; both drivers return them under `rows`. */
export async function queryRows<T>(
  db: Database,
  query: Parameters<Database["execute"]>[0],
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** True when the database answers a trivial query. */
export async function databaseIsUp(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
