import { describe, expect, it } from "vitest";
import type { Report } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();
const url = (indicator: string, region: string, year: number | string, month: number | string) =>
  `/api/reports/${indicator}/${region}/${year}/${month}`;

describe("reports", () => {
  it("reads a seeded month", async () => {
    const res = await t.api.inject({ url: url("shantytown_starts", "440100", 2020, 3) });
    expect(res.statusCode).toBe(200);
    const report: Report = res.json();
    expect(report).toMatchObject({
      indicator: "shantytown_starts",
      region: "440100",
      year: 2020,
      month: 3,
      status: "approved",
    });
    expect(report.value).toBeGreaterThan(0);
  });

  it("writes a value and bumps the version on the second write", async () => {
    const first = await t.api.inject({
      method: "PUT",
      url: url("rural_dilapidated", "140100", 2023, 2),
      payload: { value: 120 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ value: 120, version: 1, numerator: null });
    const second = await t.api.inject({
      method: "PUT",
      url: url("rural_dilapidated", "140100", 2023, 2),
      payload: { value: 150 },
    });
    expect(second.json()).toMatchObject({ value: 150, version: 2 });
    const read = await t.api.inject({ url: url("rural_dilapidated", "140100", 2023, 2) });
    expect(read.json().value).toBe(150);
  });

  it("writes both parts of a ratio", async () => {
    const res = await t.api.inject({
      method: "PUT",
      url: url("prefab_share", "330100", 2023, 1),
      payload: { numerator: 12.5, denominator: 40 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ numerator: 12.5, denominator: 40, value: null });
  });

  it("404s a month nobody reported", async () => {
    const res = await t.api.inject({ url: url("rural_dilapidated", "140100", 2019, 1) });
    expect(res.statusCode).toBe(404);
  });

  it.each([
    [url("rural_dilapidated", "140100", 2023, 13), { value: 1 }, "month"],
    [url("rural_dilapidated", "140100", 2023, 0), { value: 1 }, "month"],
    [url("rural_dilapidated", "140100", "x", 1), { value: 1 }, "year"],
    [url("rural_dilapidated", "999999", 2023, 1), { value: 1 }, "region"],
    [url("no_such_thing", "140100", 2023, 1), { value: 1 }, "indicator"],
    [url("rural_dilapidated", "140100", 2023, 1), { value: -5 }, "value"],
    [url("rural_dilapidated", "140100", 2023, 1), { value: "many" }, "value"],
    [url("rural_dilapidated", "140100", 2023, 1), { value: 2.5 }, "value"],
    [url("rural_dilapidated", "140100", 2023, 1), {}, ""],
    [url("rural_dilapidated", "140100", 2023, 1), { value: 1, colour: "red" }, ""],
    [url("rural_dilapidated", "140100", 2099, 1), { value: 1 }, "month"],
    [url("prefab_share", "330100", 2023, 1), { numerator: 50, denominator: 40 }, "numerator"],
    [url("prefab_share", "330100", 2023, 1), { value: 0.3 }, "numerator"],
    [url("rural_dilapidated", "140100", 2023, 1), { numerator: 1, denominator: 2 }, "value"],
  ])("PUT %s %j → 400 on %s, nothing written", async (path, payload, field) => {
    const before = (await t.api.inject({ url: "/api/reports?year=2023" })).json().reports;
    const res = await t.api.inject({ method: "PUT", url: path, payload });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toBeTruthy();
    expect(body.message).not.toMatch(/at .*\.ts|stack|select |insert /i);
    if (field) expect(body.field).toBe(field);
    const after = (await t.api.inject({ url: "/api/reports?year=2023" })).json().reports;
    expect(after).toEqual(before);
  });

  it("refuses malformed JSON with 400", async () => {
    const res = await t.api.inject({
      method: "PUT",
      url: url("rural_dilapidated", "140100", 2023, 1),
      headers: { "content-type": "application/json" },
      payload: "{value: 1",
    });
    expect(res.statusCode).toBe(400);
  });
});
