import { dashboardProvince } from "@jindu/domain";
import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { useSession } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import { withinProvince } from "@/utils/scope";
import { type RegionEntry, useRegions } from "../api/get-regions";

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

interface RegionSelectProps {
  value: string;
  onChange: (code: string) => void;
  /** Only regions with sub-regions can be picked (for screens that compare children). */
  parentsOnly?: boolean;
  label?: string;
}

export function RegionSelect({ value, onChange, parentsOnly = false, label }: RegionSelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const regions = useRegions();
  // Only the regions whose dashboards the user may read: their province, or all for national.
  const province = dashboardProvince(useSession().data?.user.regionCode ?? null);
  const treeData = useMemo(() => {
    const toOption = (node: RegionEntry): TreeOption => ({
      value: node.code,
      title: nameOf(node, language),
      disabled: parentsOnly && node.children.length === 0,
      children: node.children.map(toOption),
    });
    return ((regions.data?.regions ?? []) as RegionEntry[])
      .filter((node) => withinProvince(province, node.code))
      .map(toOption);
  }, [regions.data, language, parentsOnly, province]);

  return (
    <TreeSelect
      aria-label={label ?? t("filters.region")}
      data-testid="region-select"
      className="filter-region"
      loading={regions.isPending}
      value={regions.data ? value : undefined}
      treeData={treeData}
      onChange={(code: string) => onChange(code)}
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandedKeys={[value]}
      popupMatchSelectWidth={false}
    />
  );
}
