import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type Database, type DatabaseHandle, openDatabase } from "./client.js";
import { migrateServer, migrationsFolder } from "./migrations.js";
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
export async function createScratchDatabase(
  serverUrl: string,
  template?: string,
): Promise<ScratchDatabase> {
  const name = `jindu_test_${randomBytes(6).toString("hex")}`;
  await asAdmin(serverUrl, `create database ${name}${template ? ` template ${template}` : ""}`);
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

/** Every file under a folder, in a stable order. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/**
 * A migrated and seeded embedded database as an archive of its data directory, built once per
 * state of the migrations and the seed and kept in the system's temporary folder: each test file
 * starts from a copy (about a second) instead of creating, migrating and seeding its own (about
 * ten, most of the embedded run's time).
 */
/** What a seeded test database is made of: the migrations and the seed, as one short hash. */
function seedStateHash(): string {
  const hash = createHash("sha256");
  const sources = [
    migrationsFolder,
    fileURLToPath(new URL("./seed", import.meta.url)),
    fileURLToPath(new URL("../seed-data", import.meta.url)),
  ];
  for (const path of sources.flatMap(filesUnder)) hash.update(path).update(readFileSync(path));
  return hash.digest("hex").slice(0, 16);
}

async function seededArchive(): Promise<Blob> {
  const file = join(tmpdir(), `jindu-test-db-${seedStateHash()}.tar`);
  if (!existsSync(file)) {
    const handle = await openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    await seedDatabase(handle.db);
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } })
      .$client;
    const archive = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
    await handle.close();
    // Parallel test files may build it at once: each writes its own file, the last rename wins.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, archive);
    renameSync(partial, file);
    // Archives of earlier migrations or seeds are of no further use (about 90 MB each).
    for (const old of readdirSync(tmpdir())) {
      const path = join(tmpdir(), old);
      if (/^jindu-test-db-[0-9a-f]{16}\.tar$/.test(old) && path !== file)
        rmSync(path, { force: true });
    }
  }
  return new Blob([readFileSync(file)]);
}

/**
 * The server's counterpart: a migrated and seeded database kept as a template (one per state of
 * the migrations and seed, older ones dropped), built under an advisory lock so that parallel
 * test files build it once; each file's database is a copy (CREATE DATABASE … TEMPLATE).
 */
async function seededTemplate(serverUrl: string): Promise<string> {
  const name = `jindu_template_${seedStateHash()}`;
  await asAdmin(serverUrl, async (client) => {
    await client.query("select pg_advisory_lock(hashtext('jindu_test_template'))");
    try {
      const found = await client.query("select 1 from pg_database where datname = $1", [name]);
      if (found.rowCount) return;
      const scratch = await createScratchDatabase(serverUrl);
      await migrateServer(scratch.adminUrl);
      const handle = await openDatabase({ url: scratch.appUrl, maxConnections: 2 });
      await seedDatabase(handle.db);
      await handle.close();
      // The pool's connections may still be closing: a database in use cannot be renamed.
      await client.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1",
        [scratch.name],
      );
      await client.query(`alter database ${scratch.name} rename to ${name}`);
      const old = await client.query<{ datname: string }>(
        "select datname from pg_database where datname like 'jindu\\_template\\_%' and datname <> $1",
        [name],
      );
      for (const { datname } of old.rows) {
        await client.query(`drop database if exists ${datname} with (force)`);
      }
    } finally {
      await client.query("select pg_advisory_unlock(hashtext('jindu_test_template'))");
    }
  });
  return name;
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
    const seeded = options.seed !== false;
    const handle = await openDatabase({
      dataDir: "memory://",
      loadDataDir: seeded ? await seededArchive() : undefined,
    });
    if (!seeded) await handle.migrate();
    return { ...handle, url: null, ownerUrl: null, owner: async () => handle.db };
  }
  const seeded = options.seed !== false;
  const scratch = await createScratchDatabase(
    serverUrl,
    seeded ? await seededTemplate(serverUrl) : undefined,
  );
  if (!seeded) await migrateServer(scratch.adminUrl);
  const handle = await openDatabase({ url: scratch.appUrl, maxConnections: 5 });
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
