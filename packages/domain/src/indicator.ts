/** How an indicator's figures accumulate through the year; decides every roll-up and schedule. */
export const INDICATOR_KINDS = ["cumulative", "ratio", "level"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const REGION_LEVELS = ["province", "city", "county"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Seasonal profile: 12 cumulative fractions of the year's work expected by the end of each month. */
export type SeasonalProfile = readonly number[];

export interface IndicatorRules {
  kind: IndicatorKind;
  direction: Direction;
  seasonalProfile?: SeasonalProfile | null;
  /** Provinces' own profiles of the indicator by province code; each overrides the national one there. */
  provinceProfiles?: ReadonlyMap<string, SeasonalProfile> | null;
}

/** The province a region belongs to: the first two digits of its GB/T 2260 code, then 0000. */
export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

/**
 * Whether an indicator exists for someone reaching `regionCode` (null: the whole country): a
 * national one for everybody, a province's own only within that province.
 */
export function indicatorVisibleIn(ownerCode: string | null, regionCode: string | null): boolean {
  return ownerCode === null || regionCode === null || ownerCode === provinceOf(regionCode);
}

/** Whether an indicator is in force in `year`: from its first year to its last, where set. */
export function inForce(
  indicator: { firstYear?: number | null; lastYear?: number | null },
  year: number,
): boolean {
  return (indicator.firstYear ?? year) <= year && (indicator.lastYear ?? year) >= year;
}

/**
 * Whether an indicator belongs on a region's screens for a year: national or the region's
 * province's own, and in force. A national reader's catalogue holds every province's own
 * indicators; another province's has no targets, figures or trend in this region.
 */
export function indicatorAppliesIn(
  indicator: { ownerCode: string | null; firstYear?: number | null; lastYear?: number | null },
  regionCode: string | null,
  year: number,
): boolean {
  return indicatorVisibleIn(indicator.ownerCode, regionCode) && inForce(indicator, year);
}
