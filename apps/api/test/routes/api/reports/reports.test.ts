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
      payload: { value: 120, version: 0 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ value: 120, version: 1, numerator: null });
    const second = await t.api.inject({
      method: "PUT",
      url: url("rural_dilapidated", "140100", 2023, 2),
      payload: { value: 150 },
      // The version the change is based on, as an ETag-style If-Match (F20).
      headers: { "if-match": '"1"' },
    });
    expect(second.json()).toMatchObject({ value: 150, version: 2 });
    const read = await t.api.inject({ url: url("rural_dilapidated", "140100", 2023, 2) });
    expect(read.json().value).toBe(150);
  });

  it("writes both parts of a ratio", async () => {
    const res = await t.api.inject({
      method: "PUT",
      url: url("prefab_share", "330100", 2023, 1),
      payload: { numerator: 12.5, denominator: 40, version: 0 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ numerator: 12.5, denominator: 40, value: null });
  });

  it("404s a month nobody reported", async () => {
    const res = await t.api.inject({ url: url("rural_dilapidated", "140100", 2019, 1) });
    expect(res.statusCode).toBe(404);
  });

  it.each([
    [url("rural_dilapidated", "140100", 2023, 13), { value: 1, version: 0 }, "month"],
    [url("rural_dilapidated", "140100", 2023, 0), { value: 1, version: 0 }, "month"],
    [url("rural_dilapidated", "140100", "x", 1), { value: 1, version: 0 }, "year"],
    [url("rural_dilapidated", "999999", 2023, 1), { value: 1, version: 0 }, "region"],
    [url("no_such_thing", "140100", 2023, 1), { value: 1, version: 0 }, "indicator"],
    [url("rural_dilapidated", "140100", 2023, 1), { value: -5, version: 0 }, "value"],
    [url("rural_dilapidated", "140100", 2023, 1), { value: "many", version: 0 }, "value"],
    [url("rural_dilapidated", "140100", 2023, 1), { value: 2.5, version: 0 }, "value"],
    [url("rural_dilapidated", "140100", 2023, 1), {}, ""],
    [url("rural_dilapidated", "140100", 2023, 1), { value: 1, colour: "red", version: 0 }, ""],
    [url("rural_dilapidated", "140100", 2099, 1), { value: 1, version: 0 }, "month"],
    [
      url("prefab_share", "330100", 2023, 1),
      { numerator: 50, denominator: 40, version: 0 },
      "numerator",
    ],
    [url("prefab_share", "330100", 2023, 1), { value: 0.3, version: 0 }, "numerator"],
    [
      url("rural_dilapidated", "140100", 2023, 1),
      { numerator: 1, denominator: 2, version: 0 },
      "value",
    ],
    // F2: no figure above its unit's maximum, so that no sum can overflow.
    [url("rural_dilapidated", "140100", 2023, 1), { value: 1e308, version: 0 }, "value"],
    [url("sludge_safe_disposal", "140100", 2023, 1), { value: 92.5, version: 0 }, "value"],
    [
      url("prefab_share", "330100", 2023, 1),
      { numerator: 1, denominator: 1e300, version: 0 },
      "denominator",
    ],
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

  it("F20: a change without the version it is based on (body or If-Match) is refused with 428, a stale one with 409", async () => {
    const path = url("rural_seismic", "140200", 2023, 3);
    const blind = await t.api.inject({ method: "PUT", url: path, payload: { value: 10 } });
    expect(blind.statusCode).toBe(428);
    expect(blind.json()).toMatchObject({ statusCode: 428, field: "version" });
    expect(blind.json().message).toMatch(/version.*If-Match/);
    expect((await t.api.inject({ url: path })).statusCode).toBe(404);

    const created = await t.api.inject({
      method: "PUT",
      url: path,
      payload: { value: 10 },
      headers: { "if-match": '"0"' },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ value: 10, version: 1 });
    // Two people both saw version 1: the second change is refused, not silently lost.
    const first = await t.api.inject({
      method: "PUT",
      url: path,
      payload: { value: 11, version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.api.inject({
      method: "PUT",
      url: path,
      payload: { value: 12, version: 1 },
    });
    expect(second.statusCode).toBe(409);
    expect((await t.api.inject({ url: path })).json()).toMatchObject({ value: 11, version: 2 });
    const lastWrite = await t.api.inject({ method: "PUT", url: path, payload: { value: 13 } });
    expect(lastWrite.statusCode).toBe(428);
    const garbled = await t.api.inject({
      method: "PUT",
      url: path,
      payload: { value: 13 },
      headers: { "if-match": "*" },
    });
    expect(garbled.statusCode).toBe(428);
    expect((await t.api.inject({ url: path })).json().value).toBe(11);
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
