import { type Static, Type } from "typebox";
import { IndicatorCode, RegionLevel, Year } from "./common.js";

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
  /** Whole-number figures; null: as the unit says (套, 户, 个, 座). */
  wholeNumber: Type.Union([Type.Boolean(), Type.Null()]),
});
export type Indicator = Static<typeof Indicator>;

/** A catalogue entry: the indicator and its place in lists. */
export const IndicatorEntry = Type.Object({
  ...Indicator.properties,
  sortOrder: Type.Integer(),
  /** The province whose own indicator it is; null: the national catalogue. */
  ownerCode: Type.Union([Type.String(), Type.Null()]),
  /** First and last year in force; null: open-ended. */
  firstYear: Type.Union([Type.Integer(), Type.Null()]),
  lastYear: Type.Union([Type.Integer(), Type.Null()]),
});
export type IndicatorEntry = Static<typeof IndicatorEntry>;

export const IndicatorListResponse = Type.Object({ indicators: Type.Array(IndicatorEntry) });

export const IndicatorParams = Type.Object({ code: IndicatorCode });

const NameZh = Type.String({ minLength: 1, maxLength: 100, pattern: "\\S" });
const NameEn = Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" });
const Unit = Type.String({ minLength: 1, maxLength: 32, pattern: "\\S" });
const Category = Type.String({ pattern: "^[a-z][a-z0-9_]{1,63}$", maxLength: 64 });

/**
 * What may change: wording, units, category, order and the years in force (retiring sets the
 * last year). Code, kind and direction stay, as figures depend on them.
 */
export const IndicatorUpdate = Type.Object(
  {
    nameZh: Type.Optional(NameZh),
    nameEn: Type.Optional(NameEn),
    unitZh: Type.Optional(Unit),
    unitEn: Type.Optional(Unit),
    category: Type.Optional(Category),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    firstYear: Type.Optional(Type.Union([Year, Type.Null()])),
    lastYear: Type.Optional(Type.Union([Year, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type IndicatorUpdate = Static<typeof IndicatorUpdate>;

/** A new indicator: the national catalogue's, or one province's own. */
export const IndicatorCreate = Type.Object(
  {
    code: IndicatorCode,
    nameZh: NameZh,
    nameEn: NameEn,
    unitZh: Unit,
    unitEn: Unit,
    kind: Type.Union([Type.Literal("cumulative"), Type.Literal("ratio"), Type.Literal("level")]),
    direction: Type.Union([Type.Literal("higher_is_better"), Type.Literal("lower_is_better")]),
    category: Category,
    /** For a ratio: what the numerator and the denominator are. */
    parts: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" })),
    wholeNumber: Type.Boolean(),
    firstYear: Type.Optional(Year),
    lastYear: Type.Optional(Year),
    /** A province's code for its own indicator; null or absent: the national catalogue. */
    ownerCode: Type.Optional(
      Type.Union([Type.String({ pattern: "^[0-9]{2}0000$", maxLength: 6 }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type IndicatorCreate = Static<typeof IndicatorCreate>;
