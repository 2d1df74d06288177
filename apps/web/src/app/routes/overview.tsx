import type { StatusCounts } from "@jindu/api/schemas";
import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { StatusLegend } from "@/components/ui/status-legend";
import { paths } from "@/config/paths";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { MapCard } from "@/features/map/components/map-card";
import { MoversCard } from "@/features/movers/components/movers-card";
import { useOverview } from "@/features/overview/api/get-overview";
import { IndicatorTile } from "@/features/overview/components/indicator-tile";
import { StatusSummary } from "@/features/overview/components/status-summary";
import { WorstLags } from "@/features/overview/components/worst-lags";
import { OpenSupervisionCard } from "@/features/supervision/components/open-supervision-card";
import { useAfterFirstPaint } from "@/hooks/use-after-first-paint";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { formatMonth, nameOf } from "@/utils/format";

const hasChildren = (counts: StatusCounts) => Object.values(counts).some((count) => count > 0);

/** The leadership screen: every indicator of a region against the time-elapsed schedule. */
export default function OverviewRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { params, hrefTo, setParams } = useDashboardParams();
  const overview = useOverview({ region: params.region, year: params.year, month: params.month });
  // The tiles first; the cards that ask for more (supervision, movers, the map) a frame later.
  const later = useAfterFirstPaint();
  const period = t("filters.period", {
    year: params.year,
    month: params.month,
    monthName: formatMonth(params.month, language),
  });
  return (
    <>
      <PageTitle
        title={
          overview.data
            ? `${nameOf(overview.data.region, language)} · ${t("overview.title")}`
            : t("overview.title")
        }
        extra={<span className="muted">{period}</span>}
      />
      <FilterBar />
      {later ? <OpenSupervisionCard region={params.region} /> : null}
      <QueryState
        query={overview}
        isEmpty={(data) =>
          data.tiles.every((tile) => tile.line.target === null && tile.line.actual === null)
        }
        emptyText={t("overview.empty")}
        skeletonRows={10}
      >
        {(data) => (
          <>
            {/* A region without sub-regions (a city here) has no one to count or rank. */}
            {hasChildren(data.regions) ? (
              <Row gutter={[16, 16]} className="overview-summary">
                <Col xs={24} lg={10}>
                  <StatusSummary counts={data.regions} />
                </Col>
                <Col xs={24} lg={14}>
                  <WorstLags
                    items={data.worst}
                    hrefFor={(item) =>
                      hrefTo(paths.region, {
                        region: item.line.region.code,
                        indicator: item.indicator.code,
                      })
                    }
                  />
                </Col>
              </Row>
            ) : null}
            {later && hasChildren(data.regions) ? (
              <MoversCard region={params.region} year={params.year} month={params.month} />
            ) : null}
            <div className="legend-row">
              <StatusLegend />
            </div>
            {later && hasChildren(data.regions) ? (
              <MapCard
                region={params.region}
                year={params.year}
                month={params.month}
                indicators={data.tiles.map((tile) => tile.indicator)}
                indicator={params.indicator}
                onIndicator={(indicator) => setParams({ indicator }, { replace: true })}
                cityHref={(region, indicator) => hrefTo(paths.region, { region, indicator })}
                provinceHref={(region) => hrefTo(paths.overview, { region })}
                cockpitHref={hrefTo(paths.cockpit)}
                navigate={navigate}
              />
            ) : null}
            <div className="tile-grid">
              {data.tiles.map((tile) => (
                <IndicatorTile
                  key={tile.indicator.code}
                  tile={tile}
                  href={hrefTo(paths.comparison, { indicator: tile.indicator.code })}
                />
              ))}
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
