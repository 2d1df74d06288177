import { describe, expect, it } from "vitest";
import { approvalNumberProblem, baseMapBounds, labelPoint, parseBaseMap } from "../src/index.js";

const square = (x: number, y: number, size = 1) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];
const feature = (code: unknown, geometry: object, key = "code") => ({
  type: "Feature",
  properties: { [key]: code },
  geometry,
});
const collection = (...features: object[]) =>
  JSON.stringify({ type: "FeatureCollection", features });
const zhejiang = (code: string) => /^33\d{4}$/.test(code) && code !== "339999";

describe("parseBaseMap", () => {
  it("reads Polygon and MultiPolygon features by their code, adcode or gb_code", () => {
    const parsed = parseBaseMap(
      collection(
        feature("330100", { type: "Polygon", coordinates: square(120, 30) }),
        feature(
          330300,
          { type: "MultiPolygon", coordinates: [square(120, 28), square(121, 27)] },
          "adcode",
        ),
      ),
      zhejiang,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.regions.map((r) => [r.code, r.polygons.length])).toEqual([
      ["330100", 1],
      ["330300", 2],
    ]);
    expect(baseMapBounds(parsed.regions)).toEqual([120, 27, 122, 31]);
  });

  it.each([
    ["{", "parse"],
    [JSON.stringify({ type: "Feature" }), "feature_collection"],
    [collection(), "empty"],
    [collection({ type: "Feature", properties: {} }), "feature"],
    [collection(feature(null, { type: "Polygon", coordinates: square(120, 30) })), "code_missing"],
    [
      collection(feature("440100", { type: "Polygon", coordinates: square(120, 30) })),
      "code_unknown",
    ],
    [
      collection(feature("33010", { type: "Polygon", coordinates: square(120, 30) })),
      "code_unknown",
    ],
    [
      collection(
        feature("330100", { type: "Polygon", coordinates: square(120, 30) }),
        feature("330100", { type: "Polygon", coordinates: square(121, 30) }),
      ),
      "code_repeated",
    ],
    [collection(feature("330100", { type: "Point", coordinates: [120, 30] })), "geometry_type"],
    [collection(feature("330100", { type: "Polygon", coordinates: [[[120, 30]]] })), "coordinates"],
    [
      collection(feature("330100", { type: "Polygon", coordinates: square(200, 30) })),
      "coordinates",
    ],
    [collection(feature("330100", { type: "MultiPolygon", coordinates: [] })), "coordinates"],
  ])("refuses %s (%s)", (text, rule) => {
    const parsed = parseBaseMap(text, zhejiang);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.rule).toBe(rule);
  });

  it("refuses more than 5 MB of text", () => {
    const parsed = parseBaseMap(" ".repeat(5_000_001), zhejiang);
    expect(parsed.ok || parsed.problem.rule).toBe("too_large");
  });
});

describe("approvalNumberProblem", () => {
  it.each(["浙S(2023)12号", "GS(2020)4619号", "GS京(2022)1061号", "浙S（2023）12号"])(
    "accepts %s",
    (text) => expect(approvalNumberProblem(text)).toBeNull(),
  );
  it.each([
    ["", "required"],
    ["  ", "required"],
    ["2023-12", "format"],
    ["浙S(23)12", "format"],
  ])("refuses %j (%s)", (text, rule) => expect(approvalNumberProblem(text)?.rule).toBe(rule));
});

describe("labelPoint", () => {
  it("is the centroid of the largest part", () => {
    expect(
      labelPoint({ code: "330100", polygons: [square(0, 0, 1), square(10, 10, 2)] as never }),
    ).toEqual([11, 11]);
  });
});
