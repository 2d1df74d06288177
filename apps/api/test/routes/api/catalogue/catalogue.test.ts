import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

describe("catalogue, health and docs", () => {
  it("returns regions as a province → city tree with real codes", async () => {
    const res = await t.api.inject({ url: "/api/regions" });
    expect(res.statusCode).toBe(200);
    const { regions } = res.json();
    expect(regions.map((r: { code: string }) => r.code).sort()).toEqual([
      "130000",
      "140000",
      "330000",
      "410000",
      "440000",
    ]);
    const zhejiang = regions.find((r: { code: string }) => r.code === "330000");
    expect(zhejiang.children).toHaveLength(11);
    expect(zhejiang.children[2]).toMatchObject({
      code: "330300",
      nameZh: "温州市",
      nameEn: "Wenzhou",
      level: "city",
    });
  });

  it("returns the 19 indicators with kind and direction", async () => {
    const { indicators } = (await t.api.inject({ url: "/api/indicators" })).json();
    expect(indicators).toHaveLength(19);
    expect(indicators.find((i: { code: string }) => i.code === "prefab_share")).toMatchObject({
      kind: "ratio",
      unitZh: "%",
    });
    expect(indicators.find((i: { code: string }) => i.code === "approval_days")).toMatchObject({
      kind: "level",
      direction: "lower_is_better",
    });
  });

  it("answers /healthz after checking the database", async () => {
    const res = await t.api.inject({ url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: t.database.kind });
  });

  it("serves the OpenAPI document with every route", async () => {
    const res = await t.api.inject({ url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      "/api/progress/",
      "/api/lagging/",
      "/api/targets/",
      "/api/reports/{indicator}/{region}/{year}/{month}",
      "/api/overview/",
    ]) {
      expect(paths).toContain(p);
    }
    expect((await t.api.inject({ url: "/docs/" })).statusCode).toBe(200);
  });

  it("answers unknown URLs with a JSON 404", async () => {
    const res = await t.api.inject({ url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, error: "Not Found" });
  });
});
