import { type Static, Type } from "typebox";
import { IndicatorCode, RegionLevel } from "./common.js";

const regionFields = {
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  level: RegionLevel,
  parentCode: Type.Union([Type.String(), Type.Null()]),
};

// Province → city → county: the tree is three levels deep, so it is spelled out, not recursive.
const County = Type.Object({
  ...regionFields,
  children: Type.Array(Type.Object({}), { maxItems: 0 }),
});
const City = Type.Object({ ...regionFields, children: Type.Array(County) });
export const RegionNodeSchema = Type.Object({ ...regionFields, children: Type.Array(City) });
export type RegionNode = Static<typeof RegionNodeSchema>;

export const RegionTreeResponse = Type.Object({ regions: Type.Array(RegionNodeSchema) });

export const Indicator = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  kind: Type.Union([Type.Literal("cumulative"), Type.Literal("ratio"), Type.Literal("level")]),
  direction: Type.Union([Type.Literal("higher_is_better"), Type.Literal("lower_is_better")]),
  category: Type.String(),
  parts: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  seasonalProfile: Type.Union([Type.Array(Type.Number()), Type.Null()]),
});
export type Indicator = Static<typeof Indicator>;

/** A catalogue entry: the indicator and its place in lists. */
export const IndicatorEntry = Type.Object({ ...Indicator.properties, sortOrder: Type.Integer() });
export type IndicatorEntry = Static<typeof IndicatorEntry>;

export const IndicatorListResponse = Type.Object({ indicators: Type.Array(IndicatorEntry) });

export const IndicatorParams = Type.Object({ code: IndicatorCode });

/** What an administrator may change; code, kind and direction stay, as figures depend on them. */
export const IndicatorUpdate = Type.Object(
  {
    nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: "\\S" })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" })),
    unitZh: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: "\\S" })),
    unitEn: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: "\\S" })),
    category: Type.Optional(Type.String({ pattern: "^[a-z][a-z0-9_]{1,63}$", maxLength: 64 })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type IndicatorUpdate = Static<typeof IndicatorUpdate>;
