import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { is, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { migrateServer, migrationsFolder } from "./migrations.js";
import { PreparingClient } from "./prepared.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath; queries are written once for both. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  /** `embedded` (PGlite in-process) or `server` (PostgreSQL over `pg`). */
  kind: "embedded" | "server";
  /** How many queries can run at once: the pool's size (server), 1 (embedded). */
  connections?: number;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's data directory (null for the server or an in-memory one). */
  dataDir: string | null;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel`, from any process using the
   * same database. If the listening connection is lost, calls `onLost` and keeps reconnecting
   * (with backoff) until listening again, then calls `onRestored`: notifications sent in between
   * are missed, so whoever relies on them must distrust what it knows until then. Resolves once
   * listening, to a function that stops.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    events?: ListenEvents,
  ): Promise<() => Promise<void>>;
}

export interface ListenEvents {
  onLost?: (error: Error) => void;
  onRestored?: () => void;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without one the embedded database is used. */
  url?: string | undefined;
  /** Data directory of the embedded database, or `memory://` for a throwaway one. */
  dataDir?: string | undefined;
  /** Embedded only: start from this archive of a data directory (PGlite's dumpDataDir). */
  loadDataDir?: Blob | undefined;
  /** Pool size for the server driver. */
  maxConnections?: number;
  /**
   * What the server lists as `application_name` (pg_stat_activity): the pool as given, the
   * notification listener with `-listen` appended. Default `jindu-<pid>`.
   */
  applicationName?: string;
}

/** Waits between attempts to listen again: doubling from 100 ms up to 5 s. */
const RELISTEN_FIRST_MS = 100;
const RELISTEN_MAX_MS = 5_000;

export const DEFAULT_DATA_DIR = ".data/pglite";

/** Who hears of each statement drizzle sends (tests and profiles that count round trips). */
const statementWatchers = new Set<(text: string) => void>();
/** drizzle's logger: nothing to do, and one function call per statement, while no one watches. */
const statementLogger = {
  logQuery(text: string) {
    for (const watch of statementWatchers) watch(text);
  },
};

/**
 * Calls `watch` with the text of every statement any database of this process sends through
 * drizzle, inside transactions too, on either driver (not the transaction's begin and commit on
 * the embedded one); the returned function stops it.
 */
export function watchStatements(watch: (text: string) => void): () => void {
  statementWatchers.add(watch);
  return () => statementWatchers.delete(watch);
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const url = options.url;
    const applicationName = options.applicationName ?? `jindu-${process.pid}`;
    const max = options.maxConnections ?? 10;
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: url,
      max,
      application_name: applicationName,
      // While the server is down a request waits at most this long for a connection, then fails
      // (503) instead of hanging.
      connectionTimeoutMillis: 5_000,
    });
    // A connection that dies (server restart, an administrator's kill) emits "error" on its
    // client. pg-pool listens only while the client is idle (then it emits the pool's "error",
    // below) and stops listening when the client is checked out, so without a listener of our
    // own an error arriving while a request holds the connection (between two queries of a
    // transaction) would be an unhandled "error" event that ends the process. The query in
    // flight, or the next one, fails with the error anyway, and the pool drops the client on
    // release, so there is nothing else to do here.
    pool.on("connect", (client) => {
      client.on("error", () => {});
    });
    pool.on("error", () => {});
    const db = drizzlePg(pool, { schema, logger: statementLogger });
    return {
      db: db as unknown as Database,
      kind: "server",
      connections: max,
      dataDir: null,
      // On a connection of its own, as the schema's owner (see migrations.ts).
      migrate: () => migrateServer(url),
      close: () => pool.end(),
      listen: (channel, onMessage, events = {}) =>
        listenOnServer(url, `${applicationName}-listen`, channel, onMessage, events),
    };
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(
    options.loadDataDir ? { dataDir, loadDataDir: options.loadDataDir } : { dataDir },
  );
  const db = drizzlePglite(client, { schema, logger: statementLogger });
  return {
    db: db as unknown as Database,
    kind: "embedded",
    connections: 1,
    dataDir: dataDir.startsWith("memory://") ? null : dataDir,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
    async listen(channel, onMessage) {
      const stop = await client.listen(channel, onMessage);
      // Stopping after the database was closed has nothing left to stop.
      return () => stop().catch(() => {});
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries between messages),
 * and when that connection is lost, on a new one as soon as the server takes it.
 */
async function listenOnServer(
  url: string,
  applicationName: string,
  channel: string,
  onMessage: (payload: string) => void,
  { onLost, onRestored }: ListenEvents,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let wait = RELISTEN_FIRST_MS;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, application_name: applicationName });
    let ready = false;
    let lost = false;
    // A lost connection reports "error" (often twice: the server's message, then the socket's
    // end) or only "end"; react once. Failures while connecting reject connect() instead.
    const drop = (error: Error) => {
      if (!ready || lost || stopped) return;
      lost = true;
      if (client === next) client = null;
      next.end().catch(() => {});
      onLost?.(error);
      schedule();
    };
    next.on("error", drop);
    next.on("end", () => drop(new Error("the notification connection ended")));
    next.on("notification", (message) => {
      if (message.channel === channel) onMessage(message.payload ?? "");
    });
    try {
      await next.connect();
      await next.query(`listen ${next.escapeIdentifier(channel)}`);
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    ready = true;
  };

  const schedule = () => {
    if (stopped || retry) return;
    // Jitter, so that the processes of a deployment do not all knock at the same instant.
    const delay = wait / 2 + Math.random() * (wait / 2);
    wait = Math.min(wait * 2, RELISTEN_MAX_MS);
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        await connect();
      } catch {
        schedule();
        return;
      }
      wait = RELISTEN_FIRST_MS;
      if (!stopped) onRestored?.();
    }, delay);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** Rows of a raw SQL query; both drivers return them under `rows`. */
