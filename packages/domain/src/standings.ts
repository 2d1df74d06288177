import { rankByScore } from "./ranking.js";

/**
 * The two rankings side by side, with their change since last month, as the ministry's monthly
 * releases show them: by completion of the annual plan (完成率, its 开工率 ranking) and by lag
 * against the schedule (Jindu's: completion minus schedule progress, in percentage points).
 */
export interface StandingInput {
  /** Completion of plan as a fraction (0.723 = 72.3%); null without target or figures. */
  completion: number | null;
  /** Completion minus schedule progress, in percentage points (negative: behind). */
  lag: number | null;
}

export interface Standing {
  completionRank: number | null;
  /** Positions gained since last month (↑3 is 3, ↓2 is −2); null when either month is unranked. */
  completionRankChange: number | null;
  /** Change of completion since last month, in percentage points. */
  completionChangePp: number | null;
  lagRank: number | null;
  lagRankChange: number | null;
  /** Change of the lag since last month, in percentage points (positive: caught up). */
  lagChangePp: number | null;
  /** The whole year's plan is done (全部完成). */
  completedAll: boolean;
}

/** Percentage points between two fractions, rounded to 1e-9 pp against float noise. */
const pointsBetween = (now: number | null, before: number | null) =>
  now === null || before === null ? null : Math.round((now - before) * 100 * 1e9) / 1e9;

const difference = (now: number | null, before: number | null) =>
  now === null || before === null ? null : Math.round((now - before) * 1e9) / 1e9;

/** Places gained between two ranks (↑3 is 3, ↓2 is −2); null when either is unranked. */
export const placesGained = (now: number | null, before: number | null) =>
  now === null || before === null ? null : before - now;

const gained = placesGained;

/**
 * Each region's standings this month and their change since last month. `current` and
 * `previous` are the same regions in the same order (a region without last month's figures has
 * `previous[i]` null or all-null). Ranks are standard competition ranks (1, 2, 2, 4), highest
 * completion and highest lag (least behind) first.
 */
export function standings(
  current: readonly StandingInput[],
  previous: readonly (StandingInput | null)[],
): Standing[] {
  const completionNow = rankByScore(current.map((c) => c.completion));
  const completionBefore = rankByScore(previous.map((p) => p?.completion ?? null));
  const lagNow = rankByScore(current.map((c) => c.lag));
  const lagBefore = rankByScore(previous.map((p) => p?.lag ?? null));
  return current.map((c, i) => {
    const p = previous[i] ?? null;
    return {
      completionRank: completionNow[i] ?? null,
      completionRankChange: gained(completionNow[i] ?? null, completionBefore[i] ?? null),
      completionChangePp: pointsBetween(c.completion, p?.completion ?? null),
      lagRank: lagNow[i] ?? null,
      lagRankChange: gained(lagNow[i] ?? null, lagBefore[i] ?? null),
      lagChangePp: difference(c.lag, p?.lag ?? null),
      completedAll: c.completion !== null && c.completion >= 1,
    };
  });
}

/**
 * The fastest and slowest `n` by completion of plan (前五 / 后五), as indexes into the input:
 * ties at the edge are all kept (the list is longer than n rather than arbitrary), and a region
 * is never on both lists (with fewer than 2n ranked, the slow list takes what the fast one left).
 */
export function fastAndSlow(
  completions: readonly (number | null)[],
  n = 5,
): { fast: number[]; slow: number[] } {
  const ranks = rankByScore(completions);
  const ranked = ranks
    .map((rank, index) => ({ rank, index }))
    .filter((x): x is { rank: number; index: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  if (ranked.length === 0) return { fast: [], slow: [] };
  const fastCut = ranked[Math.min(n, ranked.length) - 1]?.rank ?? 0;
  const fast = ranked.filter((x) => x.rank <= fastCut).map((x) => x.index);
  const rest = ranked.filter((x) => x.rank > fastCut);
  const reversed = [...rest].reverse();
  const slowCut = reversed[Math.min(n, reversed.length) - 1]?.rank;
  const slow =
    slowCut === undefined ? [] : reversed.filter((x) => x.rank >= slowCut).map((x) => x.index);
  return { fast, slow };
}
