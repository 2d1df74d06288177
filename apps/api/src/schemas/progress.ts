import { type Static, Type } from "typebox";
import { Indicator } from "./catalogue.js";
import { Include, IndicatorCode, Month, RegionCode, RegionRef, Year } from "./common.js";

const Fraction = Type.Union([Type.Number(), Type.Null()]);

export const Status = Type.Union([
  Type.Literal("completed"),
  Type.Literal("green"),
  Type.Literal("yellow"),
  Type.Literal("red"),
]);
export type Status = Static<typeof Status>;

/** Which pace the schedule follows; see heldPace in the domain. */
export const Pace = Type.Union(
  [
    Type.Literal("linear"),
    Type.Literal("province"),
    Type.Literal("national"),
    Type.Literal("even"),
  ],
  {
    description:
      "linear: the target is held to an even pace; province: its province's own seasonal " +
      "profile; national: the indicator's national profile; even: no profile",
  },
);
export type Pace = Static<typeof Pace>;

export const ProgressLine = Type.Object({
  region: RegionRef,
  target: Type.Union([Type.Number(), Type.Null()]),
  actual: Type.Union([Type.Number(), Type.Null()], {
    description: "year-to-date figure; a fraction for ratio indicators",
  }),
  numerator: Fraction,
  denominator: Fraction,
  asOfMonth: Type.Union([Type.Integer(), Type.Null()], {
    description: "month of the latest figure used (null when rolled up or missing)",
  }),
  provisional: Type.Boolean({ description: "built on figures not yet approved" }),
  dueMonth: Type.Integer(),
  completion: Type.Union([Type.Number(), Type.Null()], { description: "fraction; 1 = target met" }),
  schedule: Type.Number({ description: "time-elapsed progress as a fraction" }),
  pace: Pace,
  lag: Type.Union([Type.Number(), Type.Null()], { description: "percentage points" }),
  status: Type.Union([Status, Type.Null()]),
  rank: Type.Union([Type.Integer(), Type.Null()]),
  projection: Type.Union([Type.Number(), Type.Null()], {
    description: "projected completion at the due month, as a fraction",
  }),
  projectedToMiss: Type.Union([Type.Boolean(), Type.Null()]),
});
export type ProgressLine = Static<typeof ProgressLine>;

const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

/**
 * A region's two rankings among its siblings, as the ministry's monthly releases show them, with
 * their change since the previous month (December of the year before for January). A change is
 * null when either month has no figure (never 0 for "no previous figures").
 */
export const Standing = Type.Object({
  completionRank: Type.Union([Type.Integer(), Type.Null()], {
    description: "rank by completion of the annual plan (完成率), highest first",
  }),
  completionRankChange: Type.Union([Type.Integer(), Type.Null()], {
    description: "places gained since last month (3: ↑3, −2: ↓2)",
  }),
  completionChangePp: Type.Union([Type.Number(), Type.Null()], {
    description: "change of completion since last month, in percentage points",
  }),
  lagRank: Type.Union([Type.Integer(), Type.Null()], {
    description: "rank by lag against the schedule (序时进度), least behind first",
  }),
  lagRankChange: NullableInt,
  lagChangePp: Type.Union([Type.Number(), Type.Null()], {
    description: "change of the lag since last month, in percentage points (positive: caught up)",
  }),
  completedAll: Type.Boolean({ description: "the year's plan is done (全部完成)" }),
  fast: Type.Boolean({ description: "among the fastest five by completion, ties kept (前五)" }),
  slow: Type.Boolean({ description: "among the slowest five by completion, ties kept (后五)" }),
});
export type Standing = Static<typeof Standing>;

/** A region's data-quality score (数据质量) over the year up to the month, with what it is made of. */
export const Quality = Type.Object({
  score: Type.Union([Type.Integer(), Type.Null()], {
    description: "0–100; null when no month was due yet",
  }),
  parts: Type.Object({
    completeness: Type.Number(),
    timeliness: Type.Number(),
    stability: Type.Number(),
    explained: Type.Number(),
  }),
  record: Type.Object({
    monthsDue: Type.Integer(),
    monthsReported: Type.Integer(),
    monthsOnTime: Type.Integer(),
    correctionsAfterApproval: Type.Integer(),
    warnings: Type.Integer(),
    unexplainedWarnings: Type.Integer(),
  }),
});
export type Quality = Static<typeof Quality>;

/** A child's line on the comparison: its progress, both rankings and its data quality. */
export const ComparisonLine = Type.Object({
  ...ProgressLine.properties,
  standing: Standing,
  quality: Quality,
});
export type ComparisonLine = Static<typeof ComparisonLine>;

const YearMonthRef = Type.Object({ year: Type.Integer(), month: Type.Integer() });

export const ProgressQuery = Type.Object(
  {
    indicator: IndicatorCode,
    parent: RegionCode,
    year: Year,
    month: Month,
    include: Include,
  },
  { additionalProperties: false },
);

export const ProgressResponse = Type.Object({
  indicator: Indicator,
  year: Type.Integer(),
  month: Type.Integer(),
  /** The month the changes are measured from (December of last year for January). */
  previous: YearMonthRef,
  parent: ProgressLine,
  children: Type.Array(ComparisonLine),
  /** Region codes of the fastest and slowest five by completion (前五 / 后五), best first / worst first. */
  fast: Type.Array(Type.String()),
  slow: Type.Array(Type.String()),
});
export type ProgressResponse = Static<typeof ProgressResponse>;

/** The lagging list's filters: one indicator, one child region, one status (unset: all). */
const laggingFilters = {
  indicator: Type.Optional(IndicatorCode),
  region: Type.Optional(RegionCode),
  status: Type.Optional(
    Type.Union([Type.Literal("yellow"), Type.Literal("red")], {
      description: "yellow: behind by up to 10 points; red: by more",
    }),
  ),
};

export const LaggingQuery = Type.Object(
  { parent: RegionCode, year: Year, month: Month, include: Include, ...laggingFilters },
  { additionalProperties: false },
);
export type LaggingQuery = Static<typeof LaggingQuery>;

export const LaggingXlsxQuery = Type.Object(
  {
    parent: RegionCode,
    year: Year,
    month: Month,
    include: Include,
    ...laggingFilters,
    lang: Type.Optional(
      Type.Union([Type.Literal("zh"), Type.Literal("en")], {
        description: "language of the workbook's headers and names (default zh)",
      }),
    ),
  },
  { additionalProperties: false },
);

export const LaggingItem = Type.Object({
  indicator: Type.Pick(Indicator, ["code", "nameZh", "nameEn", "unitZh", "unitEn", "kind"]),
  line: ProgressLine,
  /** Consecutive months, up to and including this one, that the region has been behind. */
  monthsBehind: Type.Integer(),
  /** Both rankings on the indicator with their change since last month (lagging list, bulletin). */
  standing: Type.Optional(Standing),
  /** The region's data quality (lagging list, bulletin). */
  quality: Type.Optional(Quality),
});
export type LaggingItem = Static<typeof LaggingItem>;

export const LaggingResponse = Type.Object({
  year: Type.Integer(),
  month: Type.Integer(),
  parent: RegionRef,
  items: Type.Array(LaggingItem),
});
export type LaggingResponse = Static<typeof LaggingResponse>;
