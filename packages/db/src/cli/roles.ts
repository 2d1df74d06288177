/**
 * `pnpm db:roles`: as a superuser (DATABASE_ADMIN_URL, else DATABASE_URL), creates jindu_migrator
 * and jindu_app if missing, sets their passwords from JINDU_MIGRATOR_PASSWORD and
 * JINDU_APP_PASSWORD, and hands the database to jindu_migrator. Then `pnpm migrate` runs as
 * jindu_migrator and the server as jindu_app.
 */
import pg from "pg";
import { isSuperuser, rolePasswordsFromEnv, setUpRoles } from "../roles.js";
import { run } from "./common.js";

await run(async () => {
  const url = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_ADMIN_URL to a superuser's connection string.");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!(await isSuperuser(client))) {
      throw new Error("pnpm db:roles needs a superuser's connection (DATABASE_ADMIN_URL).");
    }
    await setUpRoles(client, rolePasswordsFromEnv());
  } finally {
    await client.end();
  }
  console.log(
    `Roles jindu_migrator (owner of ${new URL(url).pathname.slice(1)}) and jindu_app are ready.`,
  );
});
