import { schema } from "@jindu/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { SubmissionView } from "../../../../src/schemas/index.js";
import { monthContext } from "../../../../src/services/month-context.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();
const FORM = "/api/submissions/330300/2022/5";

const targetOf = (view: SubmissionView, code: string) =>
  view.entries.find((e) => e.indicator.code === code)?.target ?? null;

describe("the month's checks read the catalogue from memory only while it is unchanged", () => {
  it("sees a target changed outside the API (in SQL) at once, and one rolled back never", async () => {
    const reporter = await t.as("wz_reporter");
    const first = (await reporter.inject(FORM)).json() as SubmissionView;
    const code = first.entries.find((e) => e.target !== null)?.indicator.code as string;
    const before = targetOf(first, code) as number;
    // Read twice: the second answer comes from memory.
    expect(targetOf((await reporter.inject(FORM)).json(), code)).toBe(before);

    const owner = await t.database.owner();
    const where = and(
      eq(schema.targets.indicatorCode, code),
      eq(schema.targets.regionCode, "330300"),
      eq(schema.targets.year, 2022),
    );
    await owner
      .update(schema.targets)
      .set({ value: sql`${schema.targets.value} + 7` })
      .where(where);
    expect(targetOf((await reporter.inject(FORM)).json(), code)).toBe(before + 7);

    // A change that rolls back raised the version only inside its transaction; what was read
    // there is never served afterwards.
    await owner
      .transaction(async (tx) => {
        await tx
          .update(schema.targets)
          .set({ value: sql`${schema.targets.value} + 1000` })
          .where(where);
        tx.rollback();
      })
      .catch(() => {});
    expect(targetOf((await reporter.inject(FORM)).json(), code)).toBe(before + 7);
  });
});

describe("a province's regions share its catalogue in memory; targets stay each region's own", () => {
  const HANGZHOU = "/api/submissions/330100/2022/5";
  const targetsIn = async (region: string) => {
    const rows = await t.database.db
      .select({ code: schema.targets.indicatorCode, value: schema.targets.value })
      .from(schema.targets)
      .where(and(eq(schema.targets.regionCode, region), eq(schema.targets.year, 2022)));
    return new Map(rows.map((r) => [r.code, Number(r.value)]));
  };
  const formTargets = (view: SubmissionView) =>
    new Map(view.entries.filter((e) => e.target !== null).map((e) => [e.indicator.code, e.target]));

  it("each region's form has its own targets, and a settings change reaches every region of the province", async () => {
    const [wenzhou, hangzhou] = [await t.as("wz_reporter"), await t.as("hz_reporter")];
    // Wenzhou first: the province's indicators, task list and settings are then in memory.
    const wz = (await wenzhou.inject(FORM)).json() as SubmissionView;
    const hz = (await hangzhou.inject(HANGZHOU)).json() as SubmissionView;
    expect(formTargets(wz)).toEqual(await targetsIn("330300"));
    expect(formTargets(hz)).toEqual(await targetsIn("330100"));
    expect(formTargets(hz)).not.toEqual(formTargets(wz));

    const shifted = (view: SubmissionView) =>
      new Date(view.onTimeUntil).getTime() - new Date(view.deadline).getTime();
    const graceDays = shifted(wz) / (24 * 3600 * 1000) + 3;
    const owner = await t.database.owner();
    await owner
      .insert(schema.provinceSettings)
      .values({ regionCode: "330000", graceDays })
      .onConflictDoUpdate({ target: schema.provinceSettings.regionCode, set: { graceDays } });
    for (const [client, form, before] of [
      [wenzhou, FORM, wz],
      [hangzhou, HANGZHOU, hz],
    ] as const) {
      const after = (await client.inject(form)).json() as SubmissionView;
      expect(shifted(after) - shifted(before)).toBe(3 * 24 * 3600 * 1000);
    }
  });
});

describe("a province without a task list for the year", () => {
  /** The texts of the statements `work` sends outside a transaction (through the app's client). */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    const client = (t.app.db as unknown as { $client: { query: (...a: unknown[]) => unknown } })
      .$client;
    const query = client.query;
    const texts: string[] = [];
    client.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      texts.push(typeof first === "string" ? first : (first?.text ?? ""));
      return query.apply(this, args);
    };
    try {
      await work();
    } finally {
      client.query = query;
    }
    return texts;
  }

  it("has its absent list kept like a list: a month's checks do not ask for it again", async () => {
    const lists = await t.database.db
      .select()
      .from(schema.annualTasks)
      .where(and(eq(schema.annualTasks.provinceCode, "330000"), eq(schema.annualTasks.year, 2026)));
    expect(lists).toEqual([]);
    const month = { region: "330300", year: 2026, month: 3 };
    await monthContext(t.app.db, month);
    const again = await statementsOf(() => monthContext(t.app.db, month));
    // The month's figures and the catalogue's version, in one statement; no task list.
    expect(again.filter((text) => text.includes("annual_tasks"))).toEqual([]);
    expect(again).toHaveLength(1);
  });
});
