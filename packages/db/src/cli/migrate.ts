/**
 * `pnpm migrate`: brings the schema up to date, as the schema's owner. PostgreSQL:
 * DATABASE_MIGRATOR_URL (jindu_migrator), else DATABASE_URL; a superuser's connection also sets
 * up the roles (see roles.ts) and migrates as jindu_migrator. Without either: the embedded
 * database. The server then runs as jindu_app, which may not change the schema.
 */
import { openDatabase } from "../client.js";
import { migrateServer } from "../migrations.js";
import { dataDir, run } from "./common.js";

await run(async () => {
  const url = process.env.DATABASE_MIGRATOR_URL ?? process.env.DATABASE_URL;
  if (url) {
    await migrateServer(url);
    console.log(`Migrated ${new URL(url).pathname.slice(1)} as its owner; jindu_app is granted.`);
    return;
  }
  const directory = dataDir();
  const handle = await openDatabase({ dataDir: directory });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  console.log(`Migrated the embedded database at ${directory}.`);
});
