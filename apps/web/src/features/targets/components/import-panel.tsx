import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space, Table, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { errorText } from "@/lib/error-text";
import { formatMonth, formatNumber, nameOf } from "@/utils/format";
import { type TargetImportResult, templateHref, useImportTargets } from "../api/targets";
import "@/features/import/locales";
import "@/features/targets/locales";

interface Props {
  region: { code: string; nameZh: string; nameEn: string };
  year: number;
  indicator: string;
}

type ErrorRow = TargetImportResult["errors"][number];
type PreviewRow = TargetImportResult["preview"][number];

/** Targets from a filled template: checked as a whole, imported only when all of it is right. */
export function ImportPanel({ region, year, indicator }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const run = useImportTargets();
  const result = run.data;

  const start = (dryRun: boolean) => {
    if (file) run.mutate({ parent: region.code, file, dryRun });
  };
  const figure = (v: { value: number; dueMonth: number } | null) =>
    v
      ? `${formatNumber(v.value, language, 4)} · ${t("targets.dueMonthValue", { month: formatMonth(v.dueMonth, language) })}`
      : "—";

  return (
    <Card size="small" title={t("targets.import.title")} className="targets-import">
      <Typography.Paragraph type="secondary">
        {t("targets.import.description", { region: nameOf(region, language) })}
      </Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          href={templateHref({ parent: region.code, year, indicator })}
          data-testid="targets-template"
        >
          {t("targets.import.template")}
        </Button>
        <Button href={templateHref({ parent: region.code, year })}>
          {t("targets.import.allIndicators")}
        </Button>
      </Space>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv"
        hidden
        data-testid="targets-file"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          run.reset();
        }}
      />
      <Space wrap className="targets-actions targets-block">
        <Button
          icon={<UploadOutlined />}
          onClick={() => {
            // The same file again, edited since, must be read again.
            if (input.current) input.current.value = "";
            input.current?.click();
          }}
        >
          {file ? file.name : t("targets.import.choose")}
        </Button>
        <Button disabled={!file} loading={run.isPending} onClick={() => start(true)}>
          {t("targets.import.check")}
        </Button>
        <Button
          type="primary"
          data-testid="targets-import-run"
          disabled={!file}
          loading={run.isPending}
          onClick={() => start(false)}
        >
          {t("targets.import.run")}
        </Button>
      </Space>
      {run.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(run.error, t, "upload")}
          className="targets-result"
        />
      ) : null}
      {result ? (
        <div data-testid="targets-import-result" className="targets-result">
          <Alert
            className="targets-check"
            type={result.ok ? "success" : "error"}
            showIcon
            title={
              result.ok
                ? t(result.dryRun ? "targets.import.checked" : "targets.import.done", {
                    rows: result.rows,
                    changed: result.changed,
                  })
                : t("targets.import.failed", { count: result.errors.length })
            }
          />
          {result.errors.length > 0 ? (
            <Table<ErrorRow>
              data-testid="targets-import-errors"
              size="small"
              rowKey={(e) => `${e.row}|${e.column}|${e.field}|${e.reason}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={result.errors}
              columns={[
                { title: t("targets.import.row"), dataIndex: "row", width: 70 },
                { title: t("targets.import.column"), dataIndex: "column", width: 70 },
                { title: t("targets.import.field"), dataIndex: "field", width: 120 },
                {
                  title: t("targets.import.reason"),
                  dataIndex: "reason",
                  // The same rules and words as the figures' import.
                  render: (_, e) =>
                    e.rule
                      ? t(`import.rule.${e.rule}`, { ...e.params, defaultValue: e.reason })
                      : e.reason,
                },
              ]}
            />
          ) : null}
          {result.ok && result.preview.length > 0 ? (
            <Table<PreviewRow>
              size="small"
              rowKey={(p) => `${p.region}|${p.indicator}|${p.year}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={result.preview}
              columns={[
                { title: t("targets.region"), dataIndex: "region" },
                { title: t("filters.indicator"), dataIndex: "indicator" },
                { title: t("filters.year"), dataIndex: "year" },
                { title: t("targets.import.old"), key: "old", render: (_, p) => figure(p.old) },
                { title: t("targets.import.new"), key: "new", render: (_, p) => figure(p.new) },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
