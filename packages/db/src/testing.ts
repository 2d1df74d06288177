import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, type DatabaseHandle, openDatabase } from "./client.js";
import { migrateServer } from "./migrations.js";
import { APP_ROLE, MIGRATOR_ROLE, setUpRoles, urlAs } from "./roles.js";
import { seedDatabase } from "./seed/index.js";

export interface TestDatabase extends DatabaseHandle {
  /** Connection string of the throwaway database as the app's role, jindu_app (server only). */
  url: string | null;
  /** The same database as its owner, jindu_migrator (server only). */
  ownerUrl: string | null;
  /**
   * The schema owner's connection, for the few tests that need more than the app's rights
   * (creating a test trigger, testing the append-only triggers themselves). Embedded: the same
   * database, which has a single user.
   */
  owner(): Promise<Database>;
}

/** An empty database on a server, with the connection strings of each role; dropped by `drop`. */
export interface ScratchDatabase {
  name: string;
  /** As the server's administrator (the `serverUrl` user, a superuser). */
  adminUrl: string;
  appUrl: string;
  ownerUrl: string;
  drop(): Promise<void>;
}

async function asAdmin(
  serverUrl: string,
  work: string | ((client: pg.Client) => Promise<void>),
): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await (typeof work === "string" ? admin.query(work) : work(admin));
  } finally {
    await admin.end();
  }
}

/**
 * A new empty database on the server at `serverUrl` (a superuser's connection string), with
 * the roles set up as `pnpm db:roles` does (owned by jindu_migrator). The roles' passwords come from JINDU_MIGRATOR_PASSWORD / JINDU_APP_PASSWORD where the server
 * asks for them; with trust authentication (this machine) none is needed.
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `jindu_test_${randomBytes(6).toString("hex")}`;
  await asAdmin(serverUrl, `create database ${name}`);
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  const adminUrl = parsed.toString();
  await asAdmin(adminUrl, (client) => setUpRoles(client));
  return {
    name,
    adminUrl,
    appUrl: urlAs(adminUrl, APP_ROLE, process.env.JINDU_APP_PASSWORD),
    ownerUrl: urlAs(adminUrl, MIGRATOR_ROLE, process.env.JINDU_MIGRATOR_PASSWORD),
    drop: () => asAdmin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * A fresh, migrated database for one test file: with DATABASE_URL (or `server`, for tests that
 * need one whatever the run), a new database on that server (dropped on close) so that parallel
 * runs never collide, migrated as its owner and handed to the tests as the app's role, as the
 * API runs in production; without either, an in-memory PGlite.
 */
export async function openTestDatabase(
  options: { seed?: boolean; server?: string } = {},
): Promise<TestDatabase> {
  const serverUrl = options.server ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    if (options.seed !== false) await seedDatabase(handle.db);
    return { ...handle, url: null, ownerUrl: null, owner: async () => handle.db };
  }
  const scratch = await createScratchDatabase(serverUrl);
  await migrateServer(scratch.adminUrl);
  const handle = await openDatabase({ url: scratch.appUrl, maxConnections: 5 });
  if (options.seed !== false) await seedDatabase(handle.db);
  let owner: DatabaseHandle | undefined;
  return {
    ...handle,
    url: scratch.appUrl,
    ownerUrl: scratch.ownerUrl,
    migrate: () => migrateServer(scratch.adminUrl),
    async owner() {
      owner ??= await openDatabase({ url: scratch.ownerUrl, maxConnections: 2 });
      return owner.db;
    },
    close: async () => {
      await handle.close();
      await owner?.close();
      await scratch.drop();
    },
  };
}
