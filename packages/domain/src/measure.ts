import { finiteOrNull } from "./exact-sum.js";
import type { IndicatorKind } from "./indicator.js";

/**
 * A reported figure. Cumulative and level indicators carry one value (year-to-date for cumulative);
 * ratio indicators carry both parts so that every roll-up can divide summed parts.
 */
export type Measure = { value: number } | { numerator: number; denominator: number };

export function isRatioMeasure(m: Measure): m is { numerator: number; denominator: number } {
  return "numerator" in m;
}

/** The figure compared against the target: the value itself, or the share numerator / denominator. */
export function actualOf(m: Measure | null): number | null {
  if (m === null) return null;
  if (isRatioMeasure(m))
    return m.denominator > 0 ? finiteOrNull(m.numerator / m.denominator) : null;
  return finiteOrNull(m.value);
}

/** Builds the measure that fits the indicator kind from loose columns (as stored in a report row). */
export function measureFrom(
  kind: IndicatorKind,
  row: { value: number | null; numerator: number | null; denominator: number | null },
): Measure | null {
  if (kind === "ratio") {
    if (row.numerator === null || row.denominator === null) return null;
    return { numerator: row.numerator, denominator: row.denominator };
  }
  return row.value === null ? null : { value: row.value };
}
