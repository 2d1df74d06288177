import { exactSum, finiteOrNull } from "./exact-sum.js";
import type { IndicatorKind } from "./indicator.js";
import { isRatioMeasure, type Measure } from "./measure.js";

/**
 * Roll-up of children's figures to their parent. Cumulative figures are summed; ratio figures sum
 * numerators and denominators separately, so the parent share is Σnum / Σden (never an average of
 * percentages); level figures are not summed, so the parent has no rolled-up figure (null).
 * Children without a figure are left out; with none at all the result is null, and so is a sum
 * that is not a finite number.
 */
export function rollUp(kind: IndicatorKind, children: readonly (Measure | null)[]): Measure | null {
  if (kind === "level") return null;
  const present = children.filter((m): m is Measure => m !== null);
  if (present.length === 0) return null;
  if (kind === "ratio") {
    const parts = present.map((m) => {
      if (!isRatioMeasure(m)) throw new TypeError("ratio roll-up needs numerator and denominator");
      return m;
    });
    const numerator = finiteOrNull(exactSum(parts.map((m) => m.numerator)));
    const denominator = finiteOrNull(exactSum(parts.map((m) => m.denominator)));
    // A sum beyond the doubles (figures stored before the maxima existed) is no figure at all.
    return numerator === null || denominator === null ? null : { numerator, denominator };
  }
  const values = present.map((m) => {
    if (isRatioMeasure(m)) throw new TypeError("cumulative roll-up needs values");
    return m.value;
  });
  const value = finiteOrNull(exactSum(values));
  return value === null ? null : { value };
}

/**
 * A parent's target when it has none of its own: the sum of its children's for cumulative
 * indicators. A share or a level target cannot be derived from children's targets.
 */
export function rollUpTargets(
  kind: IndicatorKind,
  targets: readonly (number | null)[],
): number | null {
  if (kind !== "cumulative") return null;
  const present = targets.filter((t): t is number => t !== null);
  return present.length === 0 ? null : finiteOrNull(exactSum(present));
}
