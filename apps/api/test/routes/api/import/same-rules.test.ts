import { schema } from "@jindu/db";
import { isCountUnit, isPercentFigure, median, storedFromTyped } from "@jindu/domain";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  ImportResult,
  SubmissionEntry,
  SubmissionView,
} from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";
import {
  columnOf,
  loadWorkbook,
  multipartFile,
  workbookBytes,
} from "../../../spreadsheet-helpers.js";

const t = useTestApp();

// Wenzhou's December 2022: nineteen targets and eleven approved months before it. Each case
// starts from an empty month, so both paths meet the same targets, history and settings.
const REGION = "330300";
const YEAR = 2022;
const MONTH = 12;
const FORM = `/api/submissions/${REGION}/${YEAR}/${MONTH}`;

let bureau: Client;
let official: Client;
let entries: SubmissionEntry[] = [];
let template: Buffer;

async function emptyMonth() {
  const { db } = t.database;
  const at = <T extends { regionCode: unknown; year: unknown; month: unknown }>(table: T) =>
    and(
      eq(table.regionCode as never, REGION),
      eq(table.year as never, YEAR),
      eq(table.month as never, MONTH),
    );
  await db.delete(schema.reports).where(at(schema.reports));
  await db.delete(schema.submissions).where(at(schema.submissions));
}

/** One indicator of a generated month, as a person types it (a rate as a percentage). */
interface Typed {
  code: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  explanation?: string;
}

interface Case {
  lines: Typed[];
  submit: boolean;
  allowPartial: boolean;
}

const round = (v: number, places: number) => Number(v.toFixed(places));

/** A figure of the indicator: usual, warned about, wrong, a share's parts, a rate. */
function typedFigure(entry: SubmissionEntry): fc.Arbitrary<Typed> {
  const { code, kind, unitZh } = entry.indicator;
  const explanation = fc.option(fc.constantFrom("年底集中开工", "项目提前", "补报上月"), {
    nil: undefined,
  });
  if (kind === "ratio") {
    const base = entry.previous.denominator ?? 0;
    return fc
      .record({
        denominator: fc.integer({ min: 10, max: 5000 }),
        share: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1.2)),
      })
      .map(({ denominator, share }) => ({
        code,
        denominator: base + denominator,
        numerator: round((base + denominator) * share, 2),
      }));
  }
  if (kind === "level") {
    // A rate typed as a percentage (at most 100; 150 is an error), or working days.
    const typed = isPercentFigure(entry.indicator)
      ? fc.oneof(
          fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
          fc.constant(150),
        )
      : fc.integer({ min: 1, max: 120 });
    return typed.map((value) => ({ code, value }));
  }
  const previous = entry.previous.value ?? 0;
  const usual = Math.max(1, Math.floor(median(entry.pastIncrements) ?? 1));
  const decimals = isCountUnit(unitZh) ? 0 : 2;
  const increment = fc.oneof(
    fc.integer({ min: 0, max: usual }),
    // Over 3× the usual increment (and often over half the target): warned.
    fc.integer({ min: 4 * usual, max: 4 * usual + 2000 }),
    // Below last month's approved year-to-date: an error.
    fc.integer({ min: -50, max: -1 }),
    // Half a household: an error where the unit counts whole things.
    fc.constant(0.5),
  );
  return fc.record({ increment, explanation }).map(({ increment: inc, explanation: text }) => ({
    code,
    value: round(previous + inc, decimals),
    ...(text ? { explanation: text } : {}),
  }));
}

const caseArbitrary = () => {
  const figures = entries.map(typedFigure);
  const all = entries.map((_, i) => i);
  return fc
    .record({
      chosen: fc.oneof(fc.constant(all), fc.subarray(all, { minLength: 1 })),
      lines: fc.tuple(...figures),
      submit: fc.boolean(),
      allowPartial: fc.boolean(),
    })
    .map(
      ({ chosen, lines, submit, allowPartial }): Case => ({
        lines: chosen.map((i) => lines[i] as Typed),
        submit,
        allowPartial,
      }),
    );
};

interface Outcome {
  stored: unknown[];
  problems: string[];
  status: string | null;
}

async function storedMonth(): Promise<Pick<Outcome, "stored" | "status">> {
  const reports = (
    await bureau.inject(`/api/reports?region=${REGION}&year=${YEAR}&month=${MONTH}`)
  ).json().reports as Record<string, unknown>[];
  const view: SubmissionView = (await bureau.inject(FORM)).json();
  return {
    stored: reports
      .map((r) => ({
        indicator: r.indicator,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        explanation: r.explanation,
        status: r.status,
      }))
      .sort((a, b) => String(a.indicator).localeCompare(String(b.indicator))),
    status: view.status,
  };
}

