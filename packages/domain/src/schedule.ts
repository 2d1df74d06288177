import type { IndicatorKind, SeasonalProfile } from "./indicator.js";

export const DEFAULT_DUE_MONTH = 12;

/** Checks a seasonal profile: 12 fractions, non-decreasing, between 0 and 1, ending at 1. */
export function seasonalProfileProblem(profile: SeasonalProfile): string | null {
  if (profile.length !== 12) return "a seasonal profile needs 12 monthly cumulative fractions";
  let previous = 0;
  for (const [i, share] of profile.entries()) {
    if (!Number.isFinite(share) || share < 0 || share > 1) {
      return `month ${i + 1}: fraction must be between 0 and 1`;
    }
    if (share < previous) return `month ${i + 1}: cumulative fractions cannot decrease`;
    previous = share;
  }
  if (Math.abs(previous - 1) > 1e-9) return "month 12 must be 1 (the whole year)";
  return null;
}

export interface ScheduleInput {
  kind: IndicatorKind;
  month: number;
  dueMonth?: number;
  profile?: SeasonalProfile | null;
}

/**
 * Schedule progress (序时进度) at the end of `month`: the share of the target that time says should
 * be done, capped at 1. Cumulative: m / due month, or the seasonal profile rescaled so that the due
 * month reaches 1. A ratio or level target holds all year, so its schedule is always 1.
 */
export function scheduleProgress({
  kind,
  month,
  dueMonth = DEFAULT_DUE_MONTH,
  profile,
}: ScheduleInput): number {
  if (kind !== "cumulative") return 1;
  // Even pace: m / due month, computed directly so that 4/5 is exactly 0.8.
  if (!profile) return Math.min(1, Math.max(0, month / dueMonth));
  const due = profile[dueMonth - 1] ?? 1;
  if (!(due > 0)) return 1;
  return Math.min(1, Math.max(0, (profile[month - 1] ?? 1) / due));
}
