import { type Static, Type } from "typebox";
import { RegionCode } from "./common.js";

/** A province's own rules, set by the security officer. */
export const ProvinceSetting = Type.Object({
  regionCode: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** The official who approves a month must not be the one who submitted or last edited it. */
  fourEyes: Type.Boolean(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type ProvinceSetting = Static<typeof ProvinceSetting>;

export const ProvinceSettingsResponse = Type.Object({ provinces: Type.Array(ProvinceSetting) });
export const ProvinceParams = Type.Object({ code: RegionCode });
export const ProvinceSettingUpdate = Type.Object(
  { fourEyes: Type.Boolean() },
  { additionalProperties: false },
);

/** A province's choices about how its regions report, made by its officials. */
export const ReportingSettings = Type.Object(
  {
    allowPartialMonths: Type.Boolean({
      description:
        "a month may be submitted with figures that have a target missing (default false: such a month stays a draft)",
    }),
  },
  { additionalProperties: false },
);
export type ReportingSettings = Static<typeof ReportingSettings>;
