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
