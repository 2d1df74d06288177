import { CHASE_LIMITS } from "@jindu/domain";
import { type Static, Type } from "typebox";
import { Month, RegionCode, RegionRef, Year } from "./common.js";
import { ReportStatus } from "./reports.js";

export const Timeliness = Type.Union(
  [Type.Literal("on_time"), Type.Literal("late"), Type.Literal("missing"), Type.Literal("not_due")],
  { description: "not_due: the month owes no report under the province's reporting calendar" },
);

export const CompletenessQuery = Type.Object(
  { parent: RegionCode, year: Year, month: Month },
  { additionalProperties: false },
);

/** The latest 催报 a region got for the month, and whether its bureau read it. */
export const LastChase = Type.Object({
  /** The official's account, and the name it shows. */
  by: Type.String(),
  byName: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: "date-time" }),
  message: Type.Union([Type.String(), Type.Null()]),
  /** How many of the bureau's accounts received it (0: none to receive it in the app). */
  recipients: Type.Integer({ minimum: 0 }),
  /** How many of them read it, and when the first did. */
  read: Type.Integer({ minimum: 0 }),
  readAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});
export type LastChase = Static<typeof LastChase>;

export const CompletenessLine = Type.Object({
  region: RegionRef,
  timeliness: Timeliness,
  status: Type.Union([ReportStatus, Type.Null()]),
  firstSubmittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  lastChase: Type.Union([LastChase, Type.Null()]),
});

export const CompletenessResponse = Type.Object({
  parent: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  /** The deadline its province's reporting calendar sets (day N of the next month, Beijing). */
  deadline: Type.String({ format: "date-time" }),
  /** The deadline plus the province's grace days: a first submission up to here is on time. */
  onTimeUntil: Type.String({ format: "date-time" }),
  /** False when the province's calendar says the month owes no report: nobody is missing. */
  due: Type.Boolean(),
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

export const ChaseParams = Type.Object(
  { parent: RegionCode, year: Year, month: Month },
  { additionalProperties: false },
);

export const ChaseBody = Type.Object(
  {
    /** Child regions of `parent` still missing the month. */
    regions: Type.Array(RegionCode, {
      minItems: 1,
      maxItems: CHASE_LIMITS.regions,
      uniqueItems: true,
    }),
    /** The official's words to the bureaus, shown in their notification. */
    message: Type.Optional(Type.String({ maxLength: CHASE_LIMITS.message })),
  },
  { additionalProperties: false },
);
export type ChaseBody = Static<typeof ChaseBody>;

export const ChaseResult = Type.Object({
  /** The Beijing date the 催报 counts for: one a region, month and day. */
  day: Type.String(),
  /** Reminded now, each with how many of its accounts received it. */
  chased: Type.Array(Type.Object({ region: RegionRef, recipients: Type.Integer({ minimum: 0 }) })),
  /** Already reminded for this month today (a double click, or another official): not again. */
  alreadyToday: Type.Array(RegionRef),
});
export type ChaseResult = Static<typeof ChaseResult>;

export const TimelinessHistoryQuery = Type.Object(
  { region: RegionCode, year: Year },
  { additionalProperties: false },
);

export const TimelinessHistoryResponse = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  months: Type.Array(
    Type.Object({
      month: Type.Integer(),
      deadline: Type.String({ format: "date-time" }),
      onTimeUntil: Type.String({ format: "date-time" }),
      timeliness: Timeliness,
      status: Type.Union([ReportStatus, Type.Null()]),
      firstSubmittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    }),
  ),
});
export type TimelinessHistoryResponse = Static<typeof TimelinessHistoryResponse>;
