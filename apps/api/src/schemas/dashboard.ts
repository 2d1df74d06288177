import { type Static, Type } from "typebox";
import { Indicator } from "./catalogue.js";
import { Include, IndicatorCode, Month, RegionCode, RegionRef, Year } from "./common.js";
import { LaggingItem, Pace, ProgressLine, Status } from "./progress.js";

const Num = Type.Union([Type.Number(), Type.Null()]);

/** One month of a region's year for one indicator: the line a trend chart draws. */
export const TrendPoint = Type.Object({
  month: Type.Integer(),
  actual: Num,
  completion: Num,
  schedule: Type.Number(),
  /** The figure the schedule asks for by this month: target × schedule for cumulative indicators. */
  pace: Num,
  status: Type.Union([Status, Type.Null()]),
});
export type TrendPoint = Static<typeof TrendPoint>;

export const StatusCounts = Type.Object({
  completed: Type.Integer(),
  green: Type.Integer(),
  yellow: Type.Integer(),
  red: Type.Integer(),
  none: Type.Integer({ description: "no figure or no target" }),
});
export type StatusCounts = Static<typeof StatusCounts>;

export const OverviewQuery = Type.Object(
  { region: RegionCode, year: Year, month: Month, include: Include },
  { additionalProperties: false },
);

export const OverviewTile = Type.Object({
  indicator: Indicator,
  /** The region's own line: the roll-up of its children. */
  line: ProgressLine,
  /** Months 1..month of the region's figure, for the sparkline. */
  series: Type.Array(TrendPoint),
  /** Statuses of the region's children on this indicator. */
  children: StatusCounts,
});
export type OverviewTile = Static<typeof OverviewTile>;

export const OverviewResponse = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  tiles: Type.Array(OverviewTile),
  /** Child regions by their worst status across indicators. */
  regions: StatusCounts,
  /** The five worst lags among the children. */
  worst: Type.Array(LaggingItem),
});
export type OverviewResponse = Static<typeof OverviewResponse>;

export const MatrixQuery = Type.Object(
  { parent: RegionCode, year: Year, month: Month, include: Include },
  { additionalProperties: false },
);

export const MatrixCell = Type.Object({
  indicator: Type.String(),
  completion: Num,
  lag: Num,
  status: Type.Union([Status, Type.Null()]),
  /** False where the province's task list does not give the region this indicator. */
  assigned: Type.Boolean(),
});

export const MatrixResponse = Type.Object({
  parent: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  indicators: Type.Array(Indicator),
  rows: Type.Array(Type.Object({ region: RegionRef, cells: Type.Array(MatrixCell) })),
});
export type MatrixResponse = Static<typeof MatrixResponse>;

export const TrendQuery = Type.Object(
  { indicator: IndicatorCode, region: RegionCode, year: Year, include: Include },
  { additionalProperties: false },
);

export const TrendResponse = Type.Object({
  indicator: Indicator,
  region: RegionRef,
  year: Type.Integer(),
  target: Num,
  dueMonth: Type.Integer(),
  /** The pace the schedule line follows (the region's target's, as of the year's end). */
  schedulePace: Pace,
  points: Type.Array(TrendPoint),
});
export type TrendResponse = Static<typeof TrendResponse>;
