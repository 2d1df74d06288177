import { MAX_TASK_LIST_ITEMS, MAX_TASK_REGIONS } from "@jindu/domain";
import { type Static, Type } from "typebox";
import { IndicatorCode, RegionCode, Year } from "./common.js";

export const TaskListParams = Type.Object({ code: RegionCode, year: Year });

export const TaskListItem = Type.Object(
  {
    indicatorCode: IndicatorCode,
    regions: Type.Union([Type.Array(RegionCode, { maxItems: MAX_TASK_REGIONS }), Type.Null()], {
      description: "the cities or counties that carry it (a city's counties with it); null: all",
    }),
  },
  { additionalProperties: false },
);

export const TaskListUpdate = Type.Object(
  { items: Type.Array(TaskListItem, { maxItems: MAX_TASK_LIST_ITEMS }) },
  { additionalProperties: false },
);
export type TaskListUpdate = Static<typeof TaskListUpdate>;

export const TaskListCopy = Type.Object({ fromYear: Year }, { additionalProperties: false });

export const TaskListResponse = Type.Object({
  province: RegionCode,
  year: Type.Integer(),
  /** False when the province has set no list: every indicator in force is then asked for. */
  listed: Type.Boolean(),
  items: Type.Array(TaskListItem),
  /** Years of this province that have a list, newest first: what "copy from" offers. */
  listedYears: Type.Array(Type.Integer()),
});
export type TaskListResponse = Static<typeof TaskListResponse>;
