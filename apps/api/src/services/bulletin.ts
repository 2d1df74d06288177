import { allIndicators, type Database } from "@jindu/db";
import {
  countStatuses,
  isBehind,
  overallScore,
  type ProgressLine,
  placesGained,
  provinceOf,
  rankByScore,
  type Status,
  worstStatus,
} from "@jindu/domain";
import type { BulletinRankingRow, BulletinResponse, Quality } from "../schemas/index.js";
import { completenessOf } from "./completeness.js";
import { requireRegion } from "./lookups.js";
import { laggingItems, monthlyTables, previousTables, type RegionRef, refOf } from "./progress.js";
import { previousMonth, qualityOf, standingsOf } from "./standings.js";

/**
 * The monthly bulletin (工作情况通报) of a region for a month: every indicator's completion
 * against schedule, its children ranked overall and per indicator, who lags, who has not
 * reported and who reported late. Only approved figures count: the bulletin is official.
 */
export async function bulletinOf(
  db: Database,
  q: { region: string; year: number; month: number },
): Promise<BulletinResponse> {
  const region = refOf(await requireRegion(db, q.region, "region"));
  const [indicators, completeness] = await Promise.all([
    allIndicators(db, { province: provinceOf(region.code), year: q.year }),
    completenessOf(db, { parent: q.region, year: q.year, month: q.month }),
  ]);
  const tables = await monthlyTables(db, region, indicators, {
    year: q.year,
    toMonth: q.month,
    viewerScope: null,
  });
  const latest = indicators.map((indicator) => tables.get(indicator.code)?.at(-1));
  const before = await previousTables(
    db,
    region,
    indicators,
    { year: q.year, month: q.month, viewerScope: null },
    tables,
  );
  const earlier = indicators.map((indicator) => before.get(indicator.code));
  const standings = latest.map((table, i) => (table ? standingsOf(table, earlier[i]).lines : []));
  const quality = await qualityOf(db, {
    regionCodes: latest[0]?.children.map((c) => c.region.code) ?? [],
    year: q.year,
    month: q.month,
  });

  const indicatorLines = indicators.map((indicator, i) => {
    const table = latest[i];
    const children = table?.children ?? [];
    const ranked = children
      .filter((c) => c.rank !== null)
      .sort((a, b) => (a.rank as number) - (b.rank as number));
    const { code, nameZh, nameEn, unitZh, unitEn, kind, direction } = indicator;
    return {
      indicator: { code, nameZh, nameEn, unitZh, unitEn, kind, direction },
      line: table?.parent as ProgressLine<RegionRef>,
      children: countStatuses(children.map((c) => c.status)),
      best: ranked[0]?.region ?? null,
      worst: ranked.length > 1 ? (ranked.at(-1)?.region ?? null) : null,
    };
  });

  const timeliness = new Map(completeness.regions.map((r) => [r.region.code, r.timeliness]));
  const childRefs = latest[0]?.children.map((c) => c.region) ?? [];
  const allRows = childRefs.map((child, c) => {
    const lines = latest.map((t) => t?.children[c]).filter((l) => l !== undefined);
    const statuses = lines.map((l) => l.status);
    const previousLines = earlier
      .map((t) => t?.children.find((l) => l.region.code === child.code))
      .filter((l) => l !== undefined);
    return {
      region: child,
      quality: quality.get(child.code) as Quality,
      score: overallScore(lines),
      previousScore: overallScore(previousLines),
      rated: statuses.filter((s) => s !== null).length,
      behind: statuses.filter((s) => isBehind(s)).length,
      statuses: countStatuses(statuses),
      worst: worstStatus(statuses) as Status | null,
      timeliness: timeliness.get(child.code) ?? "missing",
      cells: indicators.map((indicator, i) => {
        const line = latest[i]?.children[c];
        return {
          indicator: indicator.code,
          completion: line?.completion ?? null,
          lag: line?.lag ?? null,
          status: line?.status ?? null,
          rank: line?.rank ?? null,
          rankChange: standings[i]?.[c]?.completionRankChange ?? null,
        };
      }),
    };
  });
  // Completeness leaves out a region the task list gives nothing this year; so does the ranking.
  const rows = allRows.filter((r) => timeliness.has(r.region.code));
  const ranks = rankByScore(rows.map((r) => r.score));
  // Last month's ranking among the same regions, for the change in places.
  const previousRanks = rankByScore(rows.map((r) => r.previousScore));
  const ranking: BulletinRankingRow[] = rows
    .map(({ previousScore: _, ...row }, i) => ({
      rank: ranks[i] ?? null,
      rankChange: placesGained(ranks[i] ?? null, previousRanks[i] ?? null),
      ...row,
    }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
        a.region.code.localeCompare(b.region.code),
    );

  const lagging = laggingItems(indicators, tables, { previous: before, quality });
  const parentStatuses = indicatorLines.map((x) => x.line?.status ?? null);
  return {
    region,
    year: q.year,
    month: q.month,
    previous: previousMonth(q.year, q.month),
    deadline: completeness.deadline,
    due: completeness.due,
    summary: {
      indicators: indicatorLines.filter((x) => x.line?.target !== null).length,
      statuses: countStatuses(parentStatuses),
      regions: countStatuses(rows.map((r) => r.worst)),
      laggingLines: lagging.length,
      reporting: completeness.summary,
    },
    indicators: indicatorLines,
    ranking,
    lagging,
    missing: completeness.regions.filter((r) => r.timeliness === "missing").map((r) => r.region),
    late: completeness.regions
      .filter((r) => r.timeliness === "late")
      .map((r) => ({ region: r.region, firstSubmittedAt: r.firstSubmittedAt as string })),
  };
}
