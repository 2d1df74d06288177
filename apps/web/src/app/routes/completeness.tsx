import "@/features/completeness/completeness.css";
import { Card, Col, Row } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { useGroupRegion } from "@/features/catalogue/hooks/use-group-region";
import {
  type CompletenessLine,
  useCompleteness,
} from "@/features/completeness/api/get-completeness";
import { ChaseList } from "@/features/completeness/components/chase-list";
import { CompletenessSummary } from "@/features/completeness/components/completeness-summary";
import { CompletenessTable } from "@/features/completeness/components/completeness-table";
import { HistoryDrawer } from "@/features/completeness/components/history-drawer";
import { formatDateTime } from "@/features/completeness/components/timeliness";
import { TimelinessDonut } from "@/features/completeness/components/timeliness-donut";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import "@/features/completeness/locales";

/** 报送率 and 及时率: who reported a month, who was late, who is still to chase. */
export default function CompletenessRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { params } = useDashboardParams();
  const parent = useGroupRegion();
  const completeness = useCompleteness({ parent, year: params.year, month: params.month });
  const [open, setOpen] = useState<CompletenessLine["region"] | null>(null);
  const onOpen = (line: CompletenessLine) => setOpen(line.region);
  return (
    <>
      <PageTitle
        title={
          completeness.data
            ? `${nameOf(completeness.data.parent, language)} · ${t("completeness.title")}`
            : t("completeness.title")
        }
        extra={
          completeness.data ? (
            <span className="muted" data-testid="completeness-deadline">
              {completeness.data.due
                ? t("completeness.deadline", {
                    date: formatDateTime(completeness.data.deadline, language, false),
                  }) +
                  (completeness.data.onTimeUntil === completeness.data.deadline
                    ? ""
                    : t("completeness.grace", {
                        date: formatDateTime(completeness.data.onTimeUntil, language, false),
                      }))
                : t("completeness.notDueMonth")}
            </span>
          ) : null
        }
      />
      <FilterBar parentsOnly />
      <QueryState
        query={completeness}
        isEmpty={(data) => data.summary.total === 0}
        emptyText={t("completeness.empty")}
      >
        {(data) => (
          <>
            <CompletenessSummary summary={data.summary} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card size="small" className="chart-card" title={t("completeness.chart")}>
                  <TimelinessDonut summary={data.summary} />
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card size="small" className="chart-card" title={t("completeness.chase")}>
                  <ChaseList data={data} onOpen={onOpen} />
                </Card>
              </Col>
              <Col xs={24}>
                <Card size="small" className="chart-card" title={t("completeness.table")}>
                  <CompletenessTable
                    lines={data.regions}
                    deadline={data.onTimeUntil}
                    onOpen={onOpen}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </QueryState>
      <HistoryDrawer region={open} year={params.year} onClose={() => setOpen(null)} />
    </>
  );
}
