import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "./client.js";
import { seedDatabase } from "./seed/index.js";

export interface TestDatabase extends DatabaseHandle {
  /** Connection string of the throwaway database (server only). */
  url: string | null;
}

/**
 * A fresh, migrated database for one test file: with DATABASE_URL (or `server`, for tests that
 * need one whatever the run), a new database on that server (dropped on close) so that parallel
 * runs never collide; without either, an in-memory PGlite.
 */
export async function openTestDatabase(
  options: { seed?: boolean; server?: string } = {},
): Promise<TestDatabase> {
  const serverUrl = options.server ?? process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let url: string | null = null;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `jindu_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    handle = await openDatabase({ url, maxConnections: 5 });
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    handle = await openDatabase({ dataDir: "memory://" });
  }
  await handle.migrate();
  if (options.seed !== false) await seedDatabase(handle.db);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}
