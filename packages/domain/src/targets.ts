import { exactSum } from "./exact-sum.js";
import type { Direction, IndicatorKind } from "./indicator.js";
import { parseFigure } from "./parse.js";

/**
 * How a province target's decomposition to its cities (目标分解) compares with the target itself.
 *
 * - `cumulative` (units started, households renovated): the cities' targets are parts of the
 *   province's and add up. Children summing to less than the parent is the mismatch that matters
 *   (the province's target would not be met even if every city met its own): a warning. Summing
 *   to more is over-allocation (层层加码), common and deliberate: shown, but only as information.
 * - `ratio` (prefab share of new-start area): the cities' targets are shares of their own floor
 *   area, never summed. The province's share is the area-weighted mean of the cities' shares, and
 *   the weights are unknown when targets are set, so the only certain conclusion is: if every city
 *   aims worse than the province, the province cannot reach its share (warning); if some do, it
 *   depends on their areas (information naming them); if none do, it is consistent.
 * - `level` (approval within 40 working days, sludge disposal rate): a standard each region holds;
 *   not summed either. A city aiming worse than the province undermines it, so the same rule as
 *   for ratios applies, in the indicator's direction (for approval days, more is worse).
 */
export type DecompositionStatus =
  /** Sums exactly (cumulative) or no child aims worse than the parent (ratio, level). */
  | "consistent"
  /** Cumulative: children add up to less than the parent; ratio/level: every child aims worse. */
  | "short"
  /** Cumulative: children add up to more than the parent (over-allocation). */
  | "over"
  /** Ratio/level: some children aim worse than the parent; it depends on their weights. */
  | "mixed"
  /** Nothing to compare: no parent target, or no child target entered. */
  | "incomplete";

export interface DecompositionCheck {
  kind: IndicatorKind;
  /** Cumulative: the exact sum of the children's targets; ratio and level: null (not summed). */
  sum: number | null;
  parent: number | null;
  /** Cumulative: sum − parent (negative when short); otherwise null. */
  difference: number | null;
  status: DecompositionStatus;
  /** `warning`: the parent cannot be met as decomposed; `info`: worth a look; `ok`: consistent. */
  severity: "ok" | "info" | "warning";
  /** Positions (in the children given) of children that aim worse than the parent (ratio, level). */
  worse: number[];
  /** Children with a target entered, of all children given. */
  entered: number;
}

/** Compares children's targets with their parent's, as the indicator's kind says they relate. */
export function checkDecomposition(
  indicator: { kind: IndicatorKind; direction: Direction },
  parent: number | null | undefined,
  children: readonly (number | null | undefined)[],
): DecompositionCheck {
  const given = children.flatMap((v, i) => (v == null || Number.isNaN(v) ? [] : [{ v, i }]));
  const base = {
    kind: indicator.kind,
    parent: parent ?? null,
    entered: given.length,
    worse: [] as number[],
  };
  if (indicator.kind === "cumulative") {
    const sum = exactSum(given.map((g) => g.v));
    if (parent == null || given.length === 0) {
      return { ...base, sum, difference: null, status: "incomplete", severity: "info" };
    }
    const difference = exactSum([sum, -parent]);
    if (difference === 0) return { ...base, sum, difference, status: "consistent", severity: "ok" };
    return difference < 0
      ? { ...base, sum, difference, status: "short", severity: "warning" }
      : { ...base, sum, difference, status: "over", severity: "info" };
  }
  const none = { sum: null, difference: null };
  if (parent == null || given.length === 0) {
    return { ...base, ...none, status: "incomplete", severity: "info" };
  }
  const worseThan = (v: number) =>
    indicator.direction === "lower_is_better" ? v > parent : v < parent;
  const worse = given.filter((g) => worseThan(g.v)).map((g) => g.i);
  if (worse.length === 0) return { ...base, ...none, status: "consistent", severity: "ok" };
  if (worse.length === given.length) {
    return { ...base, ...none, worse, status: "short", severity: "warning" };
  }
  return { ...base, ...none, worse, status: "mixed", severity: "info" };
}

/** Decimal places a plan's yearly targets are given in: whole units for counted indicators. */
export function planDecimals(total: number, wholeUnits: boolean): number {
  if (wholeUnits) return 0;
  const written = String(total).split(".")[1]?.length ?? 0;
  return Math.min(4, Math.max(2, written));
}

