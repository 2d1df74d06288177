import { SESSION_END_REASONS } from "@jindu/domain";
import { type Static, Type } from "typebox";

/** Why a session ended, on the 401 answering a request that still carries its cookie. */
export const SessionEndReasonSchema = Type.Enum(SESSION_END_REASONS);
export type SessionEndReason = Static<typeof SessionEndReasonSchema>;

/** GB/T 2260 six-digit region code. */
export const RegionCode = Type.String({
  pattern: "^[0-9]{6}$",
  maxLength: 6,
  description: "GB/T 2260 code",
});
export const IndicatorCode = Type.String({ pattern: "^[a-z][a-z0-9_]{1,63}$", maxLength: 64 });

/** PostgreSQL's integer: ids and versions beyond it would fail in the database, not here. */
export const INT32_MAX = 2_147_483_647;
export const Id = Type.Integer({ minimum: 1, maximum: INT32_MAX });
export const Version = (description?: string) =>
  Type.Integer({ minimum: 0, maximum: INT32_MAX, ...(description ? { description } : {}) });

/**
 * The largest figure or target accepted, far above any housing indicator's (a trillion units,
 * square metres or yuan); it keeps every sum of figures finite.
 */
export const FIGURE_MAX = 1e12;
export const Figure = Type.Number({ minimum: -FIGURE_MAX, maximum: FIGURE_MAX });
export const TargetFigure = Type.Number({ minimum: 0, maximum: FIGURE_MAX });
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
export const Month = Type.Integer({ minimum: 1, maximum: 12 });

/** `include=submitted` counts figures awaiting approval too; lines built on them say so. */
export const Include = Type.Optional(
  Type.Literal("submitted", { description: "also count submitted, not yet approved figures" }),
);

export const RegionLevel = Type.Union([
  Type.Literal("province"),
  Type.Literal("city"),
  Type.Literal("county"),
]);

export const RegionRef = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  level: RegionLevel,
});

/** Every error the API returns has this shape; 4xx keep their message, 5xx say nothing inside. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    rule: Type.Optional(Type.String()),
    problems: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() }),
      ),
    ),
    reason: Type.Optional(SessionEndReasonSchema),
  },
  { $id: "ErrorBody" },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const errorResponses = {
  400: Type.Ref("ErrorBody"),
  404: Type.Ref("ErrorBody"),
  409: Type.Ref("ErrorBody"),
};
