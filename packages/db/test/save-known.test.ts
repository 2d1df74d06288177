import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchStatements } from "../src/client.js";
import { monthForm, revisionsOf, saveDraftFigures } from "../src/queries/submissions.js";
import { openTestDatabase, type TestDatabase } from "../src/testing.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const month = { regionCode: "330300", year: 2027, month: 3 };
const figure = (value: number) => ({
  indicatorCode: "shantytown_starts",
  value,
  numerator: null,
  denominator: null,
  explanation: null,
});
const opts = { actor: "test", editable: ["draft", "returned"] as const };

/** Saves `value`, the transaction given `known` as read before; the statements it sent. */
async function save(value: number, known: Awaited<ReturnType<typeof monthForm>>) {
  const texts: string[] = [];
  const stop = watchStatements((text) => texts.push(text));
  try {
    const outcome = await saveDraftFigures(database.db, month, [figure(value)], {
      ...opts,
      known,
    });
    expect(outcome.ok).toBe(true);
  } finally {
    stop();
  }
  return texts.filter((t) => /from "reports" where/.test(t));
}

describe("a save given the month's form its transaction read before", () => {
  it("uses those figures when the month is still at their version, and reads them when not", async () => {
    // A new month: nothing read, nothing there.
    expect(await save(100, { submission: null, figures: [] })).toHaveLength(0);
    const first = await monthForm(database.db, month);
    expect(first.submission?.version).toBe(1);
    // At the version read: the figures read are the month's; no read of them again.
    expect(await save(110, first)).toHaveLength(0);
    // Changed since (another save committed in between): the figures are read again, and the
    // revision's old value is the stored one, not the one read before.
    expect(await save(120, first)).toHaveLength(1);
    const revisions = await revisionsOf(database.db, {
      ...month,
      indicatorCode: "shantytown_starts",
    });
    expect(revisions.map((r) => [r.oldValue, r.newValue])).toEqual([
      [null, 100],
      [100, 110],
      [110, 120],
    ]);
  });
});
