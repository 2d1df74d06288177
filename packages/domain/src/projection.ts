import { completionRate } from "./completion.js";
import type { Direction, IndicatorKind, SeasonalProfile } from "./indicator.js";
import { scheduleProgress } from "./schedule.js";

export interface ProjectionInput {
  kind: IndicatorKind;
  direction: Direction;
  month: number;
  dueMonth?: number;
  profile?: SeasonalProfile | null;
  actual: number | null;
  target: number | null;
}

export interface Projection {
  /** Projected figure at the due month. */
  value: number | null;
  /** Projected completion rate at the due month, as a fraction. */
  completion: number | null;
  /** True when the projection falls short of the target (预计完不成). */
  projectedToMiss: boolean | null;
}

/**
 * Year-end projection (预计完成) from the run rate: a cumulative figure keeps its pace until the due
 * month (actual / schedule progress); a ratio or level figure is expected to hold where it is.
 */
export function projectYearEnd(input: ProjectionInput): Projection {
  const { kind, direction, actual, target } = input;
  if (actual === null) return { value: null, completion: null, projectedToMiss: null };
  let value = actual;
  if (kind === "cumulative") {
    const schedule = scheduleProgress(input);
    if (!(schedule > 0)) return { value: null, completion: null, projectedToMiss: null };
    value = actual / schedule;
    if (!Number.isFinite(value)) return { value: null, completion: null, projectedToMiss: null };
  }
  const completion = completionRate(direction, value, target);
  return { value, completion, projectedToMiss: completion === null ? null : completion < 1 };
}
