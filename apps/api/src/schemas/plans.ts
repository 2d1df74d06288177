import { type Static, Type } from "typebox";
import { Indicator } from "./catalogue.js";
import { Include, Month, RegionCode, RegionRef, Year } from "./common.js";
import { Status } from "./progress.js";

export const PlanProgressQuery = Type.Object(
  { region: RegionCode, year: Year, month: Month, include: Include },
  { additionalProperties: false },
);

export const PlanYear = Type.Object({
  year: Type.Integer(),
  /** The plan's share of this year. */
  planned: Type.Number(),
  /** The year-end figure of a finished year, the year-to-date one of the current year; null after it. */
  achieved: Type.Union([Type.Number(), Type.Null()]),
});

export const PlanProgressItem = Type.Object({
  indicator: Type.Pick(Indicator, ["code", "nameZh", "nameEn", "unitZh", "unitEn", "kind"]),
  region: RegionRef,
  fromYear: Type.Integer(),
  toYear: Type.Integer(),
  total: Type.Number(),
  done: Type.Number({ description: "finished years' year-end figures plus this year's so far" }),
  completion: Type.Union([Type.Number(), Type.Null()], { description: "done ÷ total, a fraction" }),
  schedule: Type.Number({ description: "where time says the plan should be, a fraction" }),
  lag: Type.Union([Type.Number(), Type.Null()], { description: "percentage points" }),
  status: Type.Union([Status, Type.Null()]),
  years: Type.Array(PlanYear),
});
export type PlanProgressItem = Static<typeof PlanProgressItem>;

export const PlanProgressResponse = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  /** The region's own plans first, then its direct children's. */
  plans: Type.Array(PlanProgressItem),
});
export type PlanProgressResponse = Static<typeof PlanProgressResponse>;
