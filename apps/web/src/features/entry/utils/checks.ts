import {
  actualOf,
  completionRate,
  measureFrom,
  median,
  reportProblems,
  reportWarnings,
  type ValidationProblem,
} from "@jindu/domain";
import type { TFunction } from "i18next";
import type { Language } from "@/lib/i18n";
import { formatNumber, formatQuantity, isShare, unitOf } from "@/utils/format";
import type { SubmissionEntry } from "../api/submissions";

export interface Figures {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface LineCheck {
  /** Something has been typed (or was saved) for this indicator. */
  entered: boolean;
  errors: ValidationProblem[];
  warnings: ValidationProblem[];
  completion: number | null;
  /** This month's increment of a cumulative indicator. */
  increment: number | null;
}

const isEntered = (f: Figures) =>
  f.value !== null || f.numerator !== null || f.denominator !== null;

/**
 * The same checks the API makes when the figures are saved and submitted (packages/domain):
 * errors refuse the save; warnings need a written explanation before the month is submitted.
 */
export function checkLine(
  entry: SubmissionEntry,
  figures: Figures,
  period: { year: number; month: number },
  today = new Date(),
): LineCheck {
  const { indicator } = entry;
  const entered = isEntered(figures);
  if (!entered) return { entered, errors: [], warnings: [], completion: null, increment: null };
  const errors = reportProblems(figures, {
    indicator,
    year: period.year,
    month: period.month,
    today,
    previous: entry.previous,
  });
  const cumulative = indicator.kind === "cumulative" && figures.value !== null;
  const warnings =
    cumulative && errors.length === 0
      ? reportWarnings({
          ytd: figures.value as number,
          previousYtd: entry.previous.value ?? 0,
          pastIncrements: entry.pastIncrements,
          target: entry.target,
        })
      : [];
  return {
    entered,
    errors,
    warnings,
    completion: completionRate(
      indicator.direction,
      actualOf(measureFrom(indicator.kind, figures)),
      entry.target,
    ),
    increment: cumulative ? (figures.value as number) - (entry.previous.value ?? 0) : null,
  };
}

/** A problem in the reader's language, with the figures it is about. */
export function problemText(
  t: TFunction,
  problem: ValidationProblem,
  entry: SubmissionEntry,
  figures: Figures,
  language: Language,
): string {
  const { indicator } = entry;
  const quantity = (v: number | null | undefined) => formatQuantity(v, indicator, language);
  const field = problem.field as "value" | "numerator" | "denominator";
  const previous = entry.previous[field] ?? entry.previous.value;
  const typed = figures[field] ?? figures.value;
  const ytd = figures.value ?? 0;
  const increment = ytd - (entry.previous.value ?? 0);
  const params = {
    field: t(`entry.field.${problem.field}`, { defaultValue: problem.field }),
    value: field === "value" ? quantity(typed) : formatNumber(typed, language, 2),
    previous: field === "value" ? quantity(previous) : formatNumber(previous, language, 2),
    unit: unitOf(indicator, language),
    increment: quantity(increment),
    usual: quantity(median(entry.pastIncrements)),
    target: quantity(entry.target),
    ytd: quantity(ytd),
  };
  return t(`entry.rule.${problem.rule}`, { ...params, defaultValue: problem.message });
}

/** Shares (ratio parts excepted) are stored as fractions and typed as percentages. */
export const typedAsPercent = (entry: SubmissionEntry) =>
  entry.indicator.kind === "level" && isShare(entry.indicator);
