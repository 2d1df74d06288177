import type { ValidationProblem } from "./validation.js";

/** Median of a list; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface WarningInput {
  /** This month's year-to-date figure. */
  ytd: number;
  /** Last month's year-to-date figure (0 in January). */
  previousYtd: number;
  /** The region's earlier monthly increments of this indicator, to judge what is usual. */
  pastIncrements: readonly number[];
  target: number | null;
}

/** Below this many earlier months, a region's "usual" increment is not known well enough. */
const MIN_HISTORY = 3;

/**
 * Figures that may be right but need a written explanation before they are submitted: a jump
 * of more than 3× the usual monthly increment, over half the annual target in one month, or a
 * year-to-date figure above 150% of target. Only cumulative indicators have increments.
 */
export function reportWarnings(input: WarningInput, field = "value"): ValidationProblem[] {
  const { ytd, previousYtd, pastIncrements, target } = input;
  const increment = ytd - previousYtd;
  const warnings: ValidationProblem[] = [];
  const usual = pastIncrements.length >= MIN_HISTORY ? median(pastIncrements) : null;
  if (usual !== null && usual > 0 && increment > 3 * usual) {
    warnings.push({
      field,
      rule: "jump_over_3x_median",
      message: `this month's increment ${increment} is more than 3× the usual ${usual}`,
    });
  }
  if (target !== null && target > 0 && increment > 0.5 * target) {
    warnings.push({
      field,
      rule: "over_half_target_in_month",
      message: `this month's increment ${increment} is over half the annual target ${target}`,
    });
  }
  if (target !== null && target > 0 && ytd > 1.5 * target) {
    warnings.push({
      field,
      rule: "ytd_over_150pct",
      message: `year-to-date ${ytd} is above 150% of the target ${target}`,
    });
  }
  return warnings;
}

/** Monthly increments from a year's year-to-date figures in month order. */
export function incrementsOf(ytdByMonth: readonly number[]): number[] {
  return ytdByMonth.map((ytd, i) => ytd - (i === 0 ? 0 : (ytdByMonth[i - 1] as number)));
}
