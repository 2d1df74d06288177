import pg from "pg";

/**
 * The two PostgreSQL roles of a deployment (finding F4): the migrator owns the schema and runs
 * the migrations; the app reads and writes rows and nothing else, so no code path of the API can
 * disable, drop or replace what keeps the audit log and the figure revisions append-only.
 * The embedded database has a single user and no roles.
 */
export const MIGRATOR_ROLE = "jindu_migrator";
export const APP_ROLE = "jindu_app";

type Queryable = Pick<pg.Client, "query">;

/** Error codes of a role created meanwhile by another session (roles are cluster-wide). */
const ALREADY_THERE = new Set(["42710", "23505"]);

/**
 * Runs a statement on a role, again if another database's session changed the same role at the
 * same moment ("tuple concurrently updated": parallel test files share the roles).
 */
async function onRole(client: Queryable, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(statement);
      return;
    } catch (error) {
      const e = error as { code?: string; message?: string };
      if (ALREADY_THERE.has(e.code ?? "")) return;
      if (!/concurrently updated/.test(e.message ?? "") || attempt >= 5) throw error;
    }
  }
}

async function createRole(client: Queryable, role: string): Promise<void> {
  const { rows } = await client.query("select 1 from pg_roles where rolname = $1", [role]);
  if (rows.length === 0) await onRole(client, `create role ${role} login`);
}

export interface RolePasswords {
  migrator?: string | undefined;
  app?: string | undefined;
}

/** Role passwords from JINDU_MIGRATOR_PASSWORD and JINDU_APP_PASSWORD (unset: left as they are). */
export function rolePasswordsFromEnv(env = process.env): RolePasswords {
  return { migrator: env.JINDU_MIGRATOR_PASSWORD, app: env.JINDU_APP_PASSWORD };
}

/** True when the connected role is a superuser (may create roles and hand objects over). */
export async function isSuperuser(client: Queryable): Promise<boolean> {
  const { rows } = await client.query<{ super: boolean }>(
    "select rolsuper as super from pg_roles where rolname = current_user",
  );
  return rows[0]?.super === true;
}

/**
 * As a superuser: creates both roles if missing (concurrent creators tolerated), sets their
 * passwords when given, and makes the migrator the owner of the connected database, its
 * `public` and `drizzle` schemas and every object in them (so a database that a superuser
 * migrated before the roles existed is handed over). Idempotent.
 */
export async function setUpRoles(client: Queryable, passwords: RolePasswords = {}): Promise<void> {
  await createRole(client, MIGRATOR_ROLE);
  await createRole(client, APP_ROLE);
  for (const [role, password] of [
    [MIGRATOR_ROLE, passwords.migrator],
    [APP_ROLE, passwords.app],
  ] as const) {
    if (password) {
      await onRole(client, `alter role ${role} password ${pg.escapeLiteral(password)}`);
    }
  }
  await client.query(`
    do $$
    declare
      o record;
    begin
      execute format('alter database %I owner to ${MIGRATOR_ROLE}', current_database());
      alter schema public owner to ${MIGRATOR_ROLE};
      if exists (select 1 from pg_namespace where nspname = 'drizzle') then
        alter schema drizzle owner to ${MIGRATOR_ROLE};
      end if;
      -- Tables, views and free-standing sequences; a column's sequence follows its table.
      for o in
        select c.oid::regclass as name from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
          and pg_get_userbyid(c.relowner) <> '${MIGRATOR_ROLE}'
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                          and d.objid = c.oid and d.deptype in ('a', 'i'))
      loop
        execute format('alter table %s owner to ${MIGRATOR_ROLE}', o.name);
      end loop;
      for o in
        select t.oid::regtype as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typtype in ('e', 'd') and pg_get_userbyid(t.typowner) <> '${MIGRATOR_ROLE}'
      loop
        execute format('alter type %s owner to ${MIGRATOR_ROLE}', o.name);
      end loop;
      for o in
        select p.oid::regprocedure as name from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '${MIGRATOR_ROLE}'
      loop
        execute format('alter routine %s owner to ${MIGRATOR_ROLE}', o.name);
      end loop;
    end
    $$`);
}

/**
 * As the schema owner, after every migration or restore: the app role may read and write the
 * rows of every table, only insert into the append-only ones (those guarded by
 * `jindu_refuse_change`), use the sequences, and read which migrations ran; it may create nothing
 * in the schema. Default privileges grant the tables of later migrations too. Idempotent; does
 * nothing where the app role does not exist.
 */
export async function grantAppRole(client: Queryable): Promise<void> {
  await client.query(`
    do $$
    declare
      t record;
    begin
      if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
        return;
      end if;
      revoke create on schema public from public;
      grant usage on schema public to ${APP_ROLE};
      grant select, insert, update, delete on all tables in schema public to ${APP_ROLE};
      grant usage, select on all sequences in schema public to ${APP_ROLE};
      alter default privileges in schema public
        grant select, insert, update, delete on tables to ${APP_ROLE};
      alter default privileges in schema public grant usage, select on sequences to ${APP_ROLE};
      for t in
        select distinct tgrelid::regclass as name from pg_trigger
        where tgfoid = to_regproc('public.jindu_refuse_change')
      loop
        execute format('revoke update, delete, truncate on %s from ${APP_ROLE}', t.name);
      end loop;
      if to_regclass('drizzle.__drizzle_migrations') is not null then
        grant usage on schema drizzle to ${APP_ROLE};
        grant select on drizzle.__drizzle_migrations to ${APP_ROLE};
        -- pg_dump reads every sequence, so that the app's role can take backups.
        grant select on all sequences in schema drizzle to ${APP_ROLE};
      end if;
    end
    $$`);
}

/** The same connection string for another role (the password from `password`, if any). */
export function urlAs(url: string, role: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password ?? "";
  return parsed.toString();
}
