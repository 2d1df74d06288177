import { mkdtempSync, rmSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, queryRows } from "@jindu/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { useTestApp } from "../helper.js";

const t = useTestApp();

const url = "/api/submissions/330300/2023/4";
const save = (value: number, baseVersion: number) =>
  t.api.inject({
    method: "PUT",
    url,
    payload: { baseVersion, entries: [{ indicator: "shantytown_starts", value }] },
  });
const stored = async () => {
  const res = await t.api.inject({ url });
  const body = res.json() as {
    version: number;
    entries: { indicator: { code: string }; value: number | null }[];
  };
  return {
    version: body.version,
    value: body.entries.find((e) => e.indicator.code === "shantytown_starts")?.value ?? null,
  };
};
const successRows = async () =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log
          where entity = 'submission' and entity_id = '330300/2023/4' and result = 'success'`,
    )
  )[0]?.n ?? 0;

/** Runs `work` with a test-only trigger failing the audit rows of successful changes. */
async function withFailingAudit(timing: "immediate" | "at commit", work: () => Promise<void>) {
  // A test trigger needs the schema owner's rights (the app's role may not create one).
  const owner = await t.database.owner();
  await owner.execute(sql`
    create function refuse_audit() returns trigger language plpgsql as $$
    begin raise exception 'audit log refused' using errcode = '23514'; end $$`);
  await owner.execute(
    timing === "immediate"
      ? sql`create trigger refuse_audit before insert on audit_log for each row
            when (new.result = 'success') execute function refuse_audit()`
      : sql`create constraint trigger refuse_audit after insert on audit_log
            deferrable initially deferred for each row
            when (new.result = 'success') execute function refuse_audit()`,
  );
  try {
    await work();
  } finally {
    await owner.execute(sql`drop trigger refuse_audit on audit_log`);
    await owner.execute(sql`drop function refuse_audit()`);
  }
}

describe("F9: a change and its audit row commit together or not at all", () => {
  it("F9: when the audit row cannot be written, the change is not saved and the client gets no 2xx", async () => {
    const first = await save(100, 0);
    expect(first.statusCode, first.body).toBe(200);
    const before = await stored();
    const rowsBefore = await successRows();

    await withFailingAudit("immediate", async () => {
      const res = await save(250, before.version);
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      expect(res.body).not.toMatch(/audit log refused/);
    });
    expect(await stored()).toEqual(before);
    expect(await successRows()).toBe(rowsBefore);

    // The same save goes through once the log takes rows again, with its row.
    expect((await save(250, before.version)).statusCode).toBe(200);
    expect((await stored()).value).toBe(250);
    expect(await successRows()).toBe(rowsBefore + 1);
  });

  it("F9: a commit that fails is never answered 2xx", async () => {
    const before = await stored();
    const rowsBefore = await successRows();
    await withFailingAudit("at commit", async () => {
      const res = await save(300, before.version);
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
    });
    expect(await stored()).toEqual(before);
    expect(await successRows()).toBe(rowsBefore);
  });

  it("F9: a refused change still gets its audit row", async () => {
    const res = await save(400, 999);
    expect(res.statusCode).toBe(409);
    const [row] = await queryRows<{ result: string }>(
      t.database.db,
      sql`select result from audit_log where entity_id = '330300/2023/4' order by id desc limit 1`,
    );
    expect(row?.result).toBe("failure");
  });
});

describe("F9: /healthz and the embedded database's disk", () => {
  it("F9: answers 503 when free space is below JINDU_MIN_FREE_BYTES, 200 above", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jindu-disk-"));
    const database = await openDatabase({ dataDir: dir });
    try {
      await database.migrate();
      const stats = await statfs(dir);
      const free = stats.bavail * stats.bsize;
      const full = await buildApp({ database, minFreeBytes: free * 2 + 1 });
      const roomy = await buildApp({ database, minFreeBytes: 1 });
      try {
        const low = await full.inject({ url: "/healthz" });
        expect(low.statusCode).toBe(503);
        expect(low.json()).toMatchObject({
          status: "unavailable",
          database: "embedded",
          problem: "low_disk",
        });
        expect(low.headers["retry-after"]).toBeDefined();
        const ok = await roomy.inject({ url: "/healthz" });
        expect(ok.statusCode).toBe(200);
        expect(ok.json()).toMatchObject({ status: "ok", database: "embedded" });
      } finally {
        await full.close();
        await roomy.close();
      }
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // Migrating a file-backed embedded database takes a while on a busy machine.
  }, 300_000);
});
