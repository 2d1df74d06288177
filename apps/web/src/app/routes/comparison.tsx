import { Card, Col, Row, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { LagPhrase } from "@/components/ui/lag-phrase";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { StatusTag } from "@/components/ui/status-tag";
import { paths } from "@/config/paths";
import { statusKey } from "@/config/status";
import { useIndicatorsOf } from "@/features/catalogue/api/get-indicators";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { useGroupRegion } from "@/features/catalogue/hooks/use-group-region";
import { useProgress } from "@/features/comparison/api/get-progress";
import { ComparisonChart } from "@/features/comparison/components/comparison-chart";
import { ComparisonTable } from "@/features/comparison/components/comparison-table";
import { StandingsPanel } from "@/features/comparison/components/standings-panel";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { actualLabelKey, formatPercent, formatQuantity, nameOf } from "@/utils/format";

/** Every sub-region's completion rate on one indicator, against the schedule and 100%. */
export default function ComparisonRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { params, hrefTo } = useDashboardParams();
  const region = useGroupRegion();
  const indicators = useIndicatorsOf(region, params.year);
  const indicator = params.indicator ?? indicators.data?.indicators[0]?.code;
  // During the month officials also want the figures still waiting for approval, marked so.
  const [search, setSearch] = useSearchParams();
  const withSubmitted = search.get("include") === "submitted";
  const progress = useProgress(
    {
      indicator: indicator ?? "",
      parent: region,
      year: params.year,
      month: params.month,
      ...(withSubmitted ? { include: "submitted" as const } : {}),
    },
    indicator !== undefined,
  );
  const regionHref = (code: string) => hrefTo(paths.region, { region: code, indicator });

  return (
    <>
      <PageTitle
        title={t("comparison.title")}
        extra={
          <label className="include-submitted" htmlFor="include-submitted">
            <Switch
              id="include-submitted"
              size="small"
              checked={withSubmitted}
              data-testid="include-submitted"
              onChange={(on) =>
                setSearch(
                  (current) => {
                    const next = new URLSearchParams(current);
                    if (on) next.set("include", "submitted");
                    else next.delete("include");
                    return next;
                  },
                  { replace: true },
                )
              }
            />{" "}
            {t("comparison.includeSubmitted")}
          </label>
        }
      />
      <FilterBar showIndicator parentsOnly indicator={indicator} />
      <QueryState
        query={progress}
        isEmpty={(data) =>
          data.children.every((line) => line.target === null && line.actual === null)
        }
        skeletonRows={12}
      >
        {(data) => (
          <>
            <div className="comparison-summary" data-testid="comparison-summary">
              <Typography.Text strong>
                {t("comparison.parentTotal", { name: nameOf(data.parent.region, language) })}
              </Typography.Text>
              <StatusTag status={statusKey(data.parent.status)} />
              <span>
                {t("metric.completion")} <strong>{formatPercent(data.parent.completion)}</strong>
              </span>
              <span>
                {t("metric.schedule")} <strong>{formatPercent(data.parent.schedule)}</strong>
              </span>
              <span>
                <LagPhrase points={data.parent.lag} />
              </span>
              <span>
                {t(actualLabelKey(data.indicator.kind))}{" "}
                <strong>{formatQuantity(data.parent.actual, data.indicator, language)}</strong> /{" "}
                {t("metric.target")}{" "}
                <strong>{formatQuantity(data.parent.target, data.indicator, language)}</strong>
              </span>
            </div>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={11}>
                <Card
                  size="small"
                  className="chart-card"
                  title={`${nameOf(data.indicator, language)} · ${t("comparison.chart")}`}
                  extra={<span className="muted hide-phone">{t("comparison.drillHint")}</span>}
                >
                  <ComparisonChart
                    lines={data.children}
                    schedule={data.parent.schedule}
                    hrefFor={regionHref}
                    onSelect={(code) => navigate(regionHref(code))}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={13}>
                <Card size="small" title={t("comparison.table")}>
                  <ComparisonTable
                    indicator={data.indicator}
                    lines={data.children}
                    hrefFor={regionHref}
                  />
                </Card>
              </Col>
              <Col xs={24}>
                <StandingsPanel data={data} hrefFor={regionHref} />
              </Col>
            </Row>
          </>
        )}
      </QueryState>
    </>
  );
}
