import { NATIONAL_DEFAULT_REGION } from "@jindu/domain";
import { Alert, Segmented } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import {
  ApprovalCard,
  type Decision,
  periodText,
} from "@/features/approvals/components/approval-card";
import { HistoryDrawer } from "@/features/approvals/components/history-drawer";
import { ReasonModal } from "@/features/approvals/components/reason-modal";
import { PeriodSelect } from "@/features/catalogue/components/period-select";
import { RegionSelect } from "@/features/catalogue/components/region-select";
import { useDefaultPeriod } from "@/features/catalogue/hooks/use-default-period";
import {
  type SubmissionView,
  useReview,
  useSubmissionQueue,
} from "@/features/entry/api/submissions";
import { useLanguage } from "@/hooks/use-language";
import { ApiError } from "@/lib/api-client";
import { useUser } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import "@/features/approvals/locales";
import { useMessage } from "@/lib/feedback";

const STATUSES = ["submitted", "returned", "approved"] as const;
type QueueStatus = (typeof STATUSES)[number];

const intIn = (text: string | null, min: number, max: number) => {
  const n = Number(text);
  return text && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/**
 * The province's approvals queue: months its regions have sent in, with what changed since
 * last month and the warnings the bureaus explained; approve, return or reopen with a reason.
 */
export default function ApprovalsRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const named = search.get("region");
  const parent =
    named && /^[0-9]{6}$/.test(named) ? named : (user.regionCode ?? NATIONAL_DEFAULT_REGION);
  const statusParam = search.get("status");
  const status: QueueStatus = STATUSES.includes(statusParam as QueueStatus)
    ? (statusParam as QueueStatus)
    : "submitted";
  // Approved months are many: they are listed one month at a time, the latest first.
  const byMonth = status === "approved";
  const namedYear = intIn(search.get("year"), 2000, 2100);
  const namedMonth = intIn(search.get("month"), 1, 12);
  const latest = useDefaultPeriod(parent, "latest", byMonth).period;
  const year = namedYear ?? latest?.year;
  const month = namedMonth ?? latest?.month;
  const queue = useSubmissionQueue(
    {
      parent,
      status,
      year: byMonth ? year : undefined,
      month: byMonth ? month : undefined,
    },
    !byMonth || (year !== undefined && month !== undefined),
  );
  const review = useReview();
  const [asking, setAsking] = useState<{ item: SubmissionView; decision: Decision } | null>(null);
  const [history, setHistory] = useState<SubmissionView | null>(null);

  const change = (c: Record<string, string | number>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(c)) next.set(k, String(v));
    setSearch(next);
  };

  const decide = (item: SubmissionView, decision: Decision, reason?: string) =>
    review.mutate(
      {
        region: item.region.code,
        year: item.year,
        month: item.month,
        action: decision,
        version: item.version,
        ...(reason ? { reason } : {}),
      },
      {
        onSuccess: () => {
          setAsking(null);
          message.success(t(`approvals.done.${decision}`));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            setAsking(null);
            queue.refetch();
            message.warning(t("approvals.stale"));
          } else message.error(t("approvals.failed", { message: error.message }));
        },
      },
    );

  return (
    <>
      <PageTitle title={t("approvals.title")} />
      <search className="filter-bar">
        {user.regionCode === null ? (
          <div className="filter-field">
            <span>{t("approvals.parent")}</span>
            <RegionSelect value={parent} parentsOnly onChange={(region) => change({ region })} />
          </div>
        ) : null}
        <div className="filter-field">
          <span>{t("approvals.show")}</span>
          <Segmented
            data-testid="approvals-status"
            value={status}
            onChange={(value) => change({ status: value })}
            options={STATUSES.map((s) => ({ value: s, label: t(`approvals.tab.${s}`) }))}
          />
        </div>
        {byMonth ? (
          <div className="filter-field filter-period">
            <span>
              {t("filters.year")} / {t("filters.month")}
            </span>
            <span className="filter-period-inputs">
              {year !== undefined && month !== undefined ? (
                <PeriodSelect
                  region={parent}
                  year={year}
                  month={month}
                  onChange={(p) => change({ year, month, ...p })}
                />
              ) : null}
            </span>
          </div>
        ) : null}
      </search>
      <QueryState
        query={queue}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t(`approvals.empty.${status}`)}
      >
        {(data) => (
          <div className="approval-list" data-testid="approval-list">
            {data.truncated ? <Alert type="info" title={t("approvals.truncated")} /> : null}
            {data.items.map((item) => (
              <ApprovalCard
                key={`${item.region.code}-${item.year}-${item.month}`}
                item={item}
                busy={review.isPending}
                onDecide={(it, decision) =>
                  decision === "approve" ? decide(it, decision) : setAsking({ item: it, decision })
                }
                onHistory={setHistory}
              />
            ))}
          </div>
        )}
      </QueryState>
      <ReasonModal
        open={asking !== null}
        busy={review.isPending}
        title={
          asking
            ? t(`approvals.reasonTitle.${asking.decision}`, {
                name: nameOf(asking.item.region, language),
                period: periodText(asking.item, t, language),
              })
            : ""
        }
        onOk={(reason) => asking && decide(asking.item, asking.decision, reason)}
        onCancel={() => setAsking(null)}
      />
      <HistoryDrawer item={history} onClose={() => setHistory(null)} />
    </>
  );
}
