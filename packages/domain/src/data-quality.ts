import { incrementsOf, reportWarnings } from "./warnings.js";

/**
 * How far a region's figures can be trusted, shown beside its rank (数据质量): a score from its
 * own reporting record, never from how much it uses the system.
 */
export interface QualityRecord {
  /** Months of the year so far that owed a report. */
  monthsDue: number;
  /** Of those, months sent in at all, and months sent in on time. */
  monthsReported: number;
  monthsOnTime: number;
  /** Months changed after their approval (reopened and resubmitted). */
  correctionsAfterApproval: number;
  /** Figures that raised a plausibility warning, and those left without an explanation. */
  warnings: number;
  unexplainedWarnings: number;
}

/** Each part's weight in the score; they sum to 1. */
export const QUALITY_WEIGHTS = {
  completeness: 0.4,
  timeliness: 0.3,
  stability: 0.15,
  explained: 0.15,
} as const;

export interface QualityScore {
  /** 0–100, whole points; null when no month was due yet. */
  score: number | null;
  /** Each part as a fraction 0–1. */
  parts: { completeness: number; timeliness: number; stability: number; explained: number };
}

const share = (part: number, whole: number) =>
  whole <= 0 ? 1 : Math.min(1, Math.max(0, part / whole));

/**
 * completeness: months reported ÷ months due; timeliness: months on time ÷ months due;
 * stability: 1 − corrections after approval ÷ months reported; explained: 1 − unexplained
 * warnings ÷ warnings. The score is their weighted sum × 100, rounded to a whole point.
 */
export function dataQuality(r: QualityRecord): QualityScore {
  const parts = {
    completeness: share(r.monthsReported, r.monthsDue),
    timeliness: share(r.monthsOnTime, r.monthsDue),
    stability: 1 - share(r.correctionsAfterApproval, Math.max(1, r.monthsReported)),
    explained: 1 - share(r.unexplainedWarnings, r.warnings),
  };
  if (r.monthsDue <= 0) return { score: null, parts };
  const sum =
    parts.completeness * QUALITY_WEIGHTS.completeness +
    parts.timeliness * QUALITY_WEIGHTS.timeliness +
    parts.stability * QUALITY_WEIGHTS.stability +
    parts.explained * QUALITY_WEIGHTS.explained;
  return { score: Math.round(sum * 100), parts };
}

/** One figure of a region's cumulative indicator, as stored: what its warnings are judged on. */
export interface WarnedFigure {
  year: number;
  month: number;
  /** Year-to-date value (cumulative indicators only). */
  value: number | null;
  /** Approved figures are the history later months are compared with, as on the entry form. */
  approved: boolean;
  explanation: string | null;
}

/**
 * The figures of `year` up to `toMonth` that raise a plausibility warning (reportWarnings, with
 * the same history the entry form uses: approved figures of the year before and of this year's
 * earlier months), and of those the ones without a written explanation. One indicator's
 * figures of one region, of `year - 1` and `year`.
 */
export function warningTally(
  figures: readonly WarnedFigure[],
  q: { year: number; toMonth: number; target: number | null },
): { warnings: number; unexplained: number } {
  const sorted = [...figures].sort((a, b) => a.year - b.year || a.month - b.month);
  const history = sorted.filter((h) => h.approved && h.value !== null);
  const lastYear = incrementsOf(
    history.filter((h) => h.year === q.year - 1).map((h) => h.value as number),
  );
  const approvedThisYear = history.filter((h) => h.year === q.year);
  // Figures are visited in month order, so each one's history of this year is the approved
  // figures of earlier months: a prefix that only grows (one pass, not a filter per figure — a
  // province's quality judges thousands of figures on every first read after a change).
  const thisYear: number[] = [];
  let next = 0;
  let warnings = 0;
  let unexplained = 0;
  for (const figure of sorted) {
    if (figure.year !== q.year || figure.month > q.toMonth || figure.value === null) continue;
    while ((approvedThisYear[next]?.month ?? Number.POSITIVE_INFINITY) < figure.month) {
      thisYear.push(approvedThisYear[next++]?.value as number);
    }
    const raised = reportWarnings({
      ytd: figure.value,
      previousYtd: thisYear.at(-1) ?? 0,
      pastIncrements: [...lastYear, ...incrementsOf(thisYear)],
      target: q.target,
    });
    if (raised.length === 0) continue;
    warnings++;
    if (!figure.explanation?.trim()) unexplained++;
  }
  return { warnings, unexplained };
}
