/**
 * `pnpm restore <file> [--force]`: into PostgreSQL (DATABASE_MIGRATOR_URL, else DATABASE_URL: the
 * schema's owner or a superuser) or the embedded database. Refuses a database that has data
 * unless --force.
 */
import { restoreDatabase } from "../backup.js";
import { dataDir, run, userPath } from "./common.js";

await run(async () => {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new Error("Usage: pnpm restore <file> [--force]");
  const url = process.env.DATABASE_MIGRATOR_URL ?? process.env.DATABASE_URL;
  const target = url ? { url } : { dataDir: dataDir() };
  const { movedAside } = await restoreDatabase(target, userPath(file), { force });
  if (movedAside) console.log(`The database that was there is kept at ${movedAside}`);
  console.log(`Restored ${file}`);
});
