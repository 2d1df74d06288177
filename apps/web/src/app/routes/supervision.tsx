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
import { AnswerDialog } from "@/features/supervision/components/answer-dialog";
import { CloseDialog } from "@/features/supervision/components/close-dialog";
import { RecordDrawer } from "@/features/supervision/components/record-drawer";
import { ScopeRegionSelect } from "@/features/supervision/components/scope-region-select";
import { SupervisionForm } from "@/features/supervision/components/supervision-form";
import { SupervisionTable } from "@/features/supervision/components/supervision-table";
import { useUser } from "@/lib/auth";
import "@/features/supervision/locales";

const STATUSES: SupervisionStatus[] = ["all", "open", "closed"];
const REGION = /^[0-9]{6}$/;
const INDICATOR = /^[a-z][a-z0-9_]{1,63}$/;
const NUMBER = /^[0-9]{1,9}$/;

/** A whole number from the address within bounds, else undefined. */
function numberIn(text: string | null, min: number, max: number): number | undefined {
  if (!text || !NUMBER.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Supervision (督办) of lagging regions: every record in scope, open ones first; officials record
 * new ones (also straight from a lagging row, pre-filled with where it stood:
 * ?region=…&indicator=…&year=…&month=…&new=1) and close them (销号); the region's bureau answers
 * with its measures. ?record=… opens one record (the notifications link there).
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
  const year = numberIn(search.get("year"), 2000, 2100);
  const month = numberIn(search.get("month"), 1, 12);
  const period = year !== undefined && month !== undefined ? { year, month } : undefined;
  const shown = numberIn(search.get("record"), 1, 2_147_483_647) ?? null;
  const statusParam = search.get("status") as SupervisionStatus | null;
  const status = statusParam && STATUSES.includes(statusParam) ? statusParam : "all";
  const canWrite = user.role === "province";
  const canAnswer = user.role === "reporter";
  const [answering, setAnswering] = useState<SupervisionRecord | null>(null);
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
              onOpen={(record) => change({ record: String(record.id) })}
              onClose={canWrite ? (record) => setClosing(record) : undefined}
              onAnswer={canAnswer ? (record) => setAnswering(record) : undefined}
            />
          )}
        </QueryState>
      </Card>
      <SupervisionForm
        key={`${region ?? ""}:${indicator ?? ""}:${formOpen}`}
        open={formOpen}
        region={region}
        indicator={indicator}
        period={period}
        onDone={(record) =>
          change({
            new: undefined,
            indicator: undefined,
            year: undefined,
            month: undefined,
            // Show the new record among its region's.
            ...(record ? { region: record.region.code, status: undefined } : {}),
          })
        }
      />
      <RecordDrawer
        id={shown}
        canWrite={canWrite}
        canAnswer={canAnswer}
        onAnswer={setAnswering}
        onClose={setClosing}
        onDismiss={() => change({ record: undefined })}
      />
      <AnswerDialog record={answering} onDone={() => setAnswering(null)} />
      <CloseDialog record={closing} onDone={() => setClosing(null)} />
    </>
  );
}
