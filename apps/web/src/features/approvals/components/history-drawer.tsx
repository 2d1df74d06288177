import { Drawer, Table } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { type SubmissionView, useMonthHistory } from "@/features/entry/api/submissions";
import { useLanguage } from "@/hooks/use-language";
import {
  formatBeijingTime,
  formatNumber,
  formatPercent,
  formatQuantity,
  nameOf,
} from "@/utils/format";
import { periodText } from "./approval-card";
import "@/features/approvals/locales";
import "@/features/entry/locales";

/** Every revision of every figure of a month: who changed what, when, and why. */
export function HistoryDrawer({
  item,
  onClose,
}: {
  item: SubmissionView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useMonthHistory(
    item ? { region: item.region.code, year: item.year, month: item.month } : null,
  );
  const entries = new Map(item?.entries.map((e) => [e.indicator.code, e]) ?? []);
  const figure = (code: string, v: number | null, n: number | null, d: number | null): string => {
    const e = entries.get(code);
    if (e?.indicator.kind === "ratio") {
      return n === null || d === null
        ? "—"
        : `${formatNumber(n, language)} / ${formatNumber(d, language)} (${formatPercent(d > 0 ? n / d : null)})`;
    }
    // As the person typed it: a rate stored as 0.952 reads 95.2%, a count 1,234套.
    return e ? formatQuantity(v, e.indicator, language) : formatNumber(v, language, 3);
  };
  const date = (iso: string) => formatBeijingTime(iso, language, "stamp");
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size="min(1040px, 100vw)"
      className="history-drawer"
      title={
        item
          ? t("approvals.historyTitle", {
              name: nameOf(item.region, language),
              period: periodText(item, t, language),
            })
          : null
      }
    >
      {item ? (
        <QueryState
          query={history}
          isEmpty={(d) => d.revisions.length === 0}
          emptyText={t("approvals.historyEmpty")}
        >
          {(data) => (
            <Table
              data-testid="history-table"
              size="small"
              rowKey={(r, i) => `${r.indicator}-${r.version}-${i}`}
              dataSource={data.revisions}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 900 }}
              columns={[
                {
                  key: "at",
                  title: t("approvals.rev.at"),
                  render: (_, r) => date(r.at),
                  width: 150,
                },
                {
                  key: "indicator",
                  title: t("approvals.rev.indicator"),
                  render: (_, r) => {
                    const e = entries.get(r.indicator);
                    return e ? nameOf(e.indicator, language) : r.indicator;
                  },
                },
                {
                  key: "action",
                  title: t("approvals.rev.action"),
                  width: 90,
                  render: (_, r) => t(`approvals.action.${r.action}`, { defaultValue: r.action }),
                },
                {
                  key: "value",
                  title: t("approvals.rev.value"),
                  render: (_, r) => {
                    const before = figure(
                      r.indicator,
                      r.oldValue,
                      r.oldNumerator,
                      r.oldDenominator,
                    );
                    const after = figure(r.indicator, r.newValue, r.newNumerator, r.newDenominator);
                    return before === after ? after : `${before} → ${after}`;
                  },
                },
                {
                  key: "status",
                  title: t("approvals.rev.status"),
                  width: 170,
                  render: (_, r) =>
                    `${t(`entry.status.${r.oldStatus ?? "none"}`)} → ${t(`entry.status.${r.newStatus}`)}`,
                },
                { key: "actor", title: t("approvals.rev.actor"), dataIndex: "actor" },
                {
                  key: "reason",
                  title: t("approvals.rev.reason"),
                  render: (_, r) => r.reason ?? "",
                },
              ]}
            />
          )}
        </QueryState>
      ) : null}
    </Drawer>
  );
}
