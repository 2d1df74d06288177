import { lagPoints } from "./status.js";

/**
 * Progress of a multi-year plan (e.g. the 14th five-year plan, 2021–2025) of a cumulative
 * indicator: everything done since its first year against its total, held to the same pace as
 * the yearly targets — each finished year owes its whole share, the current year its share times
 * that year's schedule progress.
 */
export interface PlanInput {
  fromYear: number;
  /** The plan's split into years, from fromYear on; the total is their sum. */
  yearValues: readonly number[];
  /** What each year achieved (its year-end cumulative figure, or so far for the current year). */
  achieved: ReadonlyMap<number, number>;
  /** The month reached: its year and month. */
  asOf: { year: number; month: number };
  /** Schedule progress of the current year at `asOf` (scheduleProgress of the yearly target). */
  yearSchedule: number;
}

export interface PlanProgress {
  total: number;
  done: number;
  /** done ÷ total; null for a plan of nothing. */
  completion: number | null;
  /** Where time says the plan should be: (finished years' shares + this year's × its pace) ÷ total. */
  schedule: number;
  /** Completion minus schedule, in percentage points. */
  lag: number | null;
}

export function planProgress(p: PlanInput): PlanProgress {
  const total = p.yearValues.reduce((a, b) => a + b, 0);
  let done = 0;
  let due = 0;
  p.yearValues.forEach((share, i) => {
    const year = p.fromYear + i;
    if (year > p.asOf.year) return;
    done += p.achieved.get(year) ?? 0;
    due += year < p.asOf.year ? share : share * Math.min(1, Math.max(0, p.yearSchedule));
  });
  const completion = total > 0 ? done / total : null;
  const schedule = total > 0 ? Math.min(1, due / total) : 1;
  return { total, done, completion, schedule, lag: lagPoints(completion, schedule) };
}
