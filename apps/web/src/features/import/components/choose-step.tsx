import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Space, TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { RegionEntry } from "@/features/catalogue/api/get-regions";
import { regionPath, useRegions } from "@/features/catalogue/api/get-regions";
import { PeriodSelect } from "@/features/catalogue/components/period-select";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import { type ImportTarget, templateHref } from "../api/upload";
import "@/features/import/locales";

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

interface ChooseStepProps {
  target: ImportTarget;
  /** The region the user reports for: only it and the regions below it can be chosen. */
  scope: string | null;
  onChange: (change: Partial<ImportTarget>) => void;
  onNext: () => void;
}

/** Step 1: which region's month, and its template to fill in. */
export function ChooseStep({ target, scope, onChange, onNext }: ChooseStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const regions = useRegions();
  const treeData = useMemo(() => {
    const toOption = (node: RegionEntry): TreeOption => ({
      value: node.code,
      title: nameOf(node, language),
      children: node.children.map(toOption),
    });
    const roots = scope
      ? regionPath(regions.data, scope).slice(-1)
      : ((regions.data?.regions ?? []) as RegionEntry[]);
    return roots.map(toOption);
  }, [regions.data, scope, language]);
  return (
    <div className="import-step" data-testid="import-choose">
      <p>{t("import.choose.intro")}</p>
      <div className="filter-bar">
        <div className="filter-field">
          <span>{t("import.choose.region")}</span>
          <TreeSelect
            aria-label={t("import.choose.region")}
            data-testid="import-region"
            className="filter-region"
            loading={regions.isPending}
            value={regions.data ? target.parent : undefined}
            treeData={treeData}
            treeDefaultExpandAll
            onChange={(parent: string) => onChange({ parent })}
            showSearch={{ treeNodeFilterProp: "title" }}
            popupMatchSelectWidth={false}
          />
        </div>
        <div className="filter-field filter-period">
          <span>{t("import.choose.period")}</span>
          <span className="filter-period-inputs">
            <PeriodSelect
              region={target.parent}
              kind="open"
              year={target.year}
              month={target.month}
              onChange={onChange}
            />
          </span>
        </div>
      </div>
      <Alert type="info" showIcon title={t("import.choose.templateHint")} />
      <Space wrap className="import-actions">
        <Button
          icon={<DownloadOutlined />}
          href={templateHref(target)}
          download
          data-testid="template-download"
        >
          {t("import.choose.download")}
        </Button>
        <Button type="primary" onClick={onNext} data-testid="import-next">
          {t("import.choose.next")}
        </Button>
      </Space>
    </div>
  );
}
