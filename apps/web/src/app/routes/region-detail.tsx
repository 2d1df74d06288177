import { BarChartOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { StatusLegend } from "@/components/ui/status-legend";
import { paths } from "@/config/paths";
import { useIndicatorsOf } from "@/features/catalogue/api/get-indicators";
import { regionPath, useRegions } from "@/features/catalogue/api/get-regions";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { PlanProgressCard } from "@/features/plans/components/plan-progress-card";
import { IndicatorTrendCard } from "@/features/region-detail/components/indicator-trend-card";
import { OpenSupervisionCard } from "@/features/supervision/components/open-supervision-card";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";

/** One region's indicators month by month, with the way up (breadcrumb) and down (sub-regions). */
export default function RegionDetailRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { params, hrefTo } = useDashboardParams();
  const regions = useRegions();
  const indicators = useIndicatorsOf(params.region, params.year);
  const path = regionPath(regions.data, params.region);
  const region = path.at(-1);
  const children = region?.children ?? [];

  return (
    <>
      <Breadcrumb
        className="region-breadcrumb"
        data-testid="region-breadcrumb"
        items={path.map((node, index) => ({
          key: node.code,
          title:
            index === path.length - 1 ? (
              <span aria-current="page">{nameOf(node, language)}</span>
            ) : (
              <Link to={hrefTo(paths.region, { region: node.code })}>{nameOf(node, language)}</Link>
            ),
        }))}
      />
      <PageTitle
        title={region ? `${nameOf(region, language)} · ${t("region.title")}` : t("region.title")}
        extra={
          children.length > 0 ? (
            <Link to={hrefTo(paths.comparison)}>
              <Button icon={<BarChartOutlined />}>{t("nav.comparison")}</Button>
            </Link>
          ) : null
        }
      />
      <FilterBar />
      <OpenSupervisionCard region={params.region} />
      <PlanProgressCard region={params.region} year={params.year} month={params.month} />
      {children.length > 0 ? (
        <Card size="small" title={t("region.children")} className="region-children">
          <Space size={[8, 8]} wrap>
            {children.map((child) => (
              <Link
                key={child.code}
                to={hrefTo(paths.region, { region: child.code })}
                data-testid="child-region"
              >
                <Button size="small">{nameOf(child, language)}</Button>
              </Link>
            ))}
          </Space>
        </Card>
      ) : null}
      <div className="legend-row">
        <StatusLegend />
      </div>
      <QueryState query={indicators} isEmpty={(data) => data.indicators.length === 0}>
        {(data) => {
          // Arriving from a bar or a lagging row names an indicator: its chart comes first.
          const ordered = [...data.indicators].sort(
            (a, b) => Number(b.code === params.indicator) - Number(a.code === params.indicator),
          );
          return (
            <div className="trend-grid">
              {ordered.map((indicator) => (
                <IndicatorTrendCard
                  key={`${params.region}:${indicator.code}`}
                  indicator={indicator}
                  region={params.region}
                  year={params.year}
                  month={params.month}
                  highlighted={indicator.code === params.indicator}
                  compareHref={
                    children.length > 0
                      ? hrefTo(paths.comparison, { indicator: indicator.code })
                      : null
                  }
                />
              ))}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
