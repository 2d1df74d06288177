import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Direction, IndicatorKind, RegionLevel } from "@jindu/domain";
import { parse } from "csv-parse/sync";
import type { indicators, regions } from "../schema.js";

// Copies of shared/reference: real GB/T 2260 codes and the indicator catalogue, shipped with the app.
function readCsv(name: string): Record<string, string>[] {
  const path = fileURLToPath(new URL(`../../seed-data/${name}`, import.meta.url));
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
}

export function referenceRegions(): (typeof regions.$inferInsert)[] {
  return readCsv("regions-demo.csv").map((r) => ({
    code: r.code as string,
    nameZh: r.name_zh as string,
    nameEn: r.name_en as string,
    level: r.level as RegionLevel,
    parentCode: r.parent_code || null,
  }));
}

/** Rural renovation slows in the winter months and the spring festival. */
const RURAL_PROFILE = [0.03, 0.06, 0.14, 0.25, 0.37, 0.49, 0.6, 0.71, 0.81, 0.9, 0.96, 1];

export function referenceIndicators(): (typeof indicators.$inferInsert)[] {
  return readCsv("indicators.csv").map((r, i) => ({
    code: r.code as string,
    nameZh: r.name_zh as string,
    nameEn: r.name_en as string,
    unitZh: r.unit_zh as string,
    unitEn: r.unit_en as string,
    kind: r.kind as IndicatorKind,
    direction: r.direction as Direction,
    category: r.category as string,
    parts: r.parts || null,
    source: r.source || null,
    seasonalProfile: r.code === "rural_dilapidated" ? RURAL_PROFILE : null,
    sortOrder: i + 1,
  }));
}
