import { type Static, Type } from "typebox";
import { Id, IndicatorCode, Month, RegionCode, TargetFigure, Year } from "./common.js";
import { Pace } from "./progress.js";
import { ImportCellError } from "./spreadsheets.js";

const Linear = Type.Boolean({
  description:
    "held to an even pace (m / due month) whatever seasonal profile applies: a milestone",
});

export const Target = Type.Object({
  id: Type.Integer(),
  indicator: Type.String(),
  region: Type.String(),
  year: Type.Integer(),
  value: Type.Number({ description: "count for cumulative, fraction for ratio, value for level" }),
  dueMonth: Type.Integer(),
  linear: Linear,
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
    value: TargetFigure,
    dueMonth: Type.Optional(Month),
    linear: Type.Optional(Linear),
  },
  { additionalProperties: false },
);

export const TargetUpdate = Type.Object(
  {
    value: Type.Optional(TargetFigure),
    dueMonth: Type.Optional(Month),
    linear: Type.Optional(Linear),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TargetParams = Type.Object({ id: Id });
export const TargetListResponse = Type.Object({ targets: Type.Array(Target) });

const Severity = Type.Union([Type.Literal("ok"), Type.Literal("info"), Type.Literal("warning")]);

/** How a decomposition compares with its parent's target; see checkDecomposition in the domain. */
export const DecompositionCheck = Type.Object({
  kind: Type.Union([Type.Literal("cumulative"), Type.Literal("ratio"), Type.Literal("level")]),
  sum: Type.Union([Type.Number(), Type.Null()], {
    description: "cumulative: the children's sum; shares and levels are never summed (null)",
  }),
  parent: Type.Union([Type.Number(), Type.Null()]),
  difference: Type.Union([Type.Number(), Type.Null()], { description: "sum − parent" }),
  status: Type.Union([
    Type.Literal("consistent"),
    Type.Literal("short"),
    Type.Literal("over"),
    Type.Literal("mixed"),
    Type.Literal("incomplete"),
  ]),
  severity: Severity,
  worse: Type.Array(Type.String(), {
    description: "ratio and level: regions whose target is worse than the parent's",
  }),
  entered: Type.Integer(),
});
export type DecompositionCheck = Static<typeof DecompositionCheck>;

export const DecompositionQuery = Type.Object(
  { parent: RegionCode, indicator: IndicatorCode, year: Year },
  { additionalProperties: false },
);

const RegionName = {
  region: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
};

const DecompositionEntry = Type.Object({
  ...RegionName,
  target: Type.Union([Target, Type.Null()]),
  /** The pace the region's schedule follows (its target's linear flag, then the profiles). */
  pace: Pace,
});

export const Decomposition = Type.Object({
  indicator: Type.String(),
  year: Type.Integer(),
  parent: DecompositionEntry,
  children: Type.Array(DecompositionEntry),
  check: DecompositionCheck,
  /** Targets written by the request (PUT only; 0 on GET). */
  changed: Type.Integer(),
});
export type Decomposition = Static<typeof Decomposition>;

const TargetValue = TargetFigure;

export const DecompositionBody = Type.Object(
  {
    parent: RegionCode,
    indicator: IndicatorCode,
    year: Year,
    /** The parent's own target, set in the same transaction; left as it is when absent. */
    value: Type.Optional(TargetValue),
    dueMonth: Type.Optional(Month),
    /** The parent's own target held to an even pace; left as it is when absent. */
    linear: Type.Optional(Linear),
    children: Type.Array(
      Type.Object(
        {
          region: RegionCode,
          value: Type.Union([Type.Null(), TargetValue], {
            description: "null removes the region's target",
          }),
          dueMonth: Type.Optional(Month),
          /** Left as it is (false for a new target) when absent. */
          linear: Type.Optional(Linear),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type DecompositionBody = Static<typeof DecompositionBody>;

export const TargetPlan = Type.Object({
  id: Type.Integer(),
  indicator: Type.String(),
  region: Type.String(),
  fromYear: Type.Integer(),
  toYear: Type.Integer(),
  total: Type.Number(),
  yearValues: Type.Array(Type.Number()),
  updatedAt: Type.String({ format: "date-time" }),
});
export type TargetPlan = Static<typeof TargetPlan>;

export const TargetPlanQuery = Type.Object(
  { indicator: Type.Optional(IndicatorCode), region: RegionCode },
  { additionalProperties: false },
);

export const TargetPlanListResponse = Type.Object({ plans: Type.Array(TargetPlan) });

export const TargetPlanBody = Type.Object(
  {
    indicator: IndicatorCode,
    region: RegionCode,
    fromYear: Year,
    toYear: Year,
    total: TargetValue,
    /** One value per year; absent: the total split evenly (whole units for counted indicators). */
    yearValues: Type.Optional(Type.Array(TargetValue, { minItems: 1, maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type TargetPlanBody = Static<typeof TargetPlanBody>;

export const TargetPlanSaved = Type.Object({ plan: TargetPlan, targets: Type.Array(Target) });

export const TargetImportQuery = Type.Object(
  {
    parent: RegionCode,
    dryRun: Type.Optional(Type.Boolean({ description: "check and preview without writing" })),
  },
  { additionalProperties: false },
);

export const TargetTemplateQuery = Type.Object(
  { parent: RegionCode, year: Year, indicator: Type.Optional(IndicatorCode) },
  { additionalProperties: false },
);

const TargetFigures = Type.Object({
  value: Type.Number(),
  dueMonth: Type.Integer(),
  linear: Type.Boolean(),
});

export const TargetImportResult = Type.Object({
  ok: Type.Boolean(),
  dryRun: Type.Boolean(),
  rows: Type.Integer({ description: "rows of targets in the file" }),
  changed: Type.Integer({ description: "targets that differ from what is stored" }),
  errors: Type.Array(ImportCellError),
  preview: Type.Array(
    Type.Object({
      region: Type.String(),
      indicator: Type.String(),
      year: Type.Integer(),
      old: Type.Union([TargetFigures, Type.Null()]),
      new: TargetFigures,
    }),
  ),
});
export type TargetImportResult = Static<typeof TargetImportResult>;

export const SeasonalProfileParams = Type.Object({ code: IndicatorCode });

export const SeasonalProfileBody = Type.Object(
  {
    profile: Type.Union([
      Type.Null(),
      Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { minItems: 12, maxItems: 12 }),
    ]),
  },
  { additionalProperties: false },
);

/** A province, by its GB/T 2260 code (two digits then 0000). */
const ProvinceCode = Type.String({
  pattern: "^[0-9]{2}0000$",
  maxLength: 6,
  description: "GB/T 2260 code of a province",
});

export const ProvinceProfileParams = Type.Object({ code: IndicatorCode, province: ProvinceCode });

export const ProvinceProfileBody = Type.Object(
  {
    profile: Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { minItems: 12, maxItems: 12 }),
  },
  { additionalProperties: false },
);

export const ProvinceProfile = Type.Object({
  indicator: Type.String(),
  province: Type.String(),
  profile: Type.Array(Type.Number()),
  updatedAt: Type.String({ format: "date-time" }),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type ProvinceProfile = Static<typeof ProvinceProfile>;

/** An indicator's national profile with the provinces' own ones the caller may see. */
export const ProfilesResponse = Type.Object({
  indicator: Type.String(),
  national: Type.Union([Type.Array(Type.Number()), Type.Null()], {
    description: "the national default; null: an even pace",
  }),
  provinces: Type.Array(ProvinceProfile),
});
export type ProfilesResponse = Static<typeof ProfilesResponse>;
