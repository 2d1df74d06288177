import { type Static, Type } from "typebox";
import { RegionCode, RegionRef } from "./common.js";

export const PeriodsQuery = Type.Object({ region: RegionCode }, { additionalProperties: false });

export const YearMonth = Type.Object({ year: Type.Integer(), month: Type.Integer() });
export type YearMonth = Static<typeof YearMonth>;

/** What the screens open on when the address names no period, and which years they offer. */
export const PeriodsResponse = Type.Object({
  region: RegionRef,
  years: Type.Array(Type.Integer(), {
    description: "years with targets or approved figures in the region or below, newest first",
  }),
  latest: Type.Union([YearMonth, Type.Null()], {
    description: "the latest month with approved figures in the region or below; null if none",
  }),
  open: Type.Object(
    {
      year: Type.Integer(),
      month: Type.Integer(),
      deadline: Type.String({ format: "date-time" }),
      onTimeUntil: Type.String({ format: "date-time" }),
    },
    {
      description:
        "the month being reported now: the earliest that owes a report under the province's " +
        "calendar and whose deadline (plus grace) has not passed",
    },
  ),
});
export type PeriodsResponse = Static<typeof PeriodsResponse>;
