/** Status colours of a progress line; `completed` once the target is reached. */
export const STATUSES = ["completed", "green", "yellow", "red"] as const;
export type Status = (typeof STATUSES)[number];

export interface LagThresholds {
  /** Lag (pp) at or above which a line is green. */
  green: number;
  /** Lag (pp) at or above which a line is yellow; below it, red. */
  yellow: number;
}

export const DEFAULT_THRESHOLDS: LagThresholds = { green: 0, yellow: -10 };

/** Lag (滞后) in percentage points: completion minus schedule progress. */
export function lagPoints(completion: number | null, schedule: number): number | null {
  if (completion === null) return null;
  // Rounded to 1e-9 pp so that float noise never moves a line across a threshold (0.8 − 0.9 → −10).
  return Math.round((completion - schedule) * 100 * 1e9) / 1e9;
}

export function statusOf(
  completion: number | null,
  lag: number | null,
  thresholds: LagThresholds = DEFAULT_THRESHOLDS,
): Status | null {
  if (completion === null || lag === null) return null;
  if (completion >= 1) return "completed";
  if (lag >= thresholds.green) return "green";
  if (lag >= thresholds.yellow) return "yellow";
  return "red";
}
