import { type Static, Type } from "typebox";
import { Include, Month, RegionCode, Year } from "./common.js";

const Figures = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Union([Type.Number(), Type.Null()]),
  denominator: Type.Union([Type.Number(), Type.Null()]),
});

const ImportAction = Type.Union([
  Type.Literal("draft"),
  Type.Literal("submitted"),
  Type.Literal("approved"),
]);

export const MonthOfParentQuery = Type.Object(
  { parent: RegionCode, year: Year, month: Month, include: Include },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object(
  {
    parent: RegionCode,
    year: Year,
    month: Month,
    /**
     * What the imported months become: drafts (the default), submitted for review, or approved
     * (province). A month the form could not submit (a warning without an explanation, figures
     * with a target missing) stays a draft whatever is chosen; `held` says why.
     */
    action: Type.Optional(ImportAction),
    dryRun: Type.Optional(Type.Boolean({ description: "check and preview without writing" })),
  },
  { additionalProperties: false },
);

/** One bad cell of an uploaded sheet, as Excel names it (row 7, column D), and why. */
export const ImportCellError = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  field: Type.String(),
  reason: Type.String(),
  rule: Type.Optional(
    Type.String({ description: "what is wrong, a stable name (e.g. not_a_number)" }),
  ),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: "the values the reason names, for a translated message",
    }),
  ),
});

export const ImportResult = Type.Object({
  ok: Type.Boolean(),
  dryRun: Type.Boolean(),
  year: Type.Integer(),
  month: Type.Integer(),
  action: ImportAction,
  rows: Type.Integer({ description: "rows of figures in the file" }),
  changed: Type.Integer({ description: "figures that differ from what is stored" }),
  regions: Type.Integer({ description: "regions whose month changed" }),
  errors: Type.Array(ImportCellError),
  warnings: Type.Array(ImportCellError, {
    description:
      "figures that may be right but need an explanation before their month is submitted",
  }),
  held: Type.Array(ImportCellError, {
    description:
      "what keeps a region's month from being submitted (listed whatever the action, so the " +
      "preview can say it): explanation_required (at the explanation cell) or partial_month " +
      "(at the region cell); with action submitted or approved such a month stays a draft",
  }),
  months: Type.Array(
    Type.Object({
      region: Type.String(),
      row: Type.Integer(),
      status: ImportAction,
      missing: Type.Array(Type.String(), {
        description: "indicators with a target the month does not report",
      }),
    }),
    { description: "each region of the file with figures, and the status its month ends in" },
  ),
  preview: Type.Array(
    Type.Object({
      region: Type.String(),
      indicator: Type.String(),
      old: Type.Union([Figures, Type.Null()]),
      new: Figures,
      explanation: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type ImportResult = Static<typeof ImportResult>;

/** Accounts in bulk refused: every bad row and cell, and nothing created. */
export const AccountImportErrors = Type.Object({
  ok: Type.Literal(false),
  message: Type.String(),
  rows: Type.Integer({ description: "rows of accounts in the file" }),
  errors: Type.Array(ImportCellError),
});
export type AccountImportErrors = Static<typeof AccountImportErrors>;
