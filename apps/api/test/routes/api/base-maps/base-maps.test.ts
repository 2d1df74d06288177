import { describe, expect, it } from "vitest";
import type { BaseMapResponse } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();
const ZJ = "/api/base-maps/330000";
const NUMBER = "浙S(2023)12号";

/** A synthetic square per city, on a 0.5° grid: no real boundary is needed (nor may ship). */
const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.5, y],
    [x + 0.5, y + 0.5],
    [x, y + 0.5],
    [x, y],
  ],
];
const feature = (code: string | number, geometry: object) => ({
  type: "Feature",
  properties: { code },
  geometry,
});
const collection = (...features: object[]) =>
  JSON.stringify({ type: "FeatureCollection", features });
const twoCities = collection(
  feature("330100", { type: "Polygon", coordinates: square(120, 30) }),
  feature("330300", { type: "MultiPolygon", coordinates: [square(120.5, 28), square(121, 28)] }),
);

describe("base maps", () => {
  it("stores a province's map with its approval number; readers of the province draw it", async () => {
    const official = await t.as("zj_official");
    expect((await t.api.inject(ZJ)).json()).toEqual({ map: null });
    const put = await official.inject({
      method: "PUT",
      url: ZJ,
      payload: { approvalNumber: ` ${NUMBER} `, geojson: twoCities },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      province: "330000",
      approvalNumber: NUMBER,
      regionCount: 2,
      uploadedBy: "zj_official",
    });
    const reporter = await t.as("wz_reporter");
    const { map } = (await reporter.inject(ZJ)).json() as BaseMapResponse;
    expect(map?.approvalNumber).toBe(NUMBER);
    expect(map?.regions.map((r) => [r.code, r.polygons.length])).toEqual([
      ["330100", 1],
      ["330300", 2],
    ]);
    expect(map?.regions[0]?.polygons[0]?.[0]?.[2]).toEqual([120.5, 30.5]);
    // The audit log keeps the summary, not the polygons.
    const audit = (
      await (await t.as("inspector")).inject("/api/audit?entity=base_map&limit=5")
    ).json() as { entries: { newValue: unknown }[] };
    expect(JSON.stringify(audit.entries[0]?.newValue)).toContain(NUMBER);
    expect(JSON.stringify(audit.entries[0]?.newValue)).not.toContain("120.5");

    // Replacing and removing it.
    const again = await official.inject({
      method: "PUT",
      url: ZJ,
      payload: { approvalNumber: "浙S(2024)3号", geojson: twoCities },
    });
    expect(again.json().approvalNumber).toBe("浙S(2024)3号");
    expect((await official.inject({ method: "DELETE", url: ZJ })).statusCode).toBe(204);
    expect((await official.inject({ method: "DELETE", url: ZJ })).statusCode).toBe(404);
    expect((await t.api.inject(ZJ)).json()).toEqual({ map: null });
  });

  it.each([
    ["no approval number", "", twoCities, "approvalNumber", /审图号/],
    ["a malformed approval number", "12号", twoCities, "approvalNumber", /approval number/],
    ["text that is not JSON", NUMBER, "{not json", "geojson", /not valid JSON/],
    [
      "a single Feature",
      NUMBER,
      JSON.stringify({ type: "Feature" }),
      "geojson",
      /FeatureCollection/,
    ],
    [
      "a Point",
      NUMBER,
      collection(feature("330100", { type: "Point", coordinates: [120, 30] })),
      "geojson",
      /Point is not a Polygon or MultiPolygon/,
    ],
    [
      "another province's city",
      NUMBER,
      collection(feature("440100", { type: "Polygon", coordinates: square(113, 23) })),
      "geojson",
      /440100 is not a known region/,
    ],
    [
      "a code no region has",
      NUMBER,
      collection(feature("339999", { type: "Polygon", coordinates: square(120, 30) })),
      "geojson",
      /339999 is not a known region/,
    ],
    [
      "broken rings",
      NUMBER,
      collection(
        feature("330100", {
          type: "Polygon",
          coordinates: [
            [
              [120, 30],
              [121, 31],
            ],
          ],
        }),
      ),
      "geojson",
      /coordinates/,
    ],
  ])("answers 400 to %s", async (_, approvalNumber, geojson, field, message) => {
    const admin = await t.as("sysadmin");
    const res = await admin.inject({
      method: "PUT",
      url: ZJ,
      payload: { approvalNumber, geojson },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().message).toMatch(message);
    expect((await t.api.inject(ZJ)).json()).toEqual({ map: null });
  });

  it("answers 400 to a city instead of a province, and to more than 5 MB", async () => {
    const admin = await t.as("sysadmin");
    const city = await admin.inject({
      method: "PUT",
      url: "/api/base-maps/330100",
      payload: { approvalNumber: NUMBER, geojson: twoCities },
    });
    expect([city.statusCode, city.json().field]).toEqual([400, "province"]);
    const huge = await admin.inject({
      method: "PUT",
      url: ZJ,
      payload: { approvalNumber: NUMBER, geojson: " ".repeat(5_000_001) },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().message).toMatch(/geojson/);
  });

  it("lets only the administrator and the province's own officials change it", async () => {
    const payload = { approvalNumber: NUMBER, geojson: twoCities };
    const guangdong = await t.as("gd_official");
    expect((await guangdong.inject({ method: "PUT", url: ZJ, payload })).statusCode).toBe(403);
    const leader = await t.as("zj_leader");
    expect((await leader.inject({ method: "PUT", url: ZJ, payload })).statusCode).toBe(403);
    expect((await guangdong.inject(ZJ)).statusCode).toBe(403);
  });
});