const codeOf = (field: string) => (field === "month" ? "-" : (field.split(".")[0] ?? field));

/** Through the form's API: save the month (the web form sends a rate as a fraction), submit. */
async function throughForm(c: Case): Promise<Outcome> {
  await emptyMonth();
  const kindOf = new Map(entries.map((e) => [e.indicator.code, e.indicator]));
  const body = c.lines.map((line) => {
    const indicator = kindOf.get(line.code);
    const percent = indicator ? isPercentFigure(indicator) : false;
    return {
      indicator: line.code,
      ...(line.value === undefined ? {} : { value: storedFromTyped(line.value, percent) }),
      ...(line.numerator === undefined ? {} : { numerator: line.numerator }),
      ...(line.denominator === undefined ? {} : { denominator: line.denominator }),
      ...(line.explanation ? { explanation: line.explanation } : {}),
    };
  });
  const saved = await bureau.inject({
    method: "PUT",
    url: FORM,
    payload: { baseVersion: 0, entries: body },
  });
  if (saved.statusCode === 400) {
    const problems = (saved.json().problems as { field: string; rule: string }[]).map((p) => {
      const index = Number(p.field.split(".")[1]);
      return `${p.rule}|${body[index]?.indicator}`;
    });
    return { ...(await storedMonth()), problems: problems.sort() };
  }
  expect(saved.statusCode, saved.body).toBe(200);
  const view: SubmissionView = saved.json();
  const problems = [
    ...view.entries.flatMap((e) => e.warnings.map((w) => `${w.rule}|${e.indicator.code}`)),
    ...view.submitProblems.map((p) => `${p.rule}|${codeOf(p.field)}`),
  ];
  if (c.submit) {
    const submitted = await bureau.inject({
      method: "POST",
      url: `${FORM}/submit`,
      payload: { version: view.version },
    });
    // The form's submit refuses exactly what the month's view said would keep it back.
    expect(submitted.statusCode, submitted.body).toBe(view.submitProblems.length ? 400 : 200);
  }
  return { ...(await storedMonth()), problems: problems.sort() };
}

/** Through the template, filled as a bureau would (a rate as typed), imported. */
async function throughImport(c: Case): Promise<Outcome> {
  await emptyMonth();
  const workbook = await loadWorkbook(template);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const put = (code: string, value: string | number | undefined) => {
    if (value !== undefined) sheet.getCell(3, columnOf(sheet, code)).value = value;
  };
  expect(String(sheet.getCell(3, 1).value)).toBe(REGION);
  for (const line of c.lines) {
    put(line.code, line.value);
    put(`${line.code}.numerator`, line.numerator);
    put(`${line.code}.denominator`, line.denominator);
    put(`${line.code}.explanation`, line.explanation);
  }
  const { payload, headers } = multipartFile("wenzhou.xlsx", await workbookBytes(workbook));
  const action = c.submit ? "submitted" : "draft";
  const res = await bureau.inject({
    method: "POST",
    url: `/api/import?parent=${REGION}&year=${YEAR}&month=${MONTH}&action=${action}`,
    payload,
    headers,
  });
  const result: ImportResult = res.json();
  expect([200, 422], res.body).toContain(res.statusCode);
  const problems = result.ok
    ? [
        ...result.warnings.map((w) => `${w.rule}|${codeOf(w.field)}`),
        ...result.held.map((h) => `${h.rule}|${codeOf(h.field)}`),
      ]
    : result.errors.map((e) => `${e.rule}|${codeOf(e.field)}`);
  return { ...(await storedMonth()), problems: problems.sort() };
}

describe("one set of rules: the form's API and the import", () => {
  beforeAll(async () => {
    bureau = await t.as("wz_reporter");
    official = await t.as("zj_official");
    await emptyMonth();
    const view: SubmissionView = (await bureau.inject(FORM)).json();
    entries = view.entries;
    expect(entries).toHaveLength(19);
    const res = await bureau.inject(
      `/api/import/template?parent=${REGION}&year=${YEAR}&month=${MONTH}`,
    );
    expect(res.statusCode).toBe(200);
    template = res.rawPayload;
  });

  it("store the same figures, find the same problems and end in the same status for any month", async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(), async (c) => {
        const settings = await official.inject({
          method: "PUT",
          url: "/api/settings/provinces/330000/reporting",
          payload: { allowPartialMonths: c.allowPartial },
        });
        expect(settings.statusCode, settings.body).toBe(200);
        const form = await throughForm(c);
        const imported = await throughImport(c);
        expect(imported).toEqual(form);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
