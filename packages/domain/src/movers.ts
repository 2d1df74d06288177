import { standings } from "./standings.js";
import type { Status } from "./status.js";

/** One region's line of one indicator this month and last month (null: no line then). */
export interface MoverLine {
  status: Status | null;
  completion: number | null;
  lag: number | null;
}

/** An indicator's regions this month and last month, in the same order. */
export interface MoverTable<R> {
  indicator: string;
  regions: readonly R[];
  now: readonly MoverLine[];
  before: readonly (MoverLine | null)[];
}

export interface Move<R> {
  indicator: string;
  region: R;
  /** Places gained in the lag ranking since last month (negative: lost). */
  places: number;
  rank: number;
  /** Change of the lag in percentage points (positive: caught up). */
  lagChangePp: number | null;
}

export interface StatusTurn<R> {
  indicator: string;
  region: R;
  from: Status;
  to: Status;
}

export interface Movers<R> {
  gains: Move<R>[];
  falls: Move<R>[];
  /** Newly red (seriously behind) this month. */
  turnedRed: StatusTurn<R>[];
  /** Red or yellow last month, on schedule (green or completed) now. */
  recovered: StatusTurn<R>[];
}

const BEHIND: readonly Status[] = ["yellow", "red"];

/**
 * What changed since last month across a region's indicators (本月变动): the largest rank gains
 * and falls in the lag ranking (each list at most `n`, largest first, ties by indicator order
 * then region order), the lines newly red and those back on schedule. A region without last
 * month's line is in none of them: nothing is known to have changed.
 */
export function movers<R>(tables: readonly MoverTable<R>[], n = 5): Movers<R> {
  const moves: Move<R>[] = [];
  const turnedRed: StatusTurn<R>[] = [];
  const recovered: StatusTurn<R>[] = [];
  for (const table of tables) {
    const ranks = standings(table.now, table.before);
    table.regions.forEach((region, i) => {
      const now = table.now[i];
      const before = table.before[i];
      const standing = ranks[i];
      if (!now || !before || !standing) return;
      if (standing.lagRankChange !== null && standing.lagRankChange !== 0) {
        moves.push({
          indicator: table.indicator,
          region,
          places: standing.lagRankChange,
          rank: standing.lagRank ?? 0,
          lagChangePp: standing.lagChangePp,
        });
      }
      if (now.status === null || before.status === null) return;
      const turn = { indicator: table.indicator, region, from: before.status, to: now.status };
      if (now.status === "red" && before.status !== "red") turnedRed.push(turn);
      if (BEHIND.includes(before.status) && !BEHIND.includes(now.status)) recovered.push(turn);
    });
  }
  // A stable sort keeps the input's order (indicator, then region) among equal moves.
  const gains = moves.filter((m) => m.places > 0).sort((a, b) => b.places - a.places);
  const falls = moves.filter((m) => m.places < 0).sort((a, b) => a.places - b.places);
  return { gains: gains.slice(0, n), falls: falls.slice(0, n), turnedRed, recovered };
}
