import { provinceOf, type SeasonalProfile } from "./indicator.js";

/**
 * Which pace a target is held to, so that a screen can name it:
 * - `linear`: the target itself asks for an even pace (a milestone ignores the season);
 * - `province`: its province's own seasonal profile of the indicator;
 * - `national`: the indicator's national profile, the default;
 * - `even`: no profile at all, m / due month.
 */
export const PACES = ["linear", "province", "national", "even"] as const;
export type Pace = (typeof PACES)[number];

export interface HeldPace {
  pace: Pace;
  /** The profile the schedule follows; null for an even pace (linear or even). */
  profile: SeasonalProfile | null;
}

/** The profiles an indicator may be held to: its national one and provinces' own. */
export interface PaceRules {
  seasonalProfile?: SeasonalProfile | null;
  /** Provinces' own profiles by province code (GB/T 2260, `330000`). */
  provinceProfiles?: ReadonlyMap<string, SeasonalProfile> | null;
}

/**
 * The one rule for the pace a region's target of an indicator is held to: a target marked linear
 * keeps an even pace; else the region's province's own profile of the indicator, if it has one;
 * else the indicator's national profile; else an even pace. A province's profile reaches only
 * regions within that province. `regionCode` null (no region) never finds a province's profile.
 */
export function heldPace(
  regionCode: string | null | undefined,
  indicator: PaceRules,
  target: { linear?: boolean | null } | null | undefined,
): HeldPace {
  if (target?.linear) return { pace: "linear", profile: null };
  const own = regionCode ? indicator.provinceProfiles?.get(provinceOf(regionCode)) : undefined;
  if (own) return { pace: "province", profile: own };
  if (indicator.seasonalProfile) return { pace: "national", profile: indicator.seasonalProfile };
  return { pace: "even", profile: null };
}
