import { figureMaximum, isPercentFigure, isPercentTarget, targetMaximum } from "./figures.js";
import type { IndicatorKind } from "./indicator.js";

/** Units counted in whole items: a report of 2.5 households is a typing error. */
const COUNT_UNITS = new Set(["套", "户", "个", "座"]);

export function isCountUnit(unitZh: string): boolean {
  return COUNT_UNITS.has(unitZh);
}

/** What a whole-number check needs of an indicator. */
export interface CountingRule {
  unitZh: string;
  /** Set when the indicator was created: figures are whole numbers. Null: as its unit says. */
  wholeNumber?: boolean | null | undefined;
}

/** Whether an indicator's figures must be whole numbers: as created, else by its unit. */
export function takesWholeNumbers(indicator: CountingRule): boolean {
  return indicator.wholeNumber ?? isCountUnit(indicator.unitZh);
}

export interface ValidationProblem {
  /** The input field the problem is about. */
  field: string;
  /** A stable rule name, for tests and translations. */
  rule: string;
  message: string;
}

export interface ReportInput {
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
}

export interface ReportContext {
  indicator: { code: string; kind: IndicatorKind } & CountingRule;
  year: number;
  month: number;
  /** Today, to refuse figures for months that have not begun. */
  today: Date;
  /** Last month's approved year-to-date figure (or parts), which this month cannot fall below. */
  previous?: ReportInput | null;
}

function belowPrevious(
  field: string,
  value: number,
  previous: number | null | undefined,
): ValidationProblem[] {
  return previous != null && value < previous
    ? [
        {
          field,
          rule: "ytd_below_previous",
          message: `${field} ${value} is below last month's approved year-to-date ${previous}`,
        },
      ]
    : [];
}

function negative(field: string, v: number | null | undefined): ValidationProblem[] {
  return v != null && v < 0
    ? [{ field, rule: "negative", message: `${field} must not be negative` }]
    : [];
}

/** F2: a figure above its unit's maximum (figures.ts) would overflow the country's sums. */
function aboveMaximum(
  field: string,
  v: number | null | undefined,
  indicator: ReportContext["indicator"],
): ValidationProblem[] {
  if (v == null) return [];
  const maximum = figureMaximum(indicator);
  if (Number.isFinite(v) && v <= maximum) return [];
  const percent = field === "value" && isPercentFigure(indicator);
  return [
    {
      field,
      rule: "above_maximum",
      message: percent
        ? `${field} ${v} is above 100% (percentages are stored as fractions: 0.925 for 92.5%)`
        : `${field} ${v} is above the largest figure allowed for ${indicator.unitZh}, ${maximum}`,
    },
  ];
}

/** Errors that keep a monthly figure from being saved, each naming its field and rule. */
export function reportProblems(input: ReportInput, ctx: ReportContext): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const { indicator, year, month, today } = ctx;
  const thisYear = today.getUTCFullYear();
  const thisMonth = today.getUTCMonth() + 1;
  if (year > thisYear || (year === thisYear && month > thisMonth)) {
    problems.push({
      field: "month",
      rule: "future_month",
      message: `${year}-${String(month).padStart(2, "0")} has not begun yet`,
    });
  }
  if (indicator.kind === "ratio") {
    if (input.numerator == null || input.denominator == null || input.value != null) {
      problems.push({
        field: "numerator",
        rule: "ratio_parts",
        message: `${indicator.code} is a ratio: give numerator and denominator, not value`,
      });
      return problems;
    }
    problems.push(
      ...negative("numerator", input.numerator),
      ...negative("denominator", input.denominator),
      ...aboveMaximum("numerator", input.numerator, indicator),
      ...aboveMaximum("denominator", input.denominator, indicator),
    );
    problems.push(
      ...belowPrevious("numerator", input.numerator, ctx.previous?.numerator),
      ...belowPrevious("denominator", input.denominator, ctx.previous?.denominator),
    );
    if (input.numerator > input.denominator) {
      problems.push({
        field: "numerator",
        rule: "numerator_exceeds_denominator",
        message: `numerator ${input.numerator} exceeds denominator ${input.denominator}`,
      });
    }
    return problems;
  }
  if (input.value == null || input.numerator != null || input.denominator != null) {
    problems.push({
      field: "value",
      rule: "value_required",
      message: `${indicator.code} takes a single value, not numerator and denominator`,
    });
    return problems;
  }
  problems.push(
    ...negative("value", input.value),
    ...aboveMaximum("value", input.value, indicator),
  );
  if (indicator.kind === "cumulative") {
    problems.push(...belowPrevious("value", input.value, ctx.previous?.value));
  }
  if (takesWholeNumbers(indicator) && !Number.isInteger(input.value)) {
    problems.push({
      field: "value",
      rule: "not_integer",
      message: `${indicator.code} is counted in ${indicator.unitZh}: ${input.value} is not a whole number`,
    });
  }
  return problems;
}

/** Errors in an annual target: a share is a fraction of at most 1; counts are whole numbers. */
export function targetProblems(
  value: number,
  indicator: { code: string; kind: IndicatorKind } & CountingRule,
): ValidationProblem[] {
  if (value < 0)
    return [{ field: "value", rule: "negative", message: "value must not be negative" }];
  if (isPercentTarget(indicator) && !(value <= 1)) {
    return [
      {
        field: "value",
        rule: "share_above_one",
        message: `${indicator.code} is a share: at most 100% (the API takes fractions, 0.3 for 30%)`,
      },
    ];
  }
  const maximum = targetMaximum(indicator);
  if (!(value <= maximum)) {
    return [
      {
        field: "value",
        rule: "above_maximum",
        message: `${value} is above the largest target allowed for ${indicator.unitZh}, ${maximum}`,
      },
    ];
  }
  if (indicator.kind === "cumulative" && takesWholeNumbers(indicator) && !Number.isInteger(value)) {
    return [
      {
        field: "value",
        rule: "not_integer",
        message: `${indicator.code} is counted in ${indicator.unitZh}: ${value} is not a whole number`,
      },
    ];
  }
  return [];
}
