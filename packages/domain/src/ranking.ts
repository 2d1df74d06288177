/**
 * Standard competition ranking (1, 2, 2, 4) by a score, highest first; items without a score get
 * no rank. Returns ranks in the order of the input.
 */
export function rankByScore(scores: readonly (number | null)[]): (number | null)[] {
  const ranked = scores
    .map((score, index) => ({ score, index }))
    .filter((x): x is { score: number; index: number } => x.score !== null)
    .sort((a, b) => b.score - a.score);
  const ranks: (number | null)[] = scores.map(() => null);
  ranked.forEach((item, position) => {
    const previous = ranked[position - 1];
    const previousRank = previous ? ranks[previous.index] : null;
    ranks[item.index] =
      previous && previous.score === item.score && previousRank != null
        ? previousRank
        : position + 1;
  });
  return ranks;
}

/** What an overall score needs of one indicator's line. */
export interface ScoredLine {
  status: string | null;
  completion: number | null;
  schedule: number;
}

/**
 * How far a line is along against where time says it should be: completion ÷ schedule progress,
 * capped at 1 so that over-fulfilling one indicator does not hide a shortfall on another. A line
 * without a status (no target, or no figures) is not rated.
 */
export function attainment(line: ScoredLine): number | null {
  if (line.status === null || line.completion === null) return null;
  if (line.schedule <= 0) return 1;
  return Math.min(1, Math.max(0, line.completion / line.schedule));
}

/** The bulletin publishes overall scores to one decimal place. */
export const SCORE_DECIMALS = 1;

/**
 * A region's overall score in the monthly bulletin (综合得分): the mean attainment over its rated
 * indicators, × 100 (100: on or ahead of schedule everywhere), rounded to the published
 * SCORE_DECIMALS. Rounded here, before ranking, so that two regions the bulletin shows with the
 * same score share a rank, as its footnote says (99.70 and 99.67 both read 99.7). Null when
 * nothing is rated.
 */
export function overallScore(lines: readonly ScoredLine[]): number | null {
  const values = lines.map(attainment).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const scale = 10 ** SCORE_DECIMALS;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100 * scale) / scale;
}
