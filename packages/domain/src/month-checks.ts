import type { IndicatorKind } from "./indicator.js";
import {
  type CountingRule,
  type ReportInput,
  reportProblems,
  type ValidationProblem,
} from "./validation.js";
import { reportWarnings } from "./warnings.js";

/**
 * A region's month checked as a whole: the one definition the entry form, the month PUT, the
 * single-figure PUT and the imports all use. Figures are in stored terms (figures.ts).
 */
export interface MonthLine {
  indicator: { code: string; kind: IndicatorKind } & CountingRule;
  /** This month's figures; all null when the indicator has not been entered. */
  figures: { value: number | null; numerator: number | null; denominator: number | null };
  explanation?: string | null | undefined;
  /** Last month's approved year-to-date figure (or parts), which this month cannot fall below. */
  previous: ReportInput | null;
  /** The region's earlier approved monthly increments, to judge what is usual. */
  pastIncrements: readonly number[];
  /** The year's target; an indicator with a target is one the month is expected to report. */
  target: number | null;
}

export interface MonthRules {
  year: number;
  month: number;
  /** Today, to refuse months that have not begun. */
  today: Date;
  /** The province lets a month with some expected figures missing be submitted. */
  allowPartial: boolean;
}

/** A problem of the month, with the indicator it is about (null for the month as a whole). */
export interface MonthProblem extends ValidationProblem {
  indicator: string | null;
}

export interface LineCheck {
  indicator: string;
  entered: boolean;
  /** Errors keep the figure (and the whole save) from being stored. */
  errors: ValidationProblem[];
  /** Warnings need a written explanation before the month is submitted. */
  warnings: ValidationProblem[];
  /** Warned and not explained. */
  unexplained: boolean;
}

export interface MonthCheck {
  lines: LineCheck[];
  /** Every error of an entered figure: a save with one of them stores nothing. */
  errors: MonthProblem[];
  /** What keeps the month from being submitted: errors, unexplained warnings, missing figures. */
  submitProblems: MonthProblem[];
  entered: number;
  /** Indicators the month is expected to report (those with a target). */
  expected: number;
  /** Expected indicators not entered. */
  missing: string[];
}

export const isEntered = (f: MonthLine["figures"]) =>
  f.value !== null || f.numerator !== null || f.denominator !== null;

/** Warnings exist only where a figure has increments: cumulative indicators. */
export const canWarn = (kind: IndicatorKind) => kind === "cumulative";

/** Errors and warnings of one line. */
export function checkLine(line: MonthLine, rules: Omit<MonthRules, "allowPartial">): LineCheck {
  const { indicator, figures } = line;
  const entered = isEntered(figures);
  if (!entered) {
    return { indicator: indicator.code, entered, errors: [], warnings: [], unexplained: false };
  }
  const errors = reportProblems(figures, {
    indicator,
    year: rules.year,
    month: rules.month,
    today: rules.today,
    previous: line.previous,
  });
  const warnings =
    canWarn(indicator.kind) && figures.value !== null && errors.length === 0
      ? reportWarnings({
          ytd: figures.value,
          previousYtd: line.previous?.value ?? 0,
          pastIncrements: line.pastIncrements,
          target: line.target,
        })
      : [];
  const unexplained = warnings.length > 0 && !line.explanation?.trim();
  return { indicator: indicator.code, entered, errors, warnings, unexplained };
}

/**
 * Checks a whole month. Saving needs no errors; submitting also needs every warning explained,
 * something entered, and (unless the province allows partial months) every indicator with a
 * target reported.
 */
export function checkMonth(lines: readonly MonthLine[], rules: MonthRules): MonthCheck {
  const checks = lines.map((line) => checkLine(line, rules));
  const errors: MonthProblem[] = checks.flatMap((c) =>
    c.errors.map((p) => ({ ...p, indicator: c.indicator })),
  );
  const submitProblems: MonthProblem[] = [...errors];
  checks.forEach((c, i) => {
    if (!c.unexplained) return;
    const line = lines[i] as MonthLine;
    submitProblems.push({
      indicator: c.indicator,
      field: "explanation",
      rule: "explanation_required",
      message: `${line.indicator.code}: ${c.warnings.map((w) => w.message).join("; ")} — explain it before submitting`,
    });
  });
  const entered = checks.filter((c) => c.entered).length;
  const expectedLines = lines.filter((l) => l.target !== null);
  const missing = expectedLines.filter((l) => !isEntered(l.figures)).map((l) => l.indicator.code);
  if (entered === 0) {
    submitProblems.push({
      indicator: null,
      field: "month",
      rule: "nothing_entered",
      message: "nothing has been entered for this month",
    });
  } else if (missing.length > 0 && !rules.allowPartial) {
    submitProblems.push({
      indicator: null,
      field: "month",
      rule: "partial_month",
      message: `${expectedLines.length - missing.length} of ${expectedLines.length} figures entered; missing ${missing.join(", ")}. The month stays a draft until every figure with a target is reported`,
    });
  }
  return {
    lines: checks,
    errors,
    submitProblems,
    entered,
    expected: expectedLines.length,
    missing,
  };
}
