import { type Static, Type } from "typebox";
import { Indicator } from "./catalogue.js";
import { Figure, IndicatorCode, Month, RegionCode, RegionRef, Version, Year } from "./common.js";
import { ReportStatus } from "./reports.js";

const Num = Type.Union([Type.Number(), Type.Null()]);
const Problem = Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() });

export const MonthParams = Type.Object({ region: RegionCode, year: Year, month: Month });

export const SubmissionEntry = Type.Object({
  indicator: Type.Pick(Indicator, [
    "code",
    "nameZh",
    "nameEn",
    "unitZh",
    "unitEn",
    "kind",
    "direction",
    "category",
    "wholeNumber",
  ]),
  target: Num,
  dueMonth: Type.Integer(),
  /** Last month's approved year-to-date figure (or parts). */
  previous: Type.Object({ value: Num, numerator: Num, denominator: Num }),
  /**
   * The region's earlier approved monthly increments (this year and last), from which the
   * warnings judge what is usual: a form can check a figure as it is typed, as the API does.
   */
  pastIncrements: Type.Array(Type.Number()),
  value: Num,
  numerator: Num,
  denominator: Num,
  explanation: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([ReportStatus, Type.Null()]),
  version: Type.Integer({ description: "the figure's version; 0 when not entered yet" }),
  completion: Num,
  errors: Type.Array(Problem),
  warnings: Type.Array(Problem),
});
export type SubmissionEntry = Static<typeof SubmissionEntry>;

export const SubmissionView = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  status: Type.Union([ReportStatus, Type.Null()]),
  version: Type.Integer({ description: "send it back with every change; 0 when nothing is saved" }),
  reason: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.String({ format: "date-time" }),
  onTimeUntil: Type.String({
    format: "date-time",
    description:
      "the deadline plus the province's grace days: a first submission up to here is on time",
  }),
  due: Type.Boolean({
    description: "false when the province's calendar says the month owes no report",
  }),
  firstSubmittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  submittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  allowPartial: Type.Boolean({
    description: "the province lets a month be submitted with figures that have a target missing",
  }),
  submitProblems: Type.Array(Problem, {
    description:
      "what keeps the month from being submitted as stored now (errors, warnings without an " +
      "explanation, missing figures); the same checks the imports make (packages/domain checkMonth)",
  }),
  entries: Type.Array(SubmissionEntry),
});
export type SubmissionView = Static<typeof SubmissionView>;

export const SubmissionQueueQuery = Type.Object(
  {
    parent: RegionCode,
    /** Which months to list; the default is those waiting for the province (`submitted`). */
    status: Type.Optional(ReportStatus),
    year: Type.Optional(Year),
    month: Type.Optional(Month),
  },
  { additionalProperties: false },
);

export const SubmissionQueue = Type.Object({
  /** The parent's own months and its child regions', oldest submission first (at most 200). */
  items: Type.Array(SubmissionView),
  /** More months matched than were listed. */
  truncated: Type.Boolean(),
});
export type SubmissionQueue = Static<typeof SubmissionQueue>;

export const EntryInput = Type.Object(
  {
    indicator: IndicatorCode,
    /** `ytd` (1–N月累计, the default) or `increment` (this month only). */
    mode: Type.Optional(Type.Union([Type.Literal("ytd"), Type.Literal("increment")])),
    // Negative figures are refused by the domain's rules, which name the rule and indicator.
    // A percentage (a rate) is sent as a fraction: 0.925 for 92.5% (packages/domain figures.ts).
    value: Type.Optional(Figure),
    numerator: Type.Optional(Figure),
    denominator: Type.Optional(Figure),
    explanation: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type EntryInput = Static<typeof EntryInput>;

export const SaveSubmissionBody = Type.Object(
  {
    baseVersion: Version(),
    entries: Type.Array(EntryInput, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object({ version: Version() }, { additionalProperties: false });

export const ReasonedTransitionBody = Type.Object(
  {
    version: Version(),
    reason: Type.String({ minLength: 2, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const Revision = Type.Object({
  version: Type.Integer(),
  action: Type.String(),
  oldValue: Num,
  newValue: Num,
  oldNumerator: Num,
  newNumerator: Num,
  oldDenominator: Num,
  newDenominator: Num,
  oldStatus: Type.Union([ReportStatus, Type.Null()]),
  newStatus: ReportStatus,
  actor: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: "date-time" }),
});

export const HistoryResponse = Type.Object({ revisions: Type.Array(Revision) });

export const MonthRevision = Type.Object({ indicator: Type.String(), ...Revision.properties });
export type MonthRevision = Static<typeof MonthRevision>;

export const MonthHistoryResponse = Type.Object({ revisions: Type.Array(MonthRevision) });
export type MonthHistoryResponse = Static<typeof MonthHistoryResponse>;
