/** Request and response schemas of the supervision routes. */

import { LADDER_LIMITS } from "@jindu/domain";
import { type Static, Type } from "typebox";
import { Id, IndicatorCode, Month, RegionCode, RegionRef, Year } from "./common.js";

/**
 * The ladder's levels: 提醒 (a reminder), 约谈 (an interview of the region's leadership),
 * 挂牌督办 (listed supervision).
 */
export const SupervisionKind = Type.Union([
  Type.Literal("reminder"),
  Type.Literal("interview"),
  Type.Literal("listed"),
]);
export type SupervisionKind = Static<typeof SupervisionKind>;

export const SupervisionStatus = Type.Union([
  Type.Literal("open"),
  Type.Literal("closed"),
  Type.Literal("all"),
]);
export type SupervisionStatus = Static<typeof SupervisionStatus>;

/** A calendar day, YYYY-MM-DD (Beijing date). */
const Day = Type.String({
  pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
  maxLength: 10,
  description: "YYYY-MM-DD",
});

export const SupervisionRecord = Type.Object({
  id: Type.Integer(),
  region: RegionRef,
  kind: SupervisionKind,
  heldOn: Type.String(),
  indicators: Type.Array(Type.String()),
  actions: Type.String(),
  deadline: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
  /** An interview's attendees and minutes (officials fill these in). */
  attendees: Type.Union([Type.String(), Type.Null()]),
  minutes: Type.Union([Type.String(), Type.Null()]),
  /** The region's answer, the latest one: why it is behind and its measures (整改措施). */
  answer: Type.Union([
    Type.Object({
      explanation: Type.String(),
      measures: Type.String(),
      answeredBy: Type.String(),
      answeredAt: Type.String({ format: "date-time" }),
      /** Answered after the deadline (a Beijing date later than it). */
      late: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  /** Set while the region has been back on schedule long enough to propose closing (销号). */
  closeProposedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  status: Type.Union([Type.Literal("open"), Type.Literal("closed")]),
  closedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  closedBy: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
});
export type SupervisionRecord = Static<typeof SupervisionRecord>;

export const SupervisionQuery = Type.Object(
  {
    region: Type.Optional(RegionCode),
    status: Type.Optional(SupervisionStatus),
  },
  { additionalProperties: false },
);

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

export const SupervisionCreate = Type.Object(
  {
    region: RegionCode,
    kind: SupervisionKind,
    heldOn: Day,
    indicators: Type.Array(IndicatorCode, { minItems: 1, maxItems: 50, uniqueItems: true }),
    actions: Text(4000),
    deadline: Day,
    attendees: Type.Optional(Text(1000)),
    minutes: Type.Optional(Text(8000)),
  },
  { additionalProperties: false },
);
export type SupervisionCreate = Static<typeof SupervisionCreate>;

export const SupervisionClose = Type.Object(
  { outcome: Text(4000) },
  { additionalProperties: false },
);
export type SupervisionClose = Static<typeof SupervisionClose>;

export const SupervisionParams = Type.Object({ id: Id });

export const SupervisionListResponse = Type.Object({ records: Type.Array(SupervisionRecord) });
export type SupervisionListResponse = Static<typeof SupervisionListResponse>;

/** The region's bureau answers: why it is behind, and its measures (整改措施). */
export const SupervisionAnswer = Type.Object(
  { explanation: Text(4000), measures: Text(4000) },
  { additionalProperties: false },
);
export type SupervisionAnswer = Static<typeof SupervisionAnswer>;

/** An interview's attendees and minutes; null clears one. */
export const SupervisionMinutes = Type.Object(
  {
    attendees: Type.Union([Text(1000), Type.Null()]),
    minutes: Type.Union([Text(8000), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SupervisionMinutes = Static<typeof SupervisionMinutes>;

const IndicatorRef = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
});

/** One indicator of a record in one month: how far behind, and its status. */
const LagPoint = Type.Object({
  indicator: Type.String(),
  lag: Type.Union([Type.Number(), Type.Null()], { description: "percentage points" }),
  status: Type.Union([
    Type.Literal("completed"),
    Type.Literal("green"),
    Type.Literal("yellow"),
    Type.Literal("red"),
    Type.Null(),
  ]),
});

/** A record with the lag of its indicators each month since it opened. */
export const SupervisionDetail = Type.Object({
  record: SupervisionRecord,
  indicators: Type.Array(IndicatorRef),
  progress: Type.Object({
    /** The month before it was held (as it stood then), then every month since with figures. */
    months: Type.Array(
      Type.Object({
        year: Type.Integer(),
        month: Type.Integer(),
        baseline: Type.Boolean(),
        onSchedule: Type.Boolean(),
        lines: Type.Array(LagPoint),
      }),
    ),
    /** Months in a row, ending with the last, on schedule on every indicator. */
    streak: Type.Integer(),
    /** The province's months on schedule before 销号 is proposed. */
    required: Type.Integer(),
  }),
});
export type SupervisionDetail = Static<typeof SupervisionDetail>;

/** Where the lagging list's row stands, for a new record pre-filled from it. */
export const SupervisionSuggestionQuery = Type.Object(
  {
    region: RegionCode,
    indicators: Type.String({
      pattern: "^[a-z][a-z0-9_]{1,63}(,[a-z][a-z0-9_]{1,63}){0,49}$",
      maxLength: 3250,
      description: "indicator codes, comma-separated (up to 50)",
    }),
    year: Year,
    month: Month,
  },
  { additionalProperties: false },
);
export type SupervisionSuggestionQuery = Static<typeof SupervisionSuggestionQuery>;

export const SupervisionSuggestion = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      indicator: IndicatorRef,
      lag: Type.Union([Type.Number(), Type.Null()], { description: "percentage points" }),
      monthsBehind: Type.Integer(),
    }),
  ),
  /** The heaviest record still open for the region, if any. */
  openLevel: Type.Union([SupervisionKind, Type.Null()]),
  /** What the province's ladder suggests; null when the region is not behind. */
  level: Type.Union([SupervisionKind, Type.Null()]),
});
export type SupervisionSuggestion = Static<typeof SupervisionSuggestion>;

const Step = Type.Object(
  {
    monthsBehind: Type.Integer(LADDER_LIMITS.monthsBehind),
    lagPoints: Type.Number({ ...LADDER_LIMITS.lagPoints, description: "percentage points behind" }),
  },
  { additionalProperties: false },
);

/** A province's supervision ladder. */
export const SupervisionLadder = Type.Object(
  {
    reminder: Step,
    interview: Step,
    listed: Step,
    closeAfterMonths: Type.Integer(LADDER_LIMITS.closeAfterMonths),
  },
  { additionalProperties: false },
);
export type SupervisionLadder = Static<typeof SupervisionLadder>;
