/**
 * A province's own approved base map (底图): boundaries in China may be published only with the
 * map's approval number (审图号), so none ship with the product; a province uploads its own as a
 * GeoJSON FeatureCollection whose features carry their GB/T 2260 code.
 */

/** The most text an upload may hold (characters of GeoJSON). */
export const BASE_MAP_MAX_CHARS = 5_000_000;
/** Regions one map may draw: a province's cities and counties fit well within it. */
export const BASE_MAP_MAX_FEATURES = 500;
/** Vertices across the map: enough for a simplified province, small enough to draw at once. */
export const BASE_MAP_MAX_POINTS = 400_000;

/** Feature properties that may carry the region's code, in the order they are looked up. */
export const BASE_MAP_CODE_PROPERTIES = ["code", "adcode", "gb_code"] as const;

/** 审图号 as printed on approved maps: 浙S(2023)12号, GS(2020)4619号, GS京(2022)1061号. */
const APPROVAL_NUMBER = /^[\p{Script=Han}A-Z]{1,6}\s*[(（]\s*\d{4}\s*[)）]\s*\d{1,6}\s*号$/u;

/** A polygon's rings ([lon, lat] pairs), the first one the outline. */
export type Ring = [number, number][];
export type Polygon = Ring[];

export interface BaseMapRegion {
  code: string;
  /** Every polygon of the region (a MultiPolygon's parts; a Polygon is one). */
  polygons: Polygon[];
}

export interface BaseMapProblem {
  field: "geojson" | "approvalNumber";
  rule: string;
  message: string;
}

export type BaseMapParse =
  | { ok: true; regions: BaseMapRegion[] }
  | { ok: false; problem: BaseMapProblem };

const fail = (rule: string, message: string): BaseMapParse => ({
  ok: false,
  problem: { field: "geojson", rule, message },
});

/** Why an approval number will not do, or null when it reads as one. */
export function approvalNumberProblem(text: string): BaseMapProblem | null {
  const value = text.trim();
  if (value === "") {
    return {
      field: "approvalNumber",
      rule: "required",
      message: "approvalNumber: a published map needs its approval number (审图号)",
    };
  }
  if (!APPROVAL_NUMBER.test(value)) {
    return {
      field: "approvalNumber",
      rule: "format",
      message: `approvalNumber: "${value}" does not read as an approval number such as 浙S(2023)12号`,
    };
  }
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function codeOf(properties: unknown): string | null {
  if (!isRecord(properties)) return null;
  for (const key of BASE_MAP_CODE_PROPERTIES) {
    const value = properties[key];
    if (typeof value === "string" || (typeof value === "number" && Number.isInteger(value))) {
      return String(value);
    }
  }
  return null;
}

/** A ring of at least four finite [lon, lat] positions within the globe's ranges, or null. */
function ringOf(value: unknown): Ring | null {
  if (!Array.isArray(value) || value.length < 4) return null;
  const ring: Ring = [];
  for (const position of value) {
    if (!Array.isArray(position) || position.length < 2) return null;
    const [lon, lat] = position as unknown[];
    if (typeof lon !== "number" || typeof lat !== "number") return null;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
    ring.push([lon, lat]);
  }
  return ring;
}

function polygonOf(value: unknown): Polygon | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings = value.map(ringOf);
  return rings.every((r): r is Ring => r !== null) ? rings : null;
}

/**
 * Reads an uploaded base map: it must parse, be a FeatureCollection of Polygon or MultiPolygon
 * features, each carrying a code (`code`, `adcode` or `gb_code`) that `isKnown` accepts, each
 * code once. The first problem found is the answer, naming the feature.
 */
export function parseBaseMap(text: string, isKnown: (code: string) => boolean): BaseMapParse {
  if (text.length > BASE_MAP_MAX_CHARS) {
    return fail("too_large", `geojson: more than ${BASE_MAP_MAX_CHARS} characters`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail("parse", "geojson: not valid JSON");
  }
  if (!isRecord(data) || data.type !== "FeatureCollection" || !Array.isArray(data.features)) {
    return fail("feature_collection", "geojson: not a GeoJSON FeatureCollection");
  }
  if (data.features.length === 0) return fail("empty", "geojson: the collection has no features");
  if (data.features.length > BASE_MAP_MAX_FEATURES) {
    return fail("too_many_features", `geojson: more than ${BASE_MAP_MAX_FEATURES} features`);
  }
  const regions: BaseMapRegion[] = [];
  const seen = new Set<string>();
  let points = 0;
  for (const [i, feature] of data.features.entries()) {
    const where = `geojson: feature ${i + 1}`;
    if (!isRecord(feature) || feature.type !== "Feature" || !isRecord(feature.geometry)) {
      return fail("feature", `${where} is not a Feature with a geometry`);
    }
    const code = codeOf(feature.properties);
    if (code === null) {
      return fail("code_missing", `${where} has no code property (code, adcode or gb_code)`);
    }
    if (!/^[0-9]{6}$/.test(code) || !isKnown(code)) {
      return fail("code_unknown", `${where}: ${code.slice(0, 20)} is not a known region here`);
    }
    if (seen.has(code)) return fail("code_repeated", `${where}: ${code} appears twice`);
    seen.add(code);
    const { type, coordinates } = feature.geometry;
    let polygons: (Polygon | null)[];
    if (type === "Polygon") polygons = [polygonOf(coordinates)];
    else if (type === "MultiPolygon" && Array.isArray(coordinates) && coordinates.length > 0) {
      polygons = coordinates.map(polygonOf);
    } else if (type === "MultiPolygon") polygons = [null];
    else {
      return fail(
        "geometry_type",
        `${where}: ${String(type).slice(0, 30)} is not a Polygon or MultiPolygon`,
      );
    }
    if (!polygons.every((p): p is Polygon => p !== null)) {
      return fail("coordinates", `${where} (${code}): coordinates are not rings of [lon, lat]`);
    }
    points += polygons.flat(2).length;
    if (points > BASE_MAP_MAX_POINTS) {
      return fail(
        "too_many_points",
        `geojson: more than ${BASE_MAP_MAX_POINTS} points; simplify the map`,
      );
    }
    regions.push({ code, polygons });
  }
  return { ok: true, regions };
}

/** The map's extent in degrees: [west, south, east, north]. */
export function baseMapBounds(regions: readonly BaseMapRegion[]): [number, number, number, number] {
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const region of regions) {
    for (const polygon of region.polygons) {
      for (const [lon, lat] of polygon[0] ?? []) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
  }
  return [west, south, east, north];
}

/** Signed area and centroid of a ring (shoelace), in degrees. */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) {
    const [first] = ring;
    return { area: 0, x: first?.[0] ?? 0, y: first?.[1] ?? 0 };
  }
  return { area, x: x / (6 * area), y: y / (6 * area) };
}

/** Where a region's label goes: the centroid of its largest part's outline, [lon, lat]. */
export function labelPoint(region: BaseMapRegion): [number, number] {
  let best = { area: -1, x: 0, y: 0 };
  for (const polygon of region.polygons) {
    const outline = polygon[0];
    if (!outline) continue;
    const c = ringCentroid(outline);
    if (Math.abs(c.area) > best.area) best = { ...c, area: Math.abs(c.area) };
  }
  return [best.x, best.y];
}
