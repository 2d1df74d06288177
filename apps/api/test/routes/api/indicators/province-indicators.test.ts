import { beforeAll, describe, expect, it } from "vitest";
import { type Client, useTestApp } from "../../../helper.js";
import { templateCodes } from "../../../spreadsheet-helpers.js";

const t = useTestApp();

/** Zhejiang's own 2023 task, in no national document: 城中村改造, counted in whole projects. */
const URBAN_VILLAGE = {
  code: "urban_village_renewal",
  nameZh: "城中村改造",
  nameEn: "Urban village renewal",
  unitZh: "个",
  unitEn: "projects",
  kind: "cumulative",
  direction: "higher_is_better",
  category: "urban_renewal",
  wholeNumber: true,
  firstYear: 2023,
};

let zhejiang: Client;
let guangdong: Client;
let wenzhou: Client;

const codesOf = async (client: Client) =>
  ((await client.inject("/api/indicators")).json().indicators as { code: string }[]).map(
    (i) => i.code,
  );

beforeAll(async () => {
  zhejiang = await t.as("zj_official");
  guangdong = await t.as("gd_official");
  wenzhou = await t.as("wz_reporter");
});

describe("indicators a province creates for itself", () => {
  it("creates Zhejiang's own indicator, which Guangdong never sees", async () => {
    const res = await zhejiang.inject({
      method: "POST",
      url: "/api/indicators",
      payload: URBAN_VILLAGE,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: "urban_village_renewal",
      ownerCode: "330000",
      wholeNumber: true,
      firstYear: 2023,
      lastYear: null,
    });

    expect(await codesOf(zhejiang)).toContain("urban_village_renewal");
    expect(await codesOf(wenzhou)).toContain("urban_village_renewal");
    expect(await codesOf(t.api)).toContain("urban_village_renewal");
    const guangdongSees = await codesOf(guangdong);
    expect(guangdongSees).not.toContain("urban_village_renewal");
    expect(guangdongSees).toContain("shantytown_starts");

    // Named in a Guangdong request it is as unknown as a code that does not exist.
    const progress = await guangdong.inject(
      "/api/progress?indicator=urban_village_renewal&parent=440000&year=2023&month=6",
    );
    expect(progress.statusCode).toBe(400);
    expect(progress.json().field).toBe("indicator");
    const remove = await guangdong.inject({
      method: "DELETE",
      url: "/api/indicators/urban_village_renewal",
    });
    expect(remove.statusCode).toBe(404);
  });

  it("follows the indicator on the targets, the form, the template and the overview", async () => {
    const target = await zhejiang.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "urban_village_renewal", region: "330300", year: 2023, value: 12 },
    });
    expect(target.statusCode, target.body).toBe(201);

    // Guangdong cannot set a target on it.
    const foreign = await guangdong.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "urban_village_renewal", region: "440100", year: 2023, value: 3 },
    });
    expect(foreign.statusCode).toBe(400);

    const form = (await wenzhou.inject("/api/submissions/330300/2023/5")).json();
    const entry = form.entries.find(
      (e: { indicator: { code: string } }) => e.indicator.code === "urban_village_renewal",
    );
    expect(entry).toMatchObject({ target: 12, indicator: { nameZh: "城中村改造" } });

    // Whole projects: 2.5 is refused, with the field and rule named; 5 is stored.
    const half = await wenzhou.inject({
      method: "PUT",
      url: "/api/submissions/330300/2023/5",
      payload: { baseVersion: 0, entries: [{ indicator: "urban_village_renewal", value: 2.5 }] },
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().rule).toBe("not_integer");
    const saved = await wenzhou.inject({
      method: "PUT",
      url: "/api/submissions/330300/2023/5",
      payload: { baseVersion: 0, entries: [{ indicator: "urban_village_renewal", value: 5 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    expect(await templateCodes(zhejiang, "parent=330000&year=2023&month=5")).toContain(
      "urban_village_renewal",
    );
    expect(await templateCodes(guangdong, "parent=440000&year=2023&month=5")).not.toContain(
      "urban_village_renewal",
    );
    // Not yet in force in 2022: last year's template has no column for it.
    expect(await templateCodes(zhejiang, "parent=330000&year=2022&month=5")).not.toContain(
      "urban_village_renewal",
    );

    const tiles = async (client: Client, region: string) =>
      (
        (await client.inject(`/api/overview?region=${region}&year=2023&month=5`)).json().tiles as {
          indicator: { code: string };
        }[]
      ).map((tile) => tile.indicator.code);
    expect(await tiles(zhejiang, "330000")).toContain("urban_village_renewal");
    expect(await tiles(guangdong, "440000")).not.toContain("urban_village_renewal");
  });

  it("retires an indicator with figures instead of deleting it; its years stay readable", async () => {
    const remove = await zhejiang.inject({
      method: "DELETE",
      url: "/api/indicators/urban_village_renewal",
    });
    expect(remove.statusCode).toBe(409);
    expect(remove.json().rule).toBe("indicator_in_use");

    const retire = await zhejiang.inject({
      method: "PATCH",
      url: "/api/indicators/urban_village_renewal",
      payload: { lastYear: 2023, nameZh: "城中村改造（2023）" },
    });
    expect(retire.statusCode, retire.body).toBe(200);
    expect(retire.json()).toMatchObject({ lastYear: 2023, nameZh: "城中村改造（2023）" });

    // 2023 still shows it, renamed, with Wenzhou's figure; 2024 no longer asks for it.
    const progress = await zhejiang.inject(
      "/api/progress?indicator=urban_village_renewal&parent=330000&year=2023&month=5&include=submitted",
    );
    expect(progress.statusCode, progress.body).toBe(200);
    const overview2024 = (
      await zhejiang.inject("/api/overview?region=330000&year=2024&month=1")
    ).json();
    expect(
      overview2024.tiles.map((tile: { indicator: { code: string } }) => tile.indicator.code),
    ).not.toContain("urban_village_renewal");
    expect(await templateCodes(zhejiang, "parent=330000&year=2024&month=1")).not.toContain(
      "urban_village_renewal",
    );
  });

  it("deletes an indicator nothing names yet", async () => {
    const created = await zhejiang.inject({
      method: "POST",
      url: "/api/indicators",
      payload: { ...URBAN_VILLAGE, code: "typo_indicator", nameZh: "错建指标" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const removed = await zhejiang.inject({
      method: "DELETE",
      url: "/api/indicators/typo_indicator",
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await codesOf(zhejiang)).not.toContain("typo_indicator");

    // One a supervision record names is in use too: deleting it would orphan the record.
    const named = await zhejiang.inject({
      method: "POST",
      url: "/api/indicators",
      payload: { ...URBAN_VILLAGE, code: "supervised_task", nameZh: "督办任务" },
    });
    expect(named.statusCode, named.body).toBe(201);
    const record = await zhejiang.inject({
      method: "POST",
      url: "/api/supervision",
      payload: {
        region: "330300",
        kind: "interview",
        heldOn: "2026-11-20",
        indicators: ["supervised_task"],
        actions: "制定城中村改造推进方案",
        deadline: "2026-12-31",
      },
    });
    expect(record.statusCode, record.body).toBe(201);
    const refused = await zhejiang.inject({
      method: "DELETE",
      url: "/api/indicators/supervised_task",
    });
    expect(refused.statusCode).toBe(409);
  });

  it("keeps each part of the catalogue to those it belongs to", async () => {
    // A provincial official adds neither to another province's part nor to the national one.
    for (const ownerCode of ["440000", null]) {
      const res = await zhejiang.inject({
        method: "POST",
        url: "/api/indicators",
        payload: { ...URBAN_VILLAGE, code: "not_mine", ownerCode },
      });
      expect(res.statusCode, JSON.stringify(ownerCode)).toBe(403);
    }
    // Nor renames a national indicator; a bureau changes nothing.
    const rename = await zhejiang.inject({
      method: "PATCH",
      url: "/api/indicators/shantytown_starts",
      payload: { nameZh: "改名" },
    });
    expect(rename.statusCode).toBe(403);
    const bureau = await wenzhou.inject({
      method: "POST",
      url: "/api/indicators",
      payload: { ...URBAN_VILLAGE, code: "bureau_own" },
    });
    expect(bureau.statusCode).toBe(403);

    // A national official adds to the national catalogue, which every province sees.
    const national = await t.api.inject({
      method: "POST",
      url: "/api/indicators",
      payload: {
        ...URBAN_VILLAGE,
        code: "gas_safety_checks",
        nameZh: "燃气安全排查",
        nameEn: "Gas safety inspections",
        firstYear: 2027,
      },
    });
    expect(national.statusCode, national.body).toBe(201);
    expect(national.json().ownerCode).toBeNull();
    expect(await codesOf(guangdong)).toContain("gas_safety_checks");
  });

  it("refuses bad definitions with the field and reason, creating nothing", async () => {
    const cases: [object, number, string?][] = [
      [{ code: "urban_village_renewal" }, 409],
      [{ code: "Bad-Code" }, 400, "code"],
      [{ code: "late_first", firstYear: 2025, lastYear: 2024 }, 400, "lastYear"],
      [{ code: "ratio_no_parts", kind: "ratio" }, 400, "parts"],
      [{ code: "level_parts", parts: "a over b" }, 400, "parts"],
      [{ code: "blank_name", nameZh: "   " }, 400, "nameZh"],
      [{ code: "far_year", firstYear: 99999 }, 400, "firstYear"],
      [{ code: "odd_kind", kind: "average" }, 400, "kind"],
      [{ code: "no_county", ownerCode: "330300" }, 400, "ownerCode"],
    ];
    for (const [change, status, field] of cases) {
      const res = await t.api.inject({
        method: "POST",
        url: "/api/indicators",
        payload: { ...URBAN_VILLAGE, ...change },
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      if (field) expect(res.json().field ?? res.body, JSON.stringify(change)).toContain(field);
    }
    const codes = await codesOf(t.api);
    for (const code of ["late_first", "ratio_no_parts", "level_parts", "no_county"]) {
      expect(codes).not.toContain(code);
    }
  });
});
