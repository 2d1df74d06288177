/**
 * `pnpm backup [file]`: PostgreSQL (DATABASE_URL) with pg_dump, or the embedded database
 * (stopped first) with PGlite's dumpDataDir. See backup.ts beside the CLI.
 */
import { backupDatabase } from "../backup.js";
import { dataDir, run, userPath } from "./common.js";

await run(async () => {
  const url = process.env.DATABASE_URL;
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const file = userPath(process.argv[2] ?? `jindu-${stamp}${url ? ".pgdump" : ".pglite.tar.gz"}`);
  await backupDatabase(url ? { url } : { dataDir: dataDir() }, file);
  console.log(`Backed up to ${file}`);
});
