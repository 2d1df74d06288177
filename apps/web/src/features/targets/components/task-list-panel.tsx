import type { IndicatorEntry as Indicator } from "@jindu/api/schemas";
import { inForce } from "@jindu/domain";
import { Alert, Button, Checkbox, Popconfirm, Select, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import type { RegionEntry } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import {
  type TaskListResponse,
  useCopyTaskList,
  useSaveTaskList,
  useTaskList,
} from "../api/task-lists";
import "@/features/targets/locales";
import { useMessage } from "@/lib/feedback";

interface Props {
  /** The province whose list it is (null: none chosen, e.g. a national view). */
  province: RegionEntry | null;
  year: number;
  /** The catalogue the province may list (national and its own indicators). */
  indicators: readonly Indicator[];
  canEdit: boolean;
}

/** 年度目标任务清单: which indicators the province works on this year, carried by which regions. */
export function TaskListPanel({ province, year, indicators, canEdit }: Props) {
  const { t } = useTranslation();
  const query = useTaskList(province?.code ?? null, year);
  // The mutations live here, not in the editor: a saved list remounts the editor (its key), and
  // a mutation's callbacks do not run for a component that is gone.
  const save = useSaveTaskList(province?.code ?? "", year);
  const copy = useCopyTaskList(province?.code ?? "", year);
  if (!province) return <Alert type="info" showIcon title={t("targets.taskList.chooseProvince")} />;
  return (
    <QueryState query={query}>
      {(data) => (
        <TaskListEditor
          key={`${data.province}|${data.year}|${JSON.stringify(data.items)}`}
          data={data}
          province={province}
          indicators={indicators.filter((i) => inForce(i, year))}
          canEdit={canEdit}
          save={save}
          copy={copy}
        />
      )}
    </QueryState>
  );
}

interface Row {
  indicator: Indicator;
  listed: boolean;
  regions: string[];
}

function TaskListEditor({
  data,
  province,
  indicators,
  canEdit,
  save,
  copy,
}: {
  data: TaskListResponse;
  province: RegionEntry;
  indicators: readonly Indicator[];
  canEdit: boolean;
  save: ReturnType<typeof useSaveTaskList>;
  copy: ReturnType<typeof useCopyTaskList>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const saved = new Map(data.items.map((i) => [i.indicatorCode, i.regions]));
  const [rows, setRows] = useState<Row[]>(() =>
    indicators.map((indicator) => ({
      indicator,
      listed: !data.listed || saved.has(indicator.code),
      regions: [...(saved.get(indicator.code) ?? [])],
    })),
  );
  // Cities, and counties under their city, as one searchable list.
  const regionOptions = useMemo(
    () =>
      province.children.map((city) => ({
        label: nameOf(city, language),
        options: [city, ...city.children].map((r) => ({
          value: r.code,
          label:
            r === city ? nameOf(r, language) : `${nameOf(city, language)} · ${nameOf(r, language)}`,
        })),
      })),
    [province, language],
  );
  const earlier = data.listedYears.find((y) => y < data.year);
  const change = (code: string, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.indicator.code === code ? { ...r, ...patch } : r)));

  const send = (items: TaskListResponse["items"], done: string) =>
    save.mutate(
      { items },
      {
        onSuccess: () => message.success(done),
        onError: (error) =>
          message.error(t("targets.taskList.failed", { message: errorText(error, t, "save") })),
      },
    );
  const listedRows = rows.filter((r) => r.listed);

  return (
    <Space orientation="vertical" size="middle" className="task-list" data-testid="task-list">
      <Typography.Title level={5}>
        {t("targets.taskList.title", { province: nameOf(province, language), year: data.year })}
      </Typography.Title>
      <Alert
        type={data.listed ? "success" : "info"}
        showIcon
        title={
          data.listed
            ? t("targets.taskList.listed", { count: data.items.length })
            : t("targets.taskList.notListed")
        }
      />
      {canEdit ? (
        <Space wrap>
          <Button
            type="primary"
            data-testid="task-list-save"
            loading={save.isPending}
            disabled={listedRows.length === 0}
            onClick={() =>
              send(
                listedRows.map((r) => ({
                  indicatorCode: r.indicator.code,
                  regions: r.regions.length === 0 ? null : r.regions,
                })),
                t("targets.taskList.saved", { count: listedRows.length }),
              )
            }
          >
            {t("targets.taskList.save")}
          </Button>
          <Button
            data-testid="task-list-copy"
            disabled={earlier === undefined}
            loading={copy.isPending}
            onClick={() =>
              earlier !== undefined &&
              copy.mutate(earlier, {
                onError: (error) =>
                  message.error(
                    t("targets.taskList.failed", { message: errorText(error, t, "save") }),
                  ),
              })
            }
          >
            {earlier === undefined
              ? t("targets.taskList.noEarlier")
              : t("targets.taskList.copyFrom", { year: earlier })}
          </Button>
          {data.listed ? (
            <Popconfirm
              title={t("targets.taskList.removeConfirm")}
              onConfirm={() => send([], t("targets.taskList.removed"))}
            >
              <Button danger>{t("targets.taskList.remove")}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
      <Table<Row>
        rowKey={(r) => r.indicator.code}
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t("targets.taskList.onList"),
            width: 90,
            render: (_, r) => (
              <Checkbox
                aria-label={`${t("targets.taskList.onList")}: ${nameOf(r.indicator, language)}`}
                data-testid={`task-${r.indicator.code}`}
                checked={r.listed}
                disabled={!canEdit}
                onChange={(e) => change(r.indicator.code, { listed: e.target.checked })}
              />
            ),
          },
          {
            title: t("targets.taskList.indicator"),
            render: (_, r) => nameOf(r.indicator, language),
          },
          {
            title: (
              <span title={t("targets.taskList.regionsHint")}>{t("targets.taskList.regions")}</span>
            ),
            render: (_, r) => (
              <Select
                mode="multiple"
                allowClear
                className="task-list-regions"
                aria-label={`${t("targets.taskList.regions")}: ${nameOf(r.indicator, language)}`}
                data-testid={`task-regions-${r.indicator.code}`}
                placeholder={t("targets.taskList.allRegions")}
                disabled={!canEdit || !r.listed}
                value={r.regions}
                options={regionOptions}
                optionFilterProp="label"
                onChange={(regions: string[]) => change(r.indicator.code, { regions })}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
