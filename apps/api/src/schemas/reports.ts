import { type Static, Type } from "typebox";
import { Figure, IndicatorCode, Month, RegionCode, Version, Year } from "./common.js";

export const ReportStatus = Type.Union([
  Type.Literal("draft"),
  Type.Literal("submitted"),
  Type.Literal("approved"),
  Type.Literal("returned"),
]);

export const Report = Type.Object({
  indicator: Type.String(),
  region: Type.String(),
  year: Type.Integer(),
  month: Type.Integer(),
  value: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Union([Type.Number(), Type.Null()]),
  denominator: Type.Union([Type.Number(), Type.Null()]),
  status: ReportStatus,
  version: Type.Integer(),
  explanation: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  updatedAt: Type.String({ format: "date-time" }),
});
export type Report = Static<typeof Report>;

export const ReportQuery = Type.Object(
  {
    indicator: Type.Optional(IndicatorCode),
    region: Type.Optional(RegionCode),
    year: Type.Optional(Year),
    month: Type.Optional(Month),
  },
  { additionalProperties: false },
);

export const ReportParams = Type.Object({
  indicator: IndicatorCode,
  region: RegionCode,
  year: Year,
  month: Month,
});

/**
 * One figure, saved as a draft of the region's month: year-to-date value for cumulative
 * indicators (or this month's increment), the value for level ones (a percentage as a fraction:
 * 0.925 for 92.5%), both parts for ratios. Checked by the same month checks as the form.
 */
export const ReportBody = Type.Object(
  {
    value: Type.Optional(Figure),
    numerator: Type.Optional(Figure),
    denominator: Type.Optional(Figure),
    mode: Type.Optional(Type.Union([Type.Literal("ytd"), Type.Literal("increment")])),
    explanation: Type.Optional(Type.String({ maxLength: 2000 })),
    version: Type.Optional(
      Version(
        "the figure's version the change is based on (0 for a new one), or send If-Match; " +
          "required (428 without either, so that no change overwrites another unseen); stale → 409",
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ReportListResponse = Type.Object({ reports: Type.Array(Report) });
