/** Request and response schemas of the supervision routes. */
import { type Static, Type } from "typebox";
import { Id, IndicatorCode, RegionCode, RegionRef } from "./common.js";

/** 约谈 (an interview of the region's leadership) or 挂牌督办 (listed supervision). */
export const SupervisionKind = Type.Union([Type.Literal("interview"), Type.Literal("listed")]);
export type SupervisionKind = Static<typeof SupervisionKind>;

export const SupervisionStatus = Type.Union([
  Type.Literal("open"),
  Type.Literal("closed"),
  Type.Literal("all"),
]);
export type SupervisionStatus = Static<typeof SupervisionStatus>;

/** A calendar day, YYYY-MM-DD (Beijing date). */
const Day = Type.String({
  pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
  maxLength: 10,
  description: "YYYY-MM-DD",
});

export const SupervisionRecord = Type.Object({
  id: Type.Integer(),
  region: RegionRef,
  kind: SupervisionKind,
  heldOn: Type.String(),
  indicators: Type.Array(Type.String()),
  actions: Type.String(),
  deadline: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
  status: Type.Union([Type.Literal("open"), Type.Literal("closed")]),
  closedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  closedBy: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
});
export type SupervisionRecord = Static<typeof SupervisionRecord>;

export const SupervisionQuery = Type.Object(
  {
    region: Type.Optional(RegionCode),
    status: Type.Optional(SupervisionStatus),
  },
  { additionalProperties: false },
);

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

export const SupervisionCreate = Type.Object(
  {
    region: RegionCode,
    kind: SupervisionKind,
    heldOn: Day,
    indicators: Type.Array(IndicatorCode, { minItems: 1, maxItems: 50, uniqueItems: true }),
    actions: Text(4000),
    deadline: Day,
  },
  { additionalProperties: false },
);
export type SupervisionCreate = Static<typeof SupervisionCreate>;

export const SupervisionClose = Type.Object(
  { outcome: Text(4000) },
  { additionalProperties: false },
);
export type SupervisionClose = Static<typeof SupervisionClose>;

export const SupervisionParams = Type.Object({ id: Id });

export const SupervisionListResponse = Type.Object({ records: Type.Array(SupervisionRecord) });
export type SupervisionListResponse = Static<typeof SupervisionListResponse>;
