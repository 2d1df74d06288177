import "@/features/cockpit/cockpit.css";
import { provinceOf } from "@jindu/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { QueryState } from "@/components/ui/query-state";
import { StatusLegend } from "@/components/ui/status-legend";
import { paths } from "@/config/paths";
import { periodsQueryOptions } from "@/features/catalogue/api/get-periods";
import { defaultPeriodOf } from "@/features/catalogue/hooks/use-default-period";
import { HeadlineTiles } from "@/features/cockpit/components/headline-tiles";
import { SlowFive } from "@/features/cockpit/components/slow-five";
import { useBaseMap } from "@/features/map/api/get-base-map";
import { useMapLines } from "@/features/map/api/get-map-lines";
import { ChoroplethMap } from "@/features/map/components/choropleth-map";
import { TileMap } from "@/features/map/components/tile-map";
import { CITY_GRID, cityItems } from "@/features/map/grid-positions";
import { overviewQueryOptions } from "@/features/overview/api/get-overview";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { formatMonth, formatPercent, nameOf } from "@/utils/format";
import "@/features/map/locales";

/** Seconds each indicator stays on the wall unless the address says (?rotate=2 in tests). */
const DEFAULT_ROTATE_SECONDS = 15;
/** How often the wall asks again, so that figures approved meanwhile appear without a reload. */
const REFRESH_MS = 60_000;
/** Headline tiles per page: a row that reads across a room. */
const PAGE = 6;

const rotateSeconds = (text: string | null) => {
  const value = Number(text);
  return text && Number.isFinite(value) && value >= 1 && value <= 3600
    ? value
    : DEFAULT_ROTATE_SECONDS;
};

/**
 * The meeting room's wall display (大屏): the headline figures, the map and the 后五, turning
 * by itself from one indicator to the next and refreshing its figures every minute.
 */
export default function CockpitRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { params, named, hrefTo } = useDashboardParams();
  const seconds = rotateSeconds(search.get("rotate"));
  const province = provinceOf(params.region);
  // Without a period in its address the wall follows the latest month with approved figures, so
  // that a display left on for weeks moves on to each new month by itself.
  const follows = named.year === undefined || named.month === undefined;
  const periods = useQuery({
    ...periodsQueryOptions(province),
    enabled: follows,
    refetchInterval: REFRESH_MS,
  });
  const latest = periods.data ? defaultPeriodOf(periods.data, "latest") : undefined;
  const year = follows ? latest?.year : params.year;
  const month = follows ? latest?.month : params.month;
  const overview = useQuery({
    ...overviewQueryOptions({ region: province, year: year ?? 0, month: month ?? 0 }),
    enabled: year !== undefined,
    refetchInterval: REFRESH_MS,
  });
  // Only indicators the province has a target or figure for: an empty panel says nothing.
  const tiles = (overview.data?.tiles ?? []).filter(
    (tile) => tile.line.target !== null || tile.line.actual !== null,
  );
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (tiles.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % tiles.length), seconds * 1000);
    return () => clearInterval(timer);
  }, [tiles.length, seconds]);
  const position = tiles.length > 0 ? index % tiles.length : 0;
  const current = tiles[position];
  const indicator = current?.indicator.code;
  const lines = useMapLines(
    {
      indicator: indicator ?? "",
      province,
      provinces: [],
      year: year ?? 0,
      month: month ?? 0,
    },
    indicator !== undefined && year !== undefined,
    REFRESH_MS,
  );
  const baseMap = useBaseMap(province);
  const items = cityItems(lines.data?.lines ?? [], province, language);
  const slow = (lines.data?.slow ?? [])
    .slice(0, 5)
    .map((code) => items.find((item) => item.code === code))
    .filter((item) => item !== undefined);
  const pageStart = Math.floor(position / PAGE) * PAGE;
  const select = (code: string) =>
    navigate(hrefTo(paths.region, { region: code, indicator, year, month }));
  const map = baseMap.data?.map ?? null;

  useEffect(() => {
    document.body.classList.add("cockpit-body");
    return () => document.body.classList.remove("cockpit-body");
  }, []);

  return (
    <main className="cockpit" data-testid="cockpit">
      <header className="cockpit-header">
        <h1>
          {t("map.cockpitScreen.title", {
            name: overview.data ? nameOf(overview.data.region, language) : "",
          })}
        </h1>
        {year !== undefined && month !== undefined ? (
          <span className="cockpit-period" data-testid="cockpit-period">
            {t("filters.period", { year, month, monthName: formatMonth(month, language) })}
          </span>
        ) : null}
        <Link className="cockpit-exit" to={hrefTo(paths.overview)}>
          {t("map.cockpitScreen.exit")}
        </Link>
      </header>
      <QueryState query={overview} skeletonRows={12}>
        {() =>
          current ? (
            <div
              className="cockpit-panel"
              data-testid="cockpit-panel"
              data-indicator={current.indicator.code}
              key={current.indicator.code}
            >
              <HeadlineTiles tiles={tiles.slice(pageStart, pageStart + PAGE)} current={indicator} />
              <div className="cockpit-main">
                <section className="cockpit-map">
                  <h2>
                    {nameOf(current.indicator, language)}
                    <span className="cockpit-map-figure">
                      {formatPercent(current.line.completion)}
                    </span>
                    <span className="cockpit-muted cockpit-counter">
                      {t("map.cockpitScreen.panel", { index: position + 1, count: tiles.length })}
                    </span>
                  </h2>
                  <QueryState query={lines} skeletonRows={8}>
                    {() =>
                      map ? (
                        <ChoroplethMap map={map} items={items} onSelect={select} large />
                      ) : (
                        <TileMap
                          items={items}
                          table={CITY_GRID[province]}
                          onSelect={select}
                          large
                        />
                      )
                    }
                  </QueryState>
                  <div className="cockpit-legend">
                    <StatusLegend />
                  </div>
                </section>
                <SlowFive items={slow} />
              </div>
            </div>
          ) : null
        }
      </QueryState>
    </main>
  );
}
