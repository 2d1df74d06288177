import { type Static, Type } from "typebox";
import { Month, RegionCode, RegionRef, Year } from "./common.js";
import { ReportStatus } from "./reports.js";

export const Timeliness = Type.Union([
  Type.Literal("on_time"),
  Type.Literal("late"),
  Type.Literal("missing"),
]);

const DeadlineDay = Type.Integer({
  minimum: 1,
  maximum: 28,
  description: "day of the next month by which a month must be reported (default 5)",
});

export const CompletenessQuery = Type.Object(
  { parent: RegionCode, year: Year, month: Month, deadlineDay: Type.Optional(DeadlineDay) },
  { additionalProperties: false },
);

export const CompletenessLine = Type.Object({
  region: RegionRef,
  timeliness: Timeliness,
  status: Type.Union([ReportStatus, Type.Null()]),
  firstSubmittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const CompletenessResponse = Type.Object({
  parent: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  deadline: Type.String({ format: "date-time" }),
  summary: Type.Object({
    total: Type.Integer(),
    submitted: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    missing: Type.Integer(),
    /** 报送率: share of regions that have reported. */
    reportingRate: Type.Number(),
    /** 及时率: share of regions that reported by the deadline. */
    timelyRate: Type.Number(),
  }),
  regions: Type.Array(CompletenessLine),
  /** Regions still to chase (催报), most overdue first. */
  chase: Type.Array(RegionRef),
});
export type CompletenessResponse = Static<typeof CompletenessResponse>;

export const TimelinessHistoryQuery = Type.Object(
  { region: RegionCode, year: Year, deadlineDay: Type.Optional(DeadlineDay) },
  { additionalProperties: false },
);

export const TimelinessHistoryResponse = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  months: Type.Array(
    Type.Object({
      month: Type.Integer(),
      deadline: Type.String({ format: "date-time" }),
      timeliness: Timeliness,
      status: Type.Union([ReportStatus, Type.Null()]),
      firstSubmittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    }),
  ),
});
export type TimelinessHistoryResponse = Static<typeof TimelinessHistoryResponse>;
