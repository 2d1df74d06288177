import "@/features/admin/admin.css";
import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { type AuditFilter, useAuditLog } from "@/features/admin/api/audit";
import { AuditExport, AuditFilters } from "@/features/admin/components/audit-filters";
import { AuditTable } from "@/features/admin/components/audit-table";
import "@/features/admin/locales";

const FILTER_KEYS = ["username", "action", "entity", "result", "from", "to"] as const;
const RESULTS = new Set(["success", "failure", "denied"]);

/** The filter and page travel in the URL, so that a view of the log can be shared or reloaded. */
function useAuditParams() {
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && (key !== "result" || RESULTS.has(value))) {
      (filter as Record<string, string>)[key] = value;
    }
  }
  const page = Math.max(1, Number(params.get("page")) || 1);
  const pageSize = [20, 50, 100, 200].includes(Number(params.get("size")))
    ? Number(params.get("size"))
    : 50;
  const go = (next: AuditFilter, nextPage: number, nextSize: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    if (nextPage > 1) search.set("page", String(nextPage));
    if (nextSize !== 50) search.set("size", String(nextSize));
    setParams(search);
  };
  return { filter, page, pageSize, go };
}

/** The auditor's view of the log: filters, pages, old and new values, export. */
export default function AdminAuditRoute() {
  const { t } = useTranslation();
  const { filter, page, pageSize, go } = useAuditParams();
  const log = useAuditLog({ ...filter, page, pageSize });
  return (
    <>
      <PageTitle title={t("admin.audit.title")} extra={<AuditExport filter={filter} />} />
      <Typography.Paragraph type="secondary">{t("admin.audit.description")}</Typography.Paragraph>
      <Card size="small">
        <AuditFilters filter={filter} onChange={(next) => go(next, 1, pageSize)} />
        <QueryState
          query={log}
          isEmpty={(data) => data.total === 0}
          emptyText={t("admin.audit.empty")}
        >
          {(data) => (
            <AuditTable
              entries={data.entries}
              total={data.total}
              page={page}
              pageSize={pageSize}
              loading={log.isFetching}
              onPage={(nextPage, nextSize) =>
                go(filter, nextSize === pageSize ? nextPage : 1, nextSize)
              }
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
