import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, MIGRATOR_ROLE } from "../src/roles.js";
import { openTestDatabase, type TestDatabase } from "../src/testing.js";

/**
 * Roles exist only on a server, so this file uses the one at DATABASE_URL, or the local one,
 * also in the embedded-database run.
 */
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let t: TestDatabase;
let app: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  t = await openTestDatabase({ server: SERVER, seed: false });
  app = new pg.Client({ connectionString: t.url ?? "" });
  owner = new pg.Client({ connectionString: t.ownerUrl ?? "" });
  await app.connect();
  await owner.connect();
});
afterAll(async () => {
  await app?.end();
  await owner?.end();
  await t?.close();
});

/** The error a statement fails with, as `code: message`, or "allowed". */
async function attempt(client: pg.Client, statement: string): Promise<string> {
  try {
    await client.query(statement);
    return "allowed";
  } catch (error) {
    const e = error as { code?: string; message: string };
    return `${e.code}: ${e.message}`;
  }
}

describe("database roles", () => {
  it("the tests run as the app's role, and the schema belongs to the migrator", async () => {
    const { rows } = await app.query(
      `select current_user as me, (select rolsuper from pg_roles where rolname = current_user) as super,
              pg_get_userbyid(c.relowner) as owner
       from pg_class c where c.oid = 'audit_log'::regclass`,
    );
    expect(rows[0]).toEqual({ me: APP_ROLE, super: false, owner: MIGRATOR_ROLE });
  });

  it("F4: jindu_app cannot alter, disable or drop anything on the audit log and revisions", async () => {
    await app.query(
      `insert into audit_log (action, result, username) values ('login', 'success', 'f4')`,
    );
    await app.query(
      `insert into report_revisions (indicator_code, region_code, year, month, version, action,
                                     new_status, actor)
       values ('prefab_share', '330300', 2024, 1, 1, 'save', 'draft', 'f4')`,
    );

    const notOwner = /^42501: must be owner of (table|relation|function)/;
    const denied = /^42501: permission denied for (table|schema|function)/;
    for (const table of ["audit_log", "report_revisions"]) {
      expect(await attempt(app, `alter table ${table} disable trigger all`)).toMatch(notOwner);
      expect(
        await attempt(app, `alter table ${table} disable trigger ${table}_append_only`),
      ).toMatch(notOwner);
      expect(await attempt(app, `drop trigger ${table}_append_only on ${table}`)).toMatch(notOwner);
      expect(await attempt(app, `drop trigger ${table}_no_truncate on ${table}`)).toMatch(notOwner);
      expect(await attempt(app, `alter table ${table} owner to ${APP_ROLE}`)).toMatch(notOwner);
      expect(await attempt(app, `drop table ${table}`)).toMatch(notOwner);
      expect(await attempt(app, `truncate ${table}`)).toMatch(denied);
      expect(await attempt(app, `update ${table} set id = id`)).toMatch(denied);
      expect(await attempt(app, `delete from ${table}`)).toMatch(denied);
      // Granting itself more is a no-op with a warning for a role without the grant option.
      await attempt(app, `grant delete, update, truncate on ${table} to ${APP_ROLE}`);
      expect(await attempt(app, `delete from ${table}`)).toMatch(denied);
      expect(
        await attempt(
          app,
          `create trigger f4 before insert on ${table} for each row execute function jindu_refuse_change()`,
        ),
      ).toMatch(denied);
    }
    expect(
      await attempt(
        app,
        `create or replace function jindu_refuse_change() returns trigger language plpgsql
         as $$ begin return old; end $$`,
      ),
    ).toMatch(/^42501: (must be owner of function|permission denied for schema)/);
    expect(await attempt(app, "drop function jindu_refuse_change() cascade")).toMatch(notOwner);
    expect(await attempt(app, `alter function jindu_refuse_change() owner to ${APP_ROLE}`)).toMatch(
      notOwner,
    );
    expect(await attempt(app, "create table f4 (id int)")).toMatch(denied);
    expect(await attempt(app, `set role ${MIGRATOR_ROLE}`)).toMatch(/^42501/);
    expect(await attempt(app, "alter role jindu_app superuser")).toMatch(/^42501/);

    // What the app needs still works: adding and reading rows.
    const audit = await app.query(`select count(*)::int as n from audit_log where username = 'f4'`);
    expect(audit.rows[0].n).toBe(1);
    const revisions = await app.query(
      `select count(*)::int as n from report_revisions where actor = 'f4'`,
    );
    expect(revisions.rows[0].n).toBe(1);
    // And the guards are all still there, enabled.
    const triggers = await owner.query(
      `select tgname, tgenabled from pg_trigger
       where tgrelid in ('audit_log'::regclass, 'report_revisions'::regclass) and not tgisinternal
       order by tgname`,
    );
    expect(triggers.rows).toEqual([
      { tgname: "audit_log_append_only", tgenabled: "O" },
      { tgname: "audit_log_no_truncate", tgenabled: "O" },
      { tgname: "report_revisions_append_only", tgenabled: "O" },
      { tgname: "report_revisions_no_truncate", tgenabled: "O" },
    ]);
  });

  it("jindu_app reads and writes the other tables, and so the tables of later migrations", async () => {
    expect(await attempt(app, "update users set disabled = false")).toBe("allowed");
    expect(await attempt(app, `delete from sessions`)).toBe("allowed");
    expect(await attempt(app, `select nextval('data_version')`)).toBe("allowed");
    // A table a later migration creates is granted by default privileges, without a re-grant.
    await owner.query("create table later_table (id serial primary key, note text)");
    expect(await attempt(app, "insert into later_table (note) values ('x')")).toBe("allowed");
    expect(await attempt(app, "delete from later_table")).toBe("allowed");
    expect(await attempt(app, "drop table later_table")).toMatch(/^42501: must be owner/);
  });

  it("migrating again is idempotent and keeps the grants (roles are shared by parallel runs)", async () => {
    await Promise.all([t.migrate(), t.migrate()]);
    expect(await attempt(app, "delete from audit_log")).toMatch(/^42501: permission denied/);
    expect(await attempt(app, "insert into audit_log (action, result) values ('x', 'y')")).toBe(
      "allowed",
    );
  });
});
