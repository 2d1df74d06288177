import { completionRate } from "./completion.js";
import { finiteOrNull } from "./exact-sum.js";
import type { IndicatorRules } from "./indicator.js";
import { actualOf, isRatioMeasure, type Measure } from "./measure.js";
import { heldPace, type Pace } from "./pace.js";
import { projectYearEnd } from "./projection.js";
import { rankByScore } from "./ranking.js";
import { rollUp, rollUpTargets } from "./rollup.js";
import { DEFAULT_DUE_MONTH, scheduleProgress } from "./schedule.js";
import {
  DEFAULT_THRESHOLDS,
  type LagThresholds,
  lagPoints,
  type Status,
  statusOf,
} from "./status.js";

/** One region's figures for one indicator, year and month, as read from storage. */
export interface RegionFigures<R> {
  region: R;
  target: number | null;
  dueMonth: number | null;
  measure: Measure | null;
  /** The region's code (GB/T 2260): decides which province's seasonal profile applies. */
  regionCode?: string | null;
  /** The target is held to an even pace whatever the profiles (targets.linear). */
  linear?: boolean | null;
  /** Month of the report the figure comes from, when it is one region's own report. */
  asOfMonth?: number | null;
  /** The figure includes data submitted but not yet approved. */
  provisional?: boolean;
}

/** Every number a progress line shows, each with its single definition in this package. */
export interface ProgressLine<R> {
  region: R;
  target: number | null;
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  asOfMonth: number | null;
  provisional: boolean;
  dueMonth: number;
  completion: number | null;
  schedule: number;
  /** Which pace the schedule follows (see heldPace): what a chart names its schedule line by. */
  pace: Pace;
  lag: number | null;
  status: Status | null;
  rank: number | null;
  projection: number | null;
  projectedToMiss: boolean | null;
}

export interface ProgressOptions {
  month: number;
  thresholds?: LagThresholds;
}

export function progressLine<R>(
  indicator: IndicatorRules,
  figures: RegionFigures<R>,
  { month, thresholds = DEFAULT_THRESHOLDS }: ProgressOptions,
): ProgressLine<R> {
  const { kind, direction } = indicator;
  const { pace, profile } = heldPace(figures.regionCode, indicator, figures);
  const dueMonth = figures.dueMonth ?? DEFAULT_DUE_MONTH;
  const actual = actualOf(figures.measure);
  const target = finiteOrNull(figures.target);
  const completion = completionRate(direction, actual, target);
  const schedule = scheduleProgress({ kind, month, dueMonth, profile });
  const lag = lagPoints(completion, schedule);
  const projection = projectYearEnd({
    kind,
    direction,
    month,
    dueMonth,
    profile,
    actual,
    target,
  });
  const parts = figures.measure && isRatioMeasure(figures.measure) ? figures.measure : null;
  return {
    region: figures.region,
    target,
    actual,
    numerator: parts?.numerator ?? null,
    denominator: parts?.denominator ?? null,
    asOfMonth: figures.asOfMonth ?? null,
    provisional: figures.provisional ?? false,
    dueMonth,
    completion,
    schedule,
    pace,
    lag,
    status: statusOf(completion, lag, thresholds),
    rank: null,
    projection: projection.completion,
    projectedToMiss: projection.projectedToMiss,
  };
}

export interface ProgressTable<R> {
  parent: ProgressLine<R>;
  children: ProgressLine<R>[];
}

/**
 * Progress of a parent region and its children for one indicator. Children are ranked among
 * themselves by completion. The parent's figure is the roll-up of its children (its own report
 * only for level indicators, which are not summed); its target is its own, or for cumulative
 * indicators the sum of its children's when it has none.
 *
 * The parent is held to its own pace (its province's profile, or even if its own target is
 * linear), not to a blend of its children's: every table lies within one province (provinces are
 * the roots of the region tree, and no table rolls provinces up into a country), so the children
 * share the parent's profile, and only a child's own linear milestone departs from it.
 */
export function progressTable<R>(
  indicator: IndicatorRules,
  parent: RegionFigures<R>,
  children: readonly RegionFigures<R>[],
  options: ProgressOptions,
): ProgressTable<R> {
  const lines = children.map((child) => progressLine(indicator, child, options));
  const ranks = rankByScore(lines.map((line) => line.completion));
  lines.forEach((line, i) => {
    line.rank = ranks[i] ?? null;
  });
  const rolled =
    indicator.kind === "level"
      ? parent.measure
      : (rollUp(
          indicator.kind,
          children.map((c) => c.measure),
        ) ?? parent.measure);
  const target =
    parent.target ??
    rollUpTargets(
      indicator.kind,
      children.map((c) => c.target),
    );
  const ownFigure = rolled === parent.measure;
  const parentLine = progressLine(
    indicator,
    {
      ...parent,
      target,
      measure: rolled,
      asOfMonth: ownFigure ? parent.asOfMonth : null,
      provisional: ownFigure
        ? (parent.provisional ?? false)
        : children.some((c) => c.measure !== null && c.provisional),
    },
    options,
  );
  return { parent: parentLine, children: lines };
}
