import { CALENDAR_LIMITS, REMINDER_LIMITS } from "@jindu/domain";
import { type Static, Type } from "typebox";
import { RegionCode } from "./common.js";

/** A province's own rules, set by the security officer. */
export const ProvinceSetting = Type.Object({
  regionCode: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** The official who approves a month must not be the one who submitted or last edited it. */
  fourEyes: Type.Boolean(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type ProvinceSetting = Static<typeof ProvinceSetting>;

export const ProvinceSettingsResponse = Type.Object({ provinces: Type.Array(ProvinceSetting) });
export const ProvinceParams = Type.Object({ code: RegionCode });
export const ProvinceSettingUpdate = Type.Object(
  { fourEyes: Type.Boolean() },
  { additionalProperties: false },
);

const reportingFields = {
  allowPartialMonths: Type.Boolean({
    description:
      "a month may be submitted with figures that have a target missing (default false: such a month stays a draft)",
  }),
  deadlineDay: Type.Integer({
    minimum: CALENDAR_LIMITS.deadlineDay.min,
    maximum: CALENDAR_LIMITS.deadlineDay.max,
    description: "month m is due by this day of month m + 1, Beijing time (default 5)",
  }),
  graceDays: Type.Integer({
    minimum: CALENDAR_LIMITS.graceDays.min,
    maximum: CALENDAR_LIMITS.graceDays.max,
    description: "days after the deadline a first submission still counts as on time (default 0)",
  }),
  noReportMonths: Type.Array(Type.Integer({ minimum: 1, maximum: 12 }), {
    maxItems: CALENDAR_LIMITS.noReportMonths.maxItems,
    uniqueItems: true,
    description:
      "months (1–12) that owe no report, e.g. a quarterly indicator's months between quarter ends; at least one month must stay due",
  }),
  reminderDaysBefore: Type.Integer({
    minimum: REMINDER_LIMITS.daysBefore.min,
    maximum: REMINDER_LIMITS.daysBefore.max,
    description:
      "days before the deadline a bureau that has not reported is reminded (0: not; default 3)",
  }),
  escalateAfterDays: Type.Integer({
    minimum: REMINDER_LIMITS.escalateAfterDays.min,
    maximum: REMINDER_LIMITS.escalateAfterDays.max,
    description:
      "days after the on-time window a month still missing is escalated to the province's officials (default 5)",
  }),
  bulletinDay: Type.Union(
    [
      Type.Integer({
        minimum: REMINDER_LIMITS.bulletinDay.min,
        maximum: REMINDER_LIMITS.bulletinDay.max,
      }),
      Type.Null(),
    ],
    {
      description:
        "day of the month the last month's bulletin is pushed to the province's leaders (null: not pushed)",
    },
  ),
};

/** A province's choices about how its regions report, made by its officials. */
export const ReportingSettings = Type.Object(reportingFields, { additionalProperties: false });
export type ReportingSettings = Static<typeof ReportingSettings>;

/** A change to them: the fields sent are changed, the others kept. */
export const ReportingSettingsUpdate = Type.Object(
  {
    allowPartialMonths: Type.Optional(reportingFields.allowPartialMonths),
    deadlineDay: Type.Optional(reportingFields.deadlineDay),
    graceDays: Type.Optional(reportingFields.graceDays),
    noReportMonths: Type.Optional(reportingFields.noReportMonths),
    reminderDaysBefore: Type.Optional(reportingFields.reminderDaysBefore),
    escalateAfterDays: Type.Optional(reportingFields.escalateAfterDays),
    bulletinDay: Type.Optional(reportingFields.bulletinDay),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReportingSettingsUpdate = Static<typeof ReportingSettingsUpdate>;
