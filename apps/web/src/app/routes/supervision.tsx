import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Segmented, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import {
  type SupervisionRecord,
  type SupervisionStatus,
  useSupervision,
} from "@/features/supervision/api/supervision";
import { CloseDialog } from "@/features/supervision/components/close-dialog";
import { ScopeRegionSelect } from "@/features/supervision/components/scope-region-select";
import { SupervisionForm } from "@/features/supervision/components/supervision-form";
import { SupervisionTable } from "@/features/supervision/components/supervision-table";
import { useUser } from "@/lib/auth";

const STATUSES: SupervisionStatus[] = ["all", "open", "closed"];
const REGION = /^[0-9]{6}$/;
const INDICATOR = /^[a-z][a-z0-9_]{1,63}$/;

/**
 * Supervision (督办) of lagging regions: every record in scope, open ones first; officials record
 * new ones (also straight from a lagging row: ?region=…&indicator=…&new=1) and close them.
 */
export default function SupervisionRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const region = REGION.test(search.get("region") ?? "")
    ? (search.get("region") as string)
    : undefined;
  const indicator = INDICATOR.test(search.get("indicator") ?? "")
    ? (search.get("indicator") as string)
    : undefined;
  const statusParam = search.get("status") as SupervisionStatus | null;
  const status = statusParam && STATUSES.includes(statusParam) ? statusParam : "all";
  const canWrite = user.role === "province";
  const formOpen = canWrite && (search.has("new") || indicator !== undefined);
  const [closing, setClosing] = useState<SupervisionRecord | null>(null);
  const records = useSupervision({ region, status });

  const change = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) params.delete(key);
      else params.set(key, value);
    }
    setSearch(params, { replace: true });
  };

  return (
    <>
      <PageTitle
        title={t("supervision.title")}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="supervision-new"
              onClick={() => change({ new: "1" })}
            >
              {t("supervision.new")}
            </Button>
          ) : null
        }
      />
      <Space wrap size={[16, 8]} style={{ marginBottom: 16 }}>
        <ScopeRegionSelect
          testId="supervision-filter-region"
          label={t("supervision.field.region")}
          value={region}
          allowClear
          placeholder={t("supervision.scopeRegions")}
          onChange={(code) => change({ region: code })}
        />
        <Segmented<SupervisionStatus>
          data-testid="supervision-filter-status"
          aria-label={t("supervision.status.label")}
          value={status}
          onChange={(value) => change({ status: value === "all" ? undefined : value })}
          options={STATUSES.map((value) => ({ value, label: t(`supervision.status.${value}`) }))}
        />
      </Space>
      <Card size="small" className="chart-card" title={t("supervision.description")}>
        <QueryState
          query={records}
          isEmpty={(data) => data.records.length === 0}
          emptyText={t("supervision.empty")}
        >
          {(data) => (
            <SupervisionTable
              records={data.records}
              onClose={canWrite ? (record) => setClosing(record) : undefined}
            />
          )}
        </QueryState>
      </Card>
      <SupervisionForm
        key={`${region ?? ""}:${indicator ?? ""}:${formOpen}`}
        open={formOpen}
        region={region}
        indicator={indicator}
        onDone={(record) =>
          change({
            new: undefined,
            indicator: undefined,
            // Show the new record among its region's.
            ...(record ? { region: record.region.code, status: undefined } : {}),
          })
        }
      />
      <CloseDialog record={closing} onDone={() => setClosing(null)} />
    </>
  );
}
