import {
  actualOf,
  checkMonth,
  completionRate,
  isPercentFigure,
  type MonthCheck,
  measureFrom,
  median,
  storedFromTyped,
  typedFromStored,
  type ValidationProblem,
} from "@jindu/domain";
import type { TFunction } from "i18next";
import type { Language } from "@/lib/i18n";
import { formatNumber, formatQuantity, unitOf } from "@/utils/format";
import type { SubmissionEntry, SubmissionView } from "../api/submissions";
import "@/features/entry/locales";

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

/**
 * The same month checks the API makes when the figures are saved and submitted, and the imports
 * make for every row (packages/domain checkMonth): errors refuse the save; warnings need a
 * written explanation, and a month with figures missing stays a draft unless the province
 * allows it.
 */
export function checkForm(
  view: SubmissionView,
  drafts: readonly (Figures & { explanation: string })[],
  today = new Date(),
): { month: MonthCheck; lines: LineCheck[] } {
  const month = checkMonth(
    view.entries.map((entry, i) => {
      const draft = drafts[i] as Figures & { explanation: string };
      return {
        indicator: entry.indicator,
        figures: { value: draft.value, numerator: draft.numerator, denominator: draft.denominator },
        explanation: draft.explanation,
        previous: entry.previous,
        pastIncrements: entry.pastIncrements,
        target: entry.target,
      };
    }),
    { year: view.year, month: view.month, today, allowPartial: view.allowPartial },
  );
  const lines = view.entries.map((entry, i): LineCheck => {
    const draft = drafts[i] as Figures;
    const line = month.lines[i];
    const { indicator } = entry;
    const entered = line?.entered ?? false;
    const cumulative = indicator.kind === "cumulative" && draft.value !== null;
    return {
      entered,
      errors: line?.errors ?? [],
      warnings: line?.warnings ?? [],
      completion: entered
        ? completionRate(
            indicator.direction,
            actualOf(measureFrom(indicator.kind, draft)),
            entry.target,
          )
        : null,
      increment:
        entered && cumulative ? (draft.value as number) - (entry.previous.value ?? 0) : null,
    };
  });
  return { month, lines };
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

/** A rate is typed as a percentage and stored as a fraction (packages/domain figures.ts). */
export const typedAsPercent = (entry: SubmissionEntry) => isPercentFigure(entry.indicator);

export const toTyped = (value: number | null, percent: boolean) =>
  value === null ? null : typedFromStored(value, percent);
export const fromTyped = (value: number | null, percent: boolean) =>
  value === null ? null : storedFromTyped(value, percent);
