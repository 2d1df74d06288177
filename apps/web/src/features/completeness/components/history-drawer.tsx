import { Drawer, Table } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { useLanguage } from "@/hooks/use-language";
import { formatMonth, nameOf } from "@/utils/format";
import { type TimelinessHistoryResponse, useTimelinessHistory } from "../api/get-completeness";
import {
  daysLate,
  formatDateTime,
  TIMELINESS_KEY,
  TIMELINESS_STYLE,
  TimelinessTag,
} from "./timeliness";
import "@/features/completeness/locales";

type HistoryMonth = TimelinessHistoryResponse["months"][number];

interface HistoryDrawerProps {
  region: { code: string; nameZh: string; nameEn: string } | null;
  year: number;
  onClose: () => void;
}

/** One region's timeliness month by month: a strip of twelve squares, then the table. */
export function HistoryDrawer({ region, year, onClose }: HistoryDrawerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useTimelinessHistory(region ? { region: region.code, year } : null);
  return (
    <Drawer
      open={region !== null}
      onClose={onClose}
      size="large"
      title={
        region
          ? t("completeness.drawerTitle", { region: nameOf(region, language), year })
          : undefined
      }
      rootClassName="history-drawer"
      data-testid="history-drawer"
      destroyOnHidden
    >
      {region ? (
        <QueryState
          query={history}
          isEmpty={(data) => data.months.length === 0}
          emptyText={t("completeness.historyEmpty")}
        >
          {(data) => {
            const count = (value: HistoryMonth["timeliness"]) =>
              data.months.filter((m) => m.timeliness === value).length;
            return (
              <div data-testid="history-content" data-region={data.region.code}>
                <p className="muted" data-testid="history-summary">
                  {t("completeness.historySummary", {
                    onTime: count("on_time"),
                    late: count("late"),
                    missing: count("missing"),
                  })}
                  {count("not_due") > 0
                    ? t("completeness.historySummaryNotDue", { count: count("not_due") })
                    : null}
                </p>
                <ol className="history-strip" aria-hidden>
                  {data.months.map((m) => (
                    <li
                      key={m.month}
                      style={{ background: TIMELINESS_STYLE[m.timeliness].color }}
                      title={`${formatMonth(m.month, language)} ${t(`completeness.${TIMELINESS_KEY[m.timeliness]}`)}`}
                    >
                      <span style={{ color: TIMELINESS_STYLE[m.timeliness].text }}>{m.month}</span>
                    </li>
                  ))}
                </ol>
                <Table<HistoryMonth>
                  data-testid="history-table"
                  size="small"
                  rowKey="month"
                  pagination={false}
                  dataSource={data.months}
                  columns={[
                    {
                      key: "month",
                      title: t("completeness.month"),
                      render: (_, m) => formatMonth(m.month, language),
                    },
                    {
                      key: "timeliness",
                      title: t("completeness.timeliness"),
                      render: (_, m) => (
                        <>
                          <TimelinessTag value={m.timeliness} />
                          {m.timeliness === "late" ? (
                            <span className="muted completeness-days-late">
                              {t("completeness.daysLate", {
                                count: daysLate(m.firstSubmittedAt, m.onTimeUntil),
                              })}
                            </span>
                          ) : null}
                        </>
                      ),
                    },
                    {
                      key: "submittedAt",
                      title: t("completeness.submittedAt"),
                      render: (_, m) => formatDateTime(m.firstSubmittedAt, language),
                    },
                    {
                      key: "deadline",
                      title: t("completeness.deadlineColumn"),
                      responsive: ["sm"],
                      render: (_, m) => formatDateTime(m.deadline, language, false),
                    },
                  ]}
                />
              </div>
            );
          }}
        </QueryState>
      ) : null}
    </Drawer>
  );
}
