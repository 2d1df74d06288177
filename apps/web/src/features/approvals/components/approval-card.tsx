import { Button, type ButtonProps, Card, Popconfirm, Table, Tag } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { SubmissionEntry, SubmissionView } from "@/features/entry/api/submissions";
import { SubmissionStatusTag } from "@/features/entry/components/submission-status";
import { problemText } from "@/features/entry/utils/checks";
import { useLanguage } from "@/hooks/use-language";
import type { Language } from "@/lib/i18n";
import {
  formatBeijingTime,
  formatMonth,
  formatPercent,
  formatPoints,
  formatQuantity,
  nameOf,
} from "@/utils/format";
import "@/features/approvals/locales";

export type Decision = "approve" | "return" | "reopen";

const share = (n: number | null, d: number | null) =>
  n !== null && d !== null && d > 0 ? n / d : null;

/** This month's figure of a line, and how far it moved from last month's. */
function figures(e: SubmissionEntry, language: Language) {
  const q = (v: number | null) => formatQuantity(v, e.indicator, language);
  if (e.indicator.kind === "ratio") {
    const now = share(e.numerator, e.denominator);
    const before = share(e.previous.numerator, e.previous.denominator);
    return {
      previous: formatPercent(before),
      current: formatPercent(now),
      change: now !== null && before !== null ? formatPoints((now - before) * 100, language) : "—",
    };
  }
  const change =
    e.value !== null && e.previous.value !== null ? e.value - e.previous.value : e.value;
  const sign = change !== null && change > 0 ? "+" : "";
  return {
    previous: q(e.previous.value),
    current: q(e.value),
    change: change === null ? "—" : `${sign}${q(change)}`,
  };
}

export const periodText = (v: { year: number; month: number }, t: TFunction, language: Language) =>
  t("approvals.monthOf", {
    year: v.year,
    month: v.month,
    monthName: formatMonth(v.month, language),
  });

interface ApprovalCardProps {
  item: SubmissionView;
  busy: boolean;
  onDecide: (item: SubmissionView, decision: Decision) => void;
  onHistory: (item: SubmissionView) => void;
}

/** One region's month waiting for (or past) the province's decision. */
export function ApprovalCard({ item, busy, onDecide, onHistory }: ApprovalCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = `${item.region.code}-${item.year}-${item.month}`;
  const lines = item.entries.filter((e) => e.version > 0);
  const warnings = lines.reduce((n, e) => n + e.warnings.length, 0);
  const late =
    item.firstSubmittedAt !== null && new Date(item.firstSubmittedAt) > new Date(item.onTimeUntil);
  const date = (iso: string) => formatBeijingTime(iso, language, "minute");
  // The bureau's explanation of a line's warnings, in the table and in the phone's list alike.
  const explanationOf = (e: { explanation: string | null }) => (
    <span className="approval-explanation">
      {e.explanation
        ? t("approvals.explanation", { text: e.explanation })
        : t("approvals.noExplanation")}
    </span>
  );

  return (
    <Card
      size="small"
      data-testid={`approval-${id}`}
      title={
        <span>
          {nameOf(item.region, language)} · {periodText(item, t, language)}
        </span>
      }
      extra={<SubmissionStatusTag status={item.status} />}
    >
      <div className="approval-head">
        {item.submittedAt ? (
          <span className="muted">
            {t("approvals.submittedAt", { date: date(item.submittedAt) })}
          </span>
        ) : null}
        {item.firstSubmittedAt ? (
          <Tag color={late ? "orange" : "green"}>
            {late ? t("approvals.late") : t("approvals.onTime")}
          </Tag>
        ) : null}
        <span>{t("approvals.entered", { count: lines.length })}</span>
        {warnings > 0 ? (
          <Tag color="warning">{t("approvals.warnings", { count: warnings })}</Tag>
        ) : (
          <span className="muted">{t("approvals.noWarnings")}</span>
        )}
        {item.reason && item.status === "returned" ? (
          <span data-testid={`approval-reason-${id}`}>
            {t("approvals.reasonShown", { reason: item.reason })}
          </span>
        ) : null}
      </div>
      <Table
        className="approval-table"
        size="small"
        rowKey={(e) => e.indicator.code}
        dataSource={lines}
        pagination={false}
        scroll={{ x: "max-content" }}
        rowClassName={(e) => (e.warnings.length > 0 ? "approval-row-warning" : "")}
        columns={[
          {
            key: "indicator",
            title: t("approvals.column.indicator"),
            render: (_, e) => nameOf(e.indicator, language),
          },
          {
            key: "previous",
            title: t("approvals.column.previous"),
            align: "right",
            responsive: ["sm"],
            render: (_, e) => figures(e, language).previous,
          },
          {
            key: "current",
            title: t("approvals.column.current"),
            align: "right",
            render: (_, e) => <strong>{figures(e, language).current}</strong>,
          },
          {
            key: "change",
            title: t("approvals.column.change"),
            align: "right",
            render: (_, e) => figures(e, language).change,
          },
          {
            key: "completion",
            title: t("approvals.column.completion"),
            align: "right",
            responsive: ["sm"],
            render: (_, e) => formatPercent(e.completion),
          },
          {
            key: "warnings",
            title: t("approvals.column.warnings"),
            width: 260,
            responsive: ["md"],
            render: (_, e) =>
              e.warnings.length === 0 ? null : (
                <div data-testid={`approval-warning-${id}-${e.indicator.code}`}>
                  {e.warnings.map((w) => (
                    <Tag key={w.rule} color="warning">
                      {problemText(t, w, e, e, language)}
                    </Tag>
                  ))}
                  {explanationOf(e)}
                </div>
              ),
          },
        ]}
      />
      {/* On a phone the warnings column gives way to this list under the table. */}
      <div className="approval-phone-warnings">
        {lines
          .filter((e) => e.warnings.length > 0)
          .map((e) => (
            <div key={e.indicator.code}>
              <strong>{nameOf(e.indicator, language)}</strong>
              {e.warnings.map((w) => (
                <div key={w.rule} className="entry-errors-warning">
                  {problemText(t, w, e, e, language)}
                </div>
              ))}
              {explanationOf(e)}
            </div>
          ))}
      </div>
      <div className="approval-actions" style={{ marginTop: 12 }}>
        {item.status === "submitted" ? (
          <>
            <Popconfirm
              title={t("approvals.approveConfirm")}
              onConfirm={() => onDecide(item, "approve")}
              okButtonProps={{ "data-testid": "approve-confirm" } as ButtonProps}
            >
              <Button type="primary" data-testid={`approve-${id}`} disabled={busy}>
                {t("approvals.approve")}
              </Button>
            </Popconfirm>
            <Button
              danger
              data-testid={`return-${id}`}
              disabled={busy}
              onClick={() => onDecide(item, "return")}
            >
              {t("approvals.return")}
            </Button>
          </>
        ) : null}
        {item.status === "approved" ? (
          <Button
            data-testid={`reopen-${id}`}
            disabled={busy}
            onClick={() => onDecide(item, "reopen")}
          >
            {t("approvals.reopen")}
          </Button>
        ) : null}
        <Button type="link" data-testid={`history-${id}`} onClick={() => onHistory(item)}>
          {t("approvals.history")}
        </Button>
      </div>
    </Card>
  );
}
