import type { Direction } from "./indicator.js";

/**
 * Completion rate (完成率) as a fraction: actual / target, or target / actual when lower is better.
 * Over-fulfilment shows above 1. Null when it cannot be computed (no figure, no positive target,
 * or a lower-is-better actual of zero, where the ratio has no finite value).
 */
export function completionRate(
  direction: Direction,
  actual: number | null,
  target: number | null,
): number | null {
  if (actual === null || target === null || !(target > 0) || !Number.isFinite(target)) return null;
  if (!Number.isFinite(actual) || actual < 0) return null;
  const rate =
    direction === "lower_is_better" ? (actual > 0 ? target / actual : null) : actual / target;
  return rate !== null && Number.isFinite(rate) ? rate : null;
}
