import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type BackupTarget,
  backupDatabase,
  type DatabaseHandle,
  migrateServer,
  openDatabase,
  RestoreRefusedError,
  restoreDatabase,
  schema,
  seedDatabase,
} from "@jindu/db";
import { createScratchDatabase, type ScratchDatabase } from "@jindu/db/testing";
import { asc, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../src/app.js";
import { insertTestUsers, signIn } from "./helper.js";

/**
 * `pnpm backup` and `pnpm restore` on the database of this run: PostgreSQL (pg_dump and
 * pg_restore, into a new database, the app connected as jindu_app) with DATABASE_URL, else the
 * embedded database (PGlite's data directory, into a new directory).
 */
const SERVER = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), "jindu-backup-"));
const scratches: ScratchDatabase[] = [];
afterAll(async () => {
  for (const s of scratches) await s.drop();
  rmSync(work, { recursive: true, force: true });
});

/** A new, empty place for a database: where the app opens it, and where restore writes it. */
async function freshDatabase(name: string): Promise<{
  open(): Promise<DatabaseHandle>;
  /** As `pnpm restore` connects: the schema's owner. */
  restoreTarget: BackupTarget;
  /** As `pnpm backup` connects: the app's own connection will do. */
  backupTarget: BackupTarget;
  migrate(): Promise<void>;
}> {
  if (SERVER) {
    const scratch = await createScratchDatabase(SERVER);
    scratches.push(scratch);
    return {
      open: () => openDatabase({ url: scratch.appUrl, maxConnections: 3 }),
      restoreTarget: { url: scratch.ownerUrl },
      backupTarget: { url: scratch.appUrl },
      migrate: () => migrateServer(scratch.adminUrl),
    };
  }
  const dataDir = join(work, name);
  return {
    open: () => openDatabase({ dataDir }),
    restoreTarget: { dataDir },
    backupTarget: { dataDir },
    migrate: async () => {
      const handle = await openDatabase({ dataDir });
      await handle.migrate();
      await handle.close();
    },
  };
}

async function startApp(database: DatabaseHandle): Promise<App> {
  const app = await buildApp({ database, loginsPerMinute: 100_000 });
  await app.ready();
  return app;
}

const auditRows = (handle: DatabaseHandle) =>
  handle.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));

const bulletins = async (app: App) => {
  const official = await signIn(app, "zj_official");
  const answers = [];
  for (const month of ["year=2023&month=1", "year=2022&month=12"]) {
    const res = await official.inject(`/api/bulletin?region=330000&${month}`);
    expect(res.statusCode, res.body).toBe(200);
    answers.push(res.json());
  }
  return answers;
};

describe(`backup and restore (${SERVER ? "PostgreSQL" : "embedded"})`, () => {
  it("a restored fresh database answers the same bulletins and holds every audit row, append-only", async () => {
    const original = await freshDatabase("original");
    await original.migrate();
    let handle = await original.open();
    await seedDatabase(handle.db);
    await insertTestUsers(handle.db);
    let app = await startApp(handle);

    // A save, a submit and an approval through the API, so the month and its audit rows exist.
    const bureau = await signIn(app, "wz_reporter");
    const official = await signIn(app, "zj_official");
    const target = await official.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "shantytown_starts", region: "330300", year: 2023, value: 2400 },
    });
    expect(target.statusCode, target.body).toBe(201);
    const url = "/api/submissions/330300/2023/1";
    const saved = await bureau.inject({
      method: "PUT",
      url,
      payload: {
        baseVersion: 0,
        entries: [
          { indicator: "shantytown_starts", value: 300 },
          { indicator: "prefab_share", numerator: 30, denominator: 150 },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await bureau.inject({
      method: "POST",
      url: `${url}/submit`,
      payload: { version: saved.json().version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await official.inject({
      method: "POST",
      url: `${url}/approve`,
      payload: { version: submitted.json().version },
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const before = await bulletins(app);
    const audit = await auditRows(handle);
    for (const step of [/submissions.*month$/, /submit$/, /approve$/]) {
      expect(audit.some((r) => step.test(r.action))).toBe(true);
    }
    await app.close();
    await handle.close();

    const file = join(work, SERVER ? "jindu.pgdump" : "jindu.pglite.tar.gz");
    await backupDatabase(original.backupTarget, file);

    const copy = await freshDatabase("restored");
    await restoreDatabase(copy.restoreTarget, file);
    // A second restore onto data is refused unless told to.
    await expect(restoreDatabase(copy.restoreTarget, file)).rejects.toBeInstanceOf(
      RestoreRefusedError,
    );

    handle = await copy.open();
    // Every audit row, every column, before the new app writes its own (a sign-in).
    expect(await auditRows(handle)).toEqual(audit);
    app = await startApp(handle);
    expect(await bulletins(app)).toEqual(before);

    // Still append-only: the app's connection can neither change nor delete a restored row.
    for (const statement of [
      sql`delete from audit_log`,
      sql`update report_revisions set actor = 'x'`,
    ]) {
      const refusal = await handle.db.execute(statement).then(
        () => "allowed",
        (error: { cause?: { message: string }; message: string }) =>
          error.cause?.message ?? error.message,
      );
      expect(refusal).toMatch(SERVER ? /permission denied/ : /append-only/);
    }
    expect((await auditRows(handle)).slice(0, audit.length)).toEqual(audit);
    await app.close();
    await handle.close();
  }, 180_000);

  it("--force replaces a database that has data", async () => {
    const original = await freshDatabase("small");
    await original.migrate();
    let handle = await original.open();
    await seedDatabase(handle.db, { referenceOnly: true });
    await handle.close();
    const file = join(work, SERVER ? "small.pgdump" : "small.pglite.tar.gz");
    await backupDatabase(original.backupTarget, file);

    const other = await freshDatabase("other");
    await other.migrate();
    handle = await other.open();
    await seedDatabase(handle.db);
    await handle.close();
    await expect(restoreDatabase(other.restoreTarget, file)).rejects.toThrow(/--force/);
    await restoreDatabase(other.restoreTarget, file, { force: true });
    handle = await other.open();
    const [reports] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.reports);
    const [regions] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.regions);
    expect(reports?.n).toBe(0);
    expect(regions?.n).toBe(77);
    await handle.close();
  }, 180_000);
});
