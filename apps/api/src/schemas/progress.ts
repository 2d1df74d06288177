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
  parent: ProgressLine,
  children: Type.Array(ProgressLine),
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
});
export type LaggingItem = Static<typeof LaggingItem>;

export const LaggingResponse = Type.Object({
  year: Type.Integer(),
  month: Type.Integer(),
  parent: RegionRef,
  items: Type.Array(LaggingItem),
});
export type LaggingResponse = Static<typeof LaggingResponse>;