/**
 * What a wrapper of a database (the API's request-following `app.db`) answers as the database it
 * wraps, whichever transaction it stands for at the moment.
 */
export const DATABASE_ITSELF = Symbol("jindu.database");

/**
 * The database behind `db`, the same object for every transaction on it, for per-database
 * memory; undefined for a bare transaction (its database cannot be told).
 */
export function databaseItself(db: Database): object | undefined {
  const wrapped = (db as unknown as { [DATABASE_ITSELF]?: object })[DATABASE_ITSELF];
  if (wrapped) return wrapped;
  return is(db, PgTransaction) ? undefined : db;
}

/** Whether `db` is a transaction (the API's `app.db` is, inside a change's request). */
export function isTransaction(db: Database): boolean {
  return is(db, PgTransaction);
}

/**
 * Runs `fn` in a transaction: `db`'s own when it already is one (a change's request transaction),
 * else a new one. A nested drizzle transaction would be a savepoint, two more round trips, though
 * every caller inside a transaction lets a refusal roll back the whole of it.
 */
export function withinTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  if (is(db, PgTransaction)) return fn(db);
  return db.transaction((tx) => fn(tx as unknown as Database));
}

/**
 * Runs independent queries: at once over the pool, one after another inside a transaction (its
 * one connection would queue them anyway, and pg refuses queries sent while one is running).
 */
export async function readTogether<T extends readonly unknown[]>(
  db: Database,
  ...queries: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (!is(db, PgTransaction)) return (await Promise.all(queries.map((q) => q()))) as unknown as T;
  const out: unknown[] = [];
  for (const query of queries) out.push(await query());
  return out as unknown as T;
}

/** An element of an array literal: numbers as written, text quoted, null (and non-finite) as NULL. */
function arrayElement(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/**
 * A list of values as one parameter, an array of the given type (`text`, `numeric`, an enum):
 * `region_code = any(${sqlArray(codes, "text")})`, or columns side by side with unnest(). One
 * parameter, sent as an array literal that both drivers pass on as it is, is read far faster
 * than a parameter per value or a JSON document of a row per object (an import's 100,000
 * figures: tens of milliseconds instead of about a second).
 */
export function sqlArray(values: readonly (string | number | null)[], type: string): SQL {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) literal += ",";
    literal += arrayElement(values[i] as string | number | null);
  }
  return sql`${`${literal}}`}::${sql.raw(type)}[]`;
}

export async function queryRows<T>(
  db: Database,
  query: Parameters<Database["execute"]>[0],
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * True when the database answers a trivial query within `timeoutMs`: a probe must answer even
 * when the server does not (a network partition, a full connection pool).
 */
export async function databaseIsUp(db: Database, timeoutMs = 1_500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
