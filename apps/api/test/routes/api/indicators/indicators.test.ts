import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

describe("indicators: the administrator edits the catalogue's wording", () => {
  it("lists each indicator with its sort order", async () => {
    const { indicators } = (await t.api.inject("/api/indicators")).json();
    expect(indicators[0]).toMatchObject({ code: "shantytown_starts", sortOrder: 1 });
  });

  it("changes names, units, category and order, and every reader sees them", async () => {
    const admin = await t.as("sysadmin");
    const res = await admin.inject({
      method: "PATCH",
      url: "/api/indicators/gas_pipe_renewal",
      payload: { nameEn: "Old gas pipes renewed", unitEn: "kilometres", sortOrder: 0 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: "gas_pipe_renewal",
      nameEn: "Old gas pipes renewed",
      unitEn: "kilometres",
      nameZh: "老旧燃气管道更新改造",
      kind: "cumulative",
      sortOrder: 0,
    });
    const { indicators } = (await t.api.inject("/api/indicators")).json();
    expect(indicators[0]).toMatchObject({ code: "gas_pipe_renewal", unitEn: "kilometres" });
  });

  it("refuses to change code, kind or direction, blank names and unknown indicators", async () => {
    const admin = await t.as("sysadmin");
    for (const payload of [
      { kind: "ratio" },
      { direction: "lower_is_better" },
      { code: "x_y" },
      { nameZh: "  " },
      {},
    ]) {
      const res = await admin.inject({
        method: "PATCH",
        url: "/api/indicators/prefab_share",
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const missing = await admin.inject({
      method: "PATCH",
      url: "/api/indicators/no_such_thing",
      payload: { nameEn: "x" },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("audits the change with the old and new values", async () => {
    const admin = await t.as("sysadmin");
    await admin.inject({
      method: "PATCH",
      url: "/api/indicators/rural_seismic",
      payload: { nameZh: "农房抗震改造（新）" },
    });
    const auditor = await t.as("inspector");
    const { entries } = (
      await auditor.inject(
        "/api/audit?entity=indicator&action=PATCH%20%2Fapi%2Findicators%2F%3Acode",
      )
    ).json();
    const entry = entries.find((e: { entityId: string }) => e.entityId === "rural_seismic");
    expect(entry.oldValue.nameZh).toBe("农房抗震改造");
    expect(entry.newValue.nameZh).toBe("农房抗震改造（新）");
    expect(entry.username).toBe("sysadmin");
  });
});
