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

/** Behind schedule: yellow or red. */
export function isBehind(status: Status | null): boolean {
  return status === "yellow" || status === "red";
}

/** How many months in a row, ending with the last, a line has been behind schedule. */
export function behindStreak(statusesByMonth: readonly (Status | null)[]): number {
  let streak = 0;
  for (let i = statusesByMonth.length - 1; i >= 0 && isBehind(statusesByMonth[i] ?? null); i--) {
    streak++;
  }
  return streak;
}

const SEVERITY: Record<Status, number> = { completed: 0, green: 1, yellow: 2, red: 3 };

/** The most severe status of a region across indicators; null when none has a status. */
export function worstStatus(statuses: readonly (Status | null)[]): Status | null {
  let worst: Status | null = null;
  for (const s of statuses) {
    if (s !== null && (worst === null || SEVERITY[s] > SEVERITY[worst])) worst = s;
  }
  return worst;
}

export type StatusCounts = Record<Status | "none", number>;

export function countStatuses(statuses: readonly (Status | null)[]): StatusCounts {
  const counts: StatusCounts = { completed: 0, green: 0, yellow: 0, red: 0, none: 0 };
  for (const s of statuses) counts[s ?? "none"]++;
  return counts;
}