/**
 * Splits a multi-year total (e.g. 2021–2025's 50,000 units) into `years` yearly targets, as even
 * as the unit allows: whole units when `decimals` is 0, else steps of 10^-decimals. What does not
 * divide evenly goes one step each to the last years (the later years of a plan usually carry
 * more), so the values never decrease and add up to exactly the total.
 *
 * Only `cumulative` indicators have plans that split: a five-year share or level target
 * (prefab share 30% by 2025) is a path of yearly levels, not a sum.
 */
export function splitTotal(total: number, years: number, decimals = 0): number[] {
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError("years must be a whole number ≥ 1");
  if (!Number.isFinite(total) || total < 0) throw new RangeError("total must be ≥ 0");
  const scale = 10 ** decimals;
  const units = Math.round(total * scale);
  const each = Math.floor(units / years);
  const remainder = units - each * years;
  return Array.from({ length: years }, (_, i) => (each + (i >= years - remainder ? 1 : 0)) / scale);
}

export interface PlanProblem {
  field: "total" | "yearValues" | "toYear";
  rule: string;
  message: string;
  /** The position of the year the problem is about, when it is about one. */
  index?: number;
}

/** Errors in a multi-year plan's yearly breakdown: one value per year, summing to the total. */
export function planProblems(plan: {
  fromYear: number;
  toYear: number;
  total: number;
  yearValues: readonly number[];
  wholeUnits: boolean;
}): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const years = plan.toYear - plan.fromYear + 1;
  if (years < 1) {
    return [{ field: "toYear", rule: "years_reversed", message: "toYear is before fromYear" }];
  }
  if (plan.total < 0) {
    problems.push({ field: "total", rule: "negative", message: "total must not be negative" });
  }
  if (plan.wholeUnits && !Number.isInteger(plan.total)) {
    problems.push({
      field: "total",
      rule: "not_integer",
      message: `total ${plan.total} is not a whole number`,
    });
  }
  if (plan.yearValues.length !== years) {
    problems.push({
      field: "yearValues",
      rule: "year_count",
      message: `${plan.fromYear}–${plan.toYear} needs ${years} yearly values, not ${plan.yearValues.length}`,
    });
    return problems;
  }
  plan.yearValues.forEach((v, index) => {
    if (!Number.isFinite(v) || v < 0) {
      problems.push({
        field: "yearValues",
        rule: "negative",
        index,
        message: `${plan.fromYear + index}: value must not be negative`,
      });
    } else if (plan.wholeUnits && !Number.isInteger(v)) {
      problems.push({
        field: "yearValues",
        rule: "not_integer",
        index,
        message: `${plan.fromYear + index}: ${v} is not a whole number`,
      });
    }
  });
  const sum = exactSum(plan.yearValues);
  if (problems.length === 0 && sum !== exactSum([plan.total])) {
    problems.push({
      field: "yearValues",
      rule: "sum_mismatch",
      message: `the yearly values add up to ${sum}, not the total ${plan.total}`,
    });
  }
  return problems;
}

export interface PastedColumn {
  /** One entry per pasted row: the number, or null for a blank cell. */
  values: (number | null)[];
  /** Rows that are not numbers, 1-based, with the text as pasted. */
  problems: { row: number; text: string }[];
}

/**
 * Reads a column copied from Excel or WPS: one value per line, "1,234" and full-width digits as
 * people type them, a trailing "%" dropped (the screen says which unit the column is in). A row
 * copied with several cells (name and value) keeps its last non-blank cell. The newline Excel
 * adds after the last row is not a row; blank rows in between are blank cells (null).
 */
export function parsePastedColumn(text: string): PastedColumn {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && (lines.at(-1) ?? "").trim() === "") lines.pop();
  const values: (number | null)[] = [];
  const problems: PastedColumn["problems"] = [];
  lines.forEach((line, i) => {
    const cells = line.split("\t").map((c) => c.trim());
    const cell = [...cells].reverse().find((c) => c !== "") ?? "";
    const parsed = parseFigure(cell.replace(/[%％]$/, ""));
    if (parsed !== null && Number.isNaN(parsed)) {
      problems.push({ row: i + 1, text: cell });
      values.push(null);
    } else values.push(parsed);
  });
  return { values, problems };
}
