import { describe, expect, it } from "vitest";
import type { Target } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

describe("targets", () => {
  it("lists a province's decomposed targets", async () => {
    const res = await t.api.inject({ url: "/api/targets?indicator=shantytown_starts&year=2020" });
    expect(res.statusCode).toBe(200);
    const targets: Target[] = res.json().targets;
    const guangdong = targets.find((x) => x.region === "440000");
    expect(guangdong?.value).toBe(10925);
    const cities = targets.filter((x) => x.region.startsWith("44") && x.region !== "440000");
    expect(cities.reduce((s, x) => s + x.value, 0)).toBe(10925);
  });

  it("creates a target with a due month, refuses a duplicate with 409, and updates it", async () => {
    const created = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: {
        indicator: "rural_dilapidated",
        region: "140100",
        year: 2023,
        value: 1200,
        dueMonth: 5,
      },
    });
    expect(created.statusCode).toBe(201);
    const target: Target = created.json();
    expect(target).toMatchObject({
      indicator: "rural_dilapidated",
      region: "140100",
      year: 2023,
      value: 1200,
      dueMonth: 5,
    });

    const again = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "rural_dilapidated", region: "140100", year: 2023, value: 1 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already exists/);

    const updated = await t.api.inject({
      method: "PATCH",
      url: `/api/targets/${target.id}`,
      payload: { value: 1500 },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ value: 1500, dueMonth: 5 });
  });

  it("defaults the due month to December", async () => {
    const res = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "prefab_share", region: "330000", year: 2023, value: 0.35 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().dueMonth).toBe(12);
  });

  it.each([
    [{ indicator: "nope", region: "330000", year: 2023, value: 1 }, "indicator"],
    [{ indicator: "shantytown_starts", region: "999999", year: 2023, value: 1 }, "region"],
    [{ indicator: "shantytown_starts", region: "330000", year: 2023, value: -1 }, "value"],
    [
      { indicator: "shantytown_starts", region: "330000", year: 2023, value: 1, dueMonth: 13 },
      "dueMonth",
    ],
    [{ indicator: "shantytown_starts", region: "330000", year: "soon", value: 1 }, "year"],
    [{ indicator: "shantytown_starts", region: "330000", year: 2023, value: 10.5 }, "value"],
    [{ indicator: "prefab_share", region: "330000", year: 2024, value: 30 }, "value"],
    [{ indicator: "shantytown_starts", region: "330000", year: 2023 }, "value"],
  ])("refuses %j with 400 on %s and writes nothing", async (payload, field) => {
    const before = (await t.api.inject({ url: "/api/targets?year=2023" })).json().targets.length;
    const res = await t.api.inject({ method: "POST", url: "/api/targets", payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    const after = (await t.api.inject({ url: "/api/targets?year=2023" })).json().targets.length;
    expect(after).toBe(before);
  });

  it("404s an unknown target and 400s an empty or malformed update", async () => {
    expect(
      (await t.api.inject({ method: "PATCH", url: "/api/targets/999999", payload: { value: 1 } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.api.inject({ method: "PATCH", url: "/api/targets/1", payload: {} })).statusCode,
    ).toBe(400);
    expect(
      (await t.api.inject({ method: "PATCH", url: "/api/targets/abc", payload: { value: 1 } }))
        .statusCode,
    ).toBe(400);
  });
});
