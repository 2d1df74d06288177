import type { IndicatorKind } from "./indicator.js";

/**
 * The number convention, one for every path (form, API, imports, exports, screens):
 *
 * - A percentage is typed, imported, exported and shown as a percentage: 92.5 means 92.5%.
 * - It is stored, and carried in the API's JSON, as a fraction: 92.5% is 0.925 (the same as
 *   completion and schedule, which are fractions too). `storedFromTyped` and `typedFromStored`
 *   are the only conversions between the two; nothing else multiplies or divides by 100.
 * - Percentages are the value of an indicator whose unit is % (the sludge disposal rate) and
 *   every target of such an indicator, shares included (a prefab share target of 30%). The parts
 *   of a share (floor areas) are plain quantities.
 * - Every other figure is typed and stored in its indicator's unit (套, 户, 公里, 亿元 …).
 */
export interface UnitOf {
  kind: IndicatorKind;
  unitZh: string;
}

const PERCENT_UNITS = new Set(["%", "％"]);

export function isPercentUnit(unitZh: string): boolean {
  return PERCENT_UNITS.has(unitZh.trim());
}

/** A reported value typed as a percentage (a rate such as the sludge disposal rate). */
export function isPercentFigure(indicator: UnitOf): boolean {
  return indicator.kind !== "ratio" && isPercentUnit(indicator.unitZh);
}

/** A target typed as a percentage: a share's target, or a rate's. */
export function isPercentTarget(indicator: UnitOf): boolean {
  return isPercentUnit(indicator.unitZh);
}

/** Moves the decimal point without binary noise: 95.2 ↔ 0.952, never 0.9520000000000001. */
function shift(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  return Number((value * 10 ** places).toPrecision(15));
}

/** The stored number of a typed one: 92.5 typed as a percentage is stored as 0.925. */
export function storedFromTyped(typed: number, percent: boolean): number {
  return percent ? shift(typed, -2) : typed;
}

/** The number a person types and reads for a stored one: 0.925 as a percentage is 92.5. */
export function typedFromStored(stored: number, percent: boolean): number {
  return percent ? shift(stored, 2) : stored;
}

/**
 * The largest figure a region may report or be set as a target, in stored terms, by unit. Far
 * above any real figure of one region (China builds about 3 × 10⁵ 万平方米 a year in all), and
 * low enough that the sum over every region of the country (about 3,200) stays a finite double
 * with room to spare: 3,200 × 10⁹ ≈ 3 × 10¹².
 */
export const FIGURE_MAXIMUM_BY_UNIT: Readonly<Record<string, number>> = {
  "%": 1,
  "％": 1,
  套: 1e8,
  户: 1e8,
  个: 1e7,
  座: 1e7,
  公里: 1e7,
  亿元: 1e7,
  个工作日: 1e4,
};

/** A share's parts (floor areas in 万平方米) and any unit not listed above. */
export const RATIO_PART_MAXIMUM = 1e8;
export const DEFAULT_FIGURE_MAXIMUM = 1e9;

/** The largest value (or share part) a figure of the indicator may have, in stored terms. */
export function figureMaximum(indicator: UnitOf): number {
  if (indicator.kind === "ratio") return RATIO_PART_MAXIMUM;
  return FIGURE_MAXIMUM_BY_UNIT[indicator.unitZh.trim()] ?? DEFAULT_FIGURE_MAXIMUM;
}

/** The largest target of the indicator, in stored terms (a share at most 1, i.e. 100%). */
export function targetMaximum(indicator: UnitOf): number {
  if (isPercentTarget(indicator)) return 1;
  return FIGURE_MAXIMUM_BY_UNIT[indicator.unitZh.trim()] ?? DEFAULT_FIGURE_MAXIMUM;
}

/** A number as a person reads it in the indicator's unit: 0.925 of a rate → "92.5%". */
export function typedText(stored: number, percent: boolean): string {
  return percent ? `${typedFromStored(stored, true)}%` : String(stored);
}
