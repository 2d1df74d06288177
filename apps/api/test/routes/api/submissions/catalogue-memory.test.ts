import { schema } from "@jindu/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { SubmissionView } from "../../../../src/schemas/index.js";
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
