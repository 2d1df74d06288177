/** Request and response schemas of the bulletin routes. */
import { type Static, Type } from "typebox";
import { Indicator } from "./catalogue.js";
import { Month, RegionCode, RegionRef, Year } from "./common.js";
import { Timeliness } from "./completeness.js";
import { StatusCounts } from "./dashboard.js";
import { LaggingItem, ProgressLine, Quality, Status } from "./progress.js";

const Num = Type.Union([Type.Number(), Type.Null()]);

export const BulletinQuery = Type.Object(
  { region: RegionCode, year: Year, month: Month },
  { additionalProperties: false },
);

export const BulletinXlsxQuery = Type.Object(
  {
    region: RegionCode,
    year: Year,
    month: Month,
    lang: Type.Optional(
      Type.Union([Type.Literal("zh"), Type.Literal("en")], {
        description: "language of the workbook's headers and names (default zh)",
      }),
    ),
  },
  { additionalProperties: false },
);

export const BulletinIndicatorRef = Type.Pick(Indicator, [
  "code",
  "nameZh",
  "nameEn",
  "unitZh",
  "unitEn",
  "kind",
  "direction",
]);

/** One indicator of the bulletin: the region's own line and how its children stand. */
export const BulletinIndicator = Type.Object({
  indicator: BulletinIndicatorRef,
  /** The region's line: the roll-up of its children against its target. */
  line: ProgressLine,
  /** Statuses of the children on this indicator. */
  children: StatusCounts,
  /** The children ranked first and last by completion on this indicator. */
  best: Type.Union([RegionRef, Type.Null()]),
  worst: Type.Union([RegionRef, Type.Null()]),
});
export type BulletinIndicator = Static<typeof BulletinIndicator>;

/** One child's standing on one indicator, in the order of `indicators`. */
export const BulletinCell = Type.Object({
  indicator: Type.String(),
  completion: Num,
  lag: Num,
  status: Type.Union([Status, Type.Null()]),
  /** Rank among the children by completion on this indicator. */
  rank: Type.Union([Type.Integer(), Type.Null()]),
  /** Places gained on that rank since last month; null when either month is unranked. */
  rankChange: Type.Union([Type.Integer(), Type.Null()]),
});

/** A child region in the overall ranking. */
export const BulletinRankingRow = Type.Object({
  rank: Type.Union([Type.Integer(), Type.Null()], {
    description: "standard competition rank by score, best first; null without a score",
  }),
  region: RegionRef,
  rankChange: Type.Union([Type.Integer(), Type.Null()], {
    description:
      "places gained in this ranking since last month (December of last year for January); null when either month is unranked",
  }),
  /** The region's data quality (数据质量) over the year up to the month. */
  quality: Quality,
  score: Type.Union([Type.Number(), Type.Null()], {
    description:
      "mean over the indicators with a status of completion ÷ schedule progress, each capped at 1, × 100",
  }),
  /** Indicators with a status (a target and a figure). */
  rated: Type.Integer(),
  /** Of those, behind schedule (yellow or red). */
  behind: Type.Integer(),
  statuses: StatusCounts,
  worst: Type.Union([Status, Type.Null()]),
  timeliness: Timeliness,
  cells: Type.Array(BulletinCell),
});
export type BulletinRankingRow = Static<typeof BulletinRankingRow>;

export const BulletinResponse = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  /** The month rank changes are measured from. */
  previous: Type.Object({ year: Type.Integer(), month: Type.Integer() }),
  /** When the month was due from the children (the province's calendar: day N of the next month). */
  deadline: Type.String({ format: "date-time" }),
  /** False when the province's reporting calendar says the month owes no report. */
  due: Type.Boolean(),
  summary: Type.Object({
    /** Indicators with a target for the region this year. */
    indicators: Type.Integer(),
    /** The region's own lines by status. */
    statuses: StatusCounts,
    /** Children by their worst status across indicators. */
    regions: StatusCounts,
    /** Lines of children behind schedule (the lagging list's length). */
    laggingLines: Type.Integer(),
    reporting: Type.Object({
      total: Type.Integer(),
      submitted: Type.Integer(),
      onTime: Type.Integer(),
      late: Type.Integer(),
      missing: Type.Integer(),
      reportingRate: Type.Number(),
      timelyRate: Type.Number(),
    }),
  }),
  indicators: Type.Array(BulletinIndicator),
  /** Children by overall score, best first; those without a score last. */
  ranking: Type.Array(BulletinRankingRow),
  /** Children behind schedule on an indicator, worst lag first. */
  lagging: Type.Array(LaggingItem),
  /** Children that have not reported the month (their latest earlier figures are used). */
  missing: Type.Array(RegionRef),
  /** Children that reported after the deadline. */
  late: Type.Array(
    Type.Object({ region: RegionRef, firstSubmittedAt: Type.String({ format: "date-time" }) }),
  ),
});
export type BulletinResponse = Static<typeof BulletinResponse>;
