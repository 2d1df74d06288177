import { bumpDataVersion, schema } from "@jindu/db";
import { figureMaximum } from "@jindu/domain";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/schemas/index.js";
import { useTestApp } from "../helper.js";
import { multipartFile } from "../spreadsheet-helpers.js";

const t = useTestApp();

// Zhejiang, August 2023: no demo figures, so the two cities' figures are the only ones.
const YEAR = 2023;
const MONTH = 8;
const CITIES = ["330100", "330200"];
const STARTS_MAX = figureMaximum({ kind: "cumulative", unitZh: "套" });

/** The province's progress, overview, trend and bulletin, as anyone reading them would. */
async function provinceReads() {
  const q = `year=${YEAR}&month=${MONTH}`;
  const urls = [
    `/api/progress?indicator=shantytown_starts&parent=330000&${q}&include=submitted`,
    `/api/progress?indicator=prefab_share&parent=330000&${q}&include=submitted`,
    `/api/overview?region=330000&${q}&include=submitted`,
    `/api/trend?indicator=shantytown_starts&region=330000&year=${YEAR}&include=submitted`,
    `/api/lagging?parent=330000&${q}`,
    `/api/matrix?parent=330000&${q}`,
    `/api/bulletin?region=330000&${q}`,
    `/api/bulletin/xlsx?region=330000&${q}`,
    `/api/export/month?parent=330000&${q}&include=submitted`,
  ];
  const answers: string[] = [];
  for (const url of urls) {
    const res = await t.api.inject(url);
    answers.push(`${res.statusCode} ${url}`);
    if (res.statusCode === 200 && String(res.headers["content-type"]).includes("json")) {
      expect(res.body, url).not.toMatch(/Infinity|NaN/);
    }
  }
  return answers;
}

const allOk = (answers: string[]) => answers.map((a) => `200 ${a.slice(4)}`);

describe("figure bounds", () => {
  it("F2: a figure above its unit's maximum is a 400 naming the field and reason on every path", async () => {
    const monthPut = (value: number) =>
      t.api.inject({
        method: "PUT",
        url: `/api/submissions/330100/${YEAR}/${MONTH}`,
        payload: { baseVersion: 0, entries: [{ indicator: "shantytown_starts", value }] },
      });
    const month = await monthPut(STARTS_MAX + 1);
    expect(month.statusCode).toBe(400);
    expect(month.json()).toMatchObject({ field: "entries.0.value", rule: "above_maximum" });
    // Far above it, the route's own bound on any number (F14) answers first, naming the field.
    const huge = await monthPut(1e308);
    expect(huge.statusCode).toBe(400);
    expect(huge.json().field).toMatch(/entries\/?\.?0\/?\.?value/);

    const single = await t.api.inject({
      method: "PUT",
      url: `/api/reports/shantytown_starts/330100/${YEAR}/${MONTH}`,
      payload: { value: STARTS_MAX + 1, version: 0 },
    });
    expect(single.statusCode).toBe(400);
    expect(single.json()).toMatchObject({ field: "value", rule: "above_maximum" });
    expect(single.json().message).toMatch(/largest figure/);

    const csv = "t\nregion,name,shantytown_starts\n330100,杭州市,1e308\n330200,宁波市,100000001\n";
    const upload = await t.api.inject({
      method: "POST",
      url: `/api/import?parent=330000&year=${YEAR}&month=${MONTH}&dryRun=true`,
      ...multipartFile("huge.csv", Buffer.from(csv)),
    });
    expect(upload.statusCode).toBe(422);
    const result: ImportResult = upload.json();
    // "1e308" is not how anyone types a figure; 100,000,001 is, and is above the maximum.
    expect(result.errors.map((e) => [e.row, e.rule])).toEqual([
      [3, "not_a_number"],
      [4, "above_maximum"],
    ]);

    const target = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: {
        indicator: "shantytown_starts",
        region: "330100",
        year: YEAR,
        value: STARTS_MAX + 1,
      },
    });
    expect(target.statusCode).toBe(400);
    expect(target.json()).toMatchObject({ field: "value", rule: "above_maximum" });
  });

  it("F2: two cities storing the largest figures allowed leave the province's progress, overview, trend and bulletin answering 200", async () => {
    // Four eyes: another official approves what this one entered and submitted.
    const approver = await t.as("zj_official");
    for (const city of CITIES) {
      const saved = await t.api.inject({
        method: "PUT",
        url: `/api/submissions/${city}/${YEAR}/${MONTH}`,
        payload: {
          baseVersion: 0,
          entries: [
            { indicator: "shantytown_starts", value: STARTS_MAX, explanation: "上限测试" },
            { indicator: "prefab_share", numerator: 1e8, denominator: 1e8 },
          ],
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const submitted = await t.api.inject({
        method: "POST",
        url: `/api/submissions/${city}/${YEAR}/${MONTH}/submit`,
        payload: { version: saved.json().version },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const approved = await approver.inject({
        method: "POST",
        url: `/api/submissions/${city}/${YEAR}/${MONTH}/approve`,
        payload: { version: submitted.json().version },
      });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    const answers = await provinceReads();
    expect(answers).toEqual(allOk(answers));
    const progress = (
      await t.api.inject(
        `/api/progress?indicator=shantytown_starts&parent=330000&year=${YEAR}&month=${MONTH}`,
      )
    ).json();
    expect(progress.parent.actual).toBe(2 * STARTS_MAX);
  });

  it("F2: figures stored before the maxima existed (1e308 twice) still leave the province readable", async () => {
    // Written past the API, as the probe's figures were before the bound.
    const { db } = t.database;
    for (const city of CITIES) {
      await db
        .update(schema.reports)
        .set({ value: 1e308 })
        .where(
          and(
            eq(schema.reports.regionCode, city),
            eq(schema.reports.year, YEAR),
            eq(schema.reports.month, MONTH),
            eq(schema.reports.indicatorCode, "shantytown_starts"),
          ),
        );
    }
    // Cached answers are tagged with the data version: announce the change as a write would.
    await bumpDataVersion(db);
    const answers = await provinceReads();
    expect(answers).toEqual(allOk(answers));
    const progress = (
      await t.api.inject(
        `/api/progress?indicator=shantytown_starts&parent=330000&year=${YEAR}&month=${MONTH}`,
      )
    ).json();
    // A sum beyond the doubles is no figure, not Infinity and not a 500.
    expect(progress.parent.actual).toBeNull();
  });
});
