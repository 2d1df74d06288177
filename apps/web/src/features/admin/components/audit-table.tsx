import { auditActionWords, auditEntityWords, auditReasonWords, type Words } from "@jindu/domain";
import { Table, type TableColumnsType, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { formatBeijingTime } from "@/utils/format";
import type { AuditEntry } from "../api/audit";
import { JsonDiff } from "./json-diff";
import "@/features/admin/locales";

const RESULT_COLOURS: Record<string, string> = {
  success: "green",
  failure: "orange",
  denied: "red",
};

interface AuditTableProps {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** One page of the log; a row opens to its old and new values side by side. */
export function AuditTable({ entries, total, page, pageSize, loading, onPage }: AuditTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const say = (words: Words) => (language === "en" ? words.en : words.zh);
  const columns: TableColumnsType<AuditEntry> = [
    {
      key: "at",
      title: t("admin.audit.time"),
      render: (_, e) => (
        <span className="admin-nowrap">{formatBeijingTime(e.at, language, "stamp")}</span>
      ),
    },
    { key: "username", title: t("admin.audit.user"), render: (_, e) => e.username ?? "—" },
    { key: "ip", title: t("admin.audit.ip"), responsive: ["lg"], render: (_, e) => e.ip ?? "—" },
    {
      key: "action",
      title: t("admin.audit.action"),
      // In words; the recorded route stays one hover away for whoever needs it.
      render: (_, e) => {
        const words = auditActionWords(e.action);
        return words ? (
          <Tooltip title={<code>{e.action}</code>}>
            <span className="admin-nowrap" data-testid="audit-action" data-action={e.action}>
              {say(words)}
            </span>
          </Tooltip>
        ) : (
          <code className="admin-nowrap" data-testid="audit-action" data-action={e.action}>
            {e.action}
          </code>
        );
      },
    },
    {
      key: "entity",
      title: t("admin.audit.entity"),
      render: (_, e) => {
        const words = auditEntityWords(e.entity);
        return words ? say(words) : (e.entity ?? "—");
      },
    },
    {
      key: "entityName",
      title: t("admin.audit.entityName"),
      render: (_, e) =>
        e.entityName ? (
          <span title={e.entityId ?? undefined}>{say(e.entityName)}</span>
        ) : (
          <span className="admin-muted admin-break">{e.entityId ?? "—"}</span>
        ),
    },
    {
      key: "result",
      title: t("admin.audit.result"),
      render: (_, e) => (
        <Tag color={RESULT_COLOURS[e.result]}>
          {RESULT_COLOURS[e.result] ? t(`admin.audit.results.${e.result}`) : e.result}
        </Tag>
      ),
    },
    {
      key: "reason",
      title: t("admin.audit.reason"),
      render: (_, e) => {
        const words = auditReasonWords(e.reason);
        return words ? <span title={e.reason ?? undefined}>{say(words)}</span> : "";
      },
    },
  ];
  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      size="small"
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={entries}
      expandable={{
        expandedRowRender: (e) => (
          <div className="admin-audit-detail">
            <JsonDiff before={e.oldValue} after={e.newValue} />
            {e.requestId ? (
              <div className="admin-muted">
                {t("admin.audit.requestId")}: <code>{e.requestId}</code>
              </div>
            ) : null}
          </div>
        ),
        rowExpandable: (e) => e.oldValue != null || e.newValue != null,
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (count) => t("admin.audit.total", { count }),
        onChange: onPage,
      }}
      scroll={{ x: "max-content" }}
    />
  );
}
