import { ArrowRightOutlined } from "@ant-design/icons";
import type { Indicator } from "@jindu/api/schemas";
import { Alert, Button, Radio, Space, Statistic, Table } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import type { Language } from "@/lib/i18n";
import { formatNumber, formatQuantity, nameOf } from "@/utils/format";
import type { ImportAction, ImportResult } from "../api/upload";
import "@/features/import/locales";

type PreviewLine = ImportResult["preview"][number];
type Figures = PreviewLine["new"];

interface PreviewStepProps {
  result: ImportResult;
  onDownloadAnnotated: () => void;
  downloading: boolean;
  regionNames: Map<string, { nameZh: string; nameEn: string }>;
  indicators: Map<string, Indicator>;
  action: ImportAction;
  actions: ImportAction[];
  onAction: (action: ImportAction) => void;
  onConfirm: () => void;
  onBack: () => void;
  confirming: boolean;
}

export const ACTION_KEY: Record<ImportAction, string> = {
  draft: "import.preview.actionDraft",
  submitted: "import.preview.actionSubmitted",
  approved: "import.preview.actionApproved",
};

/** A figure as people read it: a quantity with its unit, or a share's two parts and the share. */
export function formatFigures(
  figures: Figures | null,
  indicator: Indicator | undefined,
  language: Language,
): string | null {
  if (!figures) return null;
  if (!indicator) return formatNumber(figures.value ?? figures.numerator, language, 4);
  if (indicator.kind === "ratio") {
    const { numerator, denominator } = figures;
    if (numerator === null || denominator === null) return null;
    const share = denominator === 0 ? null : numerator / denominator;
    return `${formatNumber(numerator, language, 2)} / ${formatNumber(denominator, language, 2)} (${formatQuantity(share, indicator, language)})`;
  }
  return figures.value === null ? null : formatQuantity(figures.value, indicator, language);
}

/** Step 3: what the file would change, old → new, before anything is written. */
export function PreviewStep({
  result,
  onDownloadAnnotated,
  downloading,
  regionNames,
  indicators,
  action,
  actions,
  onAction,
  onConfirm,
  onBack,
  confirming,
}: PreviewStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unchanged = Math.max(0, result.rows - result.regions);
  const stats = [
    { key: "rows", value: result.rows },
    { key: "changed", value: result.changed },
    { key: "regions", value: result.regions },
    { key: "unchanged", value: unchanged },
  ];
  const blank = t("import.preview.empty");
  const regionName = (code: string) => {
    const region = regionNames.get(code);
    return region ? nameOf(region, language) : code;
  };
  const indicatorName = (field: string) => {
    const indicator = indicators.get(field.split(".")[0] ?? "");
    return indicator ? nameOf(indicator, language) : field;
  };
  const problemText = (p: ImportResult["held"][number]) =>
    p.rule ? t(`import.rule.${p.rule}`, { ...p.params, defaultValue: p.reason }) : p.reason;
  // Why a region's month would stay a draft if submitted: one line per region.
  const heldRegions = result.months.filter((m) => result.held.some((h) => h.row === m.row));
  return (
    <div className="import-step" data-testid="import-preview">
      <div className="import-stats">
        {stats.map((stat) => (
          <div key={stat.key} data-testid={`preview-${stat.key}`} data-value={stat.value}>
            <Statistic title={t(`import.preview.${stat.key}`)} value={stat.value} />
          </div>
        ))}
      </div>
      {result.changed === 0 ? (
        <Alert type="info" showIcon title={t("import.preview.none")} />
      ) : (
        <Table<PreviewLine>
          size="small"
          data-testid="preview-table"
          rowKey={(line) => `${line.region}|${line.indicator}`}
          dataSource={result.preview}
          pagination={result.preview.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(line) =>
            ({
              "data-region": line.region,
              "data-indicator": line.indicator,
            }) as React.HTMLAttributes<HTMLElement>
          }
          footer={
            result.preview.length < result.changed
              ? () => t("import.preview.truncated", { count: result.preview.length })
              : undefined
          }
          columns={[
            {
              key: "region",
              title: t("import.preview.region"),
              render: (_, line) => {
                const region = regionNames.get(line.region);
                return region ? nameOf(region, language) : line.region;
              },
            },
            {
              key: "indicator",
              title: t("import.preview.indicator"),
              render: (_, line) => {
                const indicator = indicators.get(line.indicator);
                return indicator ? nameOf(indicator, language) : line.indicator;
              },
            },
            {
              key: "change",
              title: t("import.preview.change"),
              render: (_, line) => {
                const indicator = indicators.get(line.indicator);
                const old = formatFigures(line.old, indicator, language);
                const next = formatFigures(line.new, indicator, language);
                return (
                  <span className="import-change">
                    <span
                      className={old === null ? "import-old muted" : "import-old"}
                      data-testid="preview-old"
                    >
                      {old ?? blank}
                    </span>
                    <ArrowRightOutlined aria-label="→" className="import-arrow" />
                    <strong className="import-new" data-testid="preview-new">
                      {next ?? blank}
                    </strong>
                  </span>
                );
              },
            },
          ]}
        />
      )}
      {result.warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="preview-warnings"
          title={t("import.preview.warningsTitle", { count: result.warnings.length })}
          description={
            <ul className="import-problems">
              {result.warnings.map((w) => (
                <li key={`${w.row}-${w.column}-${w.rule}`}>
                  {regionName(result.months.find((m) => m.row === w.row)?.region ?? "")} ·{" "}
                  {indicatorName(w.field)}：{problemText(w)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {action !== "draft" && heldRegions.length > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="preview-held"
          title={t("import.preview.heldTitle", { count: heldRegions.length })}
          description={
            <>
              <ul className="import-problems">
                {heldRegions.map((m) => (
                  <li key={m.region} data-region={m.region}>
                    <strong>{regionName(m.region)}</strong>：
                    {result.held
                      .filter((h) => h.row === m.row)
                      .map((h) =>
                        h.rule === "explanation_required"
                          ? `${indicatorName(h.field)} ${problemText(h)}`
                          : problemText(h),
                      )
                      .join("；")}
                  </li>
                ))}
              </ul>
              <p>{t("import.preview.heldHint")}</p>
              <Button
                size="small"
                onClick={onDownloadAnnotated}
                loading={downloading}
                data-testid="held-annotated-download"
              >
                {t("import.errors.annotated")}
              </Button>
            </>
          }
        />
      ) : null}
      <div className="import-confirm-bar">
        <div className="filter-field">
          <span>{t("import.preview.action")}</span>
          <Radio.Group
            value={action}
            onChange={(event) => onAction(event.target.value as ImportAction)}
            optionType="button"
            options={actions.map((value) => ({ value, label: t(ACTION_KEY[value]) }))}
            data-testid="import-action"
          />
          <span className="muted import-action-hint">{t("import.preview.actionHint")}</span>
        </div>
        <Space wrap>
          <Button onClick={onBack} disabled={confirming}>
            {t("import.upload.back")}
          </Button>
          <Button
            type="primary"
            onClick={onConfirm}
            loading={confirming}
            disabled={result.changed === 0}
            data-testid="import-confirm"
          >
            {t("import.preview.confirm")}
          </Button>
        </Space>
      </div>
    </div>
  );
}
