import { type Static, Type } from "typebox";
import { IndicatorCode, Month, RegionCode, Year } from "./common.js";

export const Target = Type.Object({
  id: Type.Integer(),
  indicator: Type.String(),
  region: Type.String(),
  year: Type.Integer(),
  value: Type.Number({ description: "count for cumulative, fraction for ratio, value for level" }),
  dueMonth: Type.Integer(),
  updatedAt: Type.String({ format: "date-time" }),
});
export type Target = Static<typeof Target>;

export const TargetQuery = Type.Object(
  {
    indicator: Type.Optional(IndicatorCode),
    region: Type.Optional(RegionCode),
    year: Type.Optional(Year),
  },
  { additionalProperties: false },
);

export const TargetCreate = Type.Object(
  {
    indicator: IndicatorCode,
    region: RegionCode,
    year: Year,
    value: Type.Number({ minimum: 0 }),
    dueMonth: Type.Optional(Month),
  },
  { additionalProperties: false },
);

export const TargetUpdate = Type.Object(
  { value: Type.Optional(Type.Number({ minimum: 0 })), dueMonth: Type.Optional(Month) },
  { additionalProperties: false, minProperties: 1 },
);

export const TargetParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const TargetListResponse = Type.Object({ targets: Type.Array(Target) });
