import { fileURLToPath } from "node:url";
import { type SQL, sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Database, DatabaseHandle } from "./client.js";
import {
  grantAppRole,
  isSuperuser,
  MIGRATOR_ROLE,
  type RolePasswords,
  rolePasswordsFromEnv,
  setUpRoles,
} from "./roles.js";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/**
 * Applies the migrations to a PostgreSQL database. Connected as a superuser, it first sets up
 * the roles (packages/db/src/roles.ts) and migrates as the migrator, so the schema is always
 * the migrator's; connected as the migrator, it migrates as itself. Either way the app role is
 * granted afterwards.
 */
export async function migrateServer(
  url: string,
  passwords: RolePasswords = rolePasswordsFromEnv(),
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Two processes migrating one database (replicas starting together) take turns.
    await client.query("select pg_advisory_lock(hashtext('jindu_migrate'))");
    if (await isSuperuser(client)) {
      await setUpRoles(client, passwords);
      await client.query(`set role ${MIGRATOR_ROLE}`);
    }
    await migrate(drizzle(client), { migrationsFolder });
    await grantAppRole(client);
  } finally {
    await client.end();
  }
}

/** How many migrations the database has not applied yet (drizzle applies them in `when` order). */
export async function pendingMigrations(db: Database): Promise<number> {
  const files = readMigrationFiles({ migrationsFolder });
  const rows = async (query: SQL) =>
    ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const [table] = await rows(sql`select to_regclass('drizzle.__drizzle_migrations') as t`);
  if (table?.t == null) return files.length;
  const [last] = await rows(
    sql`select coalesce(max(created_at), 0)::text as last from drizzle.__drizzle_migrations`,
  );
  return files.filter((m) => m.folderMillis > Number(last?.last)).length;
}

/** True when the connection may change the schema: a superuser or the database's owner. */
export async function mayMigrate(db: Database): Promise<boolean> {
  const result = (await db.execute(sql`
    select r.rolsuper or d.datdba = r.oid as may
    from pg_roles r, pg_database d
    where r.rolname = current_user and d.datname = current_database()`)) as unknown as {
    rows: { may: boolean }[];
  };
  return result.rows[0]?.may === true;
}

/** The schema is behind the code and this connection may not bring it up to date. */
export class SchemaNotCurrentError extends Error {}

/**
 * Before the server starts: the embedded database is migrated (a laptop needs no extra step);
 * on PostgreSQL the server migrates when JINDU_MIGRATE_ON_START is `true`, or, unset, when its
 * connection may (a superuser or the database's owner). Otherwise it only checks that every
 * migration ran, and refuses to start if not: the app's own role (jindu_app) has no rights to
 * change the schema, `pnpm migrate` does that as the migrator.
 */
export async function prepareSchema(
  handle: Pick<DatabaseHandle, "db" | "kind" | "migrate">,
  migrateOnStart: string | undefined,
): Promise<"migrated" | "current"> {
  if (handle.kind === "embedded" || migrateOnStart === "true") {
    await handle.migrate();
    return "migrated";
  }
  const pending = await pendingMigrations(handle.db);
  if (pending === 0) return "current";
  if (migrateOnStart !== "false" && (await mayMigrate(handle.db))) {
    await handle.migrate();
    return "migrated";
  }
  throw new SchemaNotCurrentError(
    `The database schema is ${pending} migration(s) behind this version of Jindu, and this ` +
      "connection may not change it. Run `pnpm migrate` first, as the schema's owner: " +
      "DATABASE_MIGRATOR_URL=postgres://jindu_migrator:…@host/db pnpm migrate",
  );
}
