import { TreeSelect } from "antd";
import { useMemo } from "react";
import { type RegionEntry, useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import { scopeRoots } from "../utils";

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

interface ScopeRegionSelectProps {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId: string;
  id?: string;
  label: string;
}

/** A region in the signed-in user's scope: their region and below (every region if national). */
export function ScopeRegionSelect({
  value,
  onChange,
  placeholder,
  allowClear = false,
  testId,
  id,
  label,
}: ScopeRegionSelectProps) {
  const language = useLanguage();
  const user = useUser();
  const regions = useRegions();
  const roots = useMemo(
    () => scopeRoots(regions.data, user.regionCode),
    [regions.data, user.regionCode],
  );
  const treeData = useMemo(() => {
    const toOption = (node: RegionEntry): TreeOption => ({
      value: node.code,
      title: nameOf(node, language),
      children: node.children.map(toOption),
    });
    return roots.map(toOption);
  }, [roots, language]);
  return (
    <TreeSelect
      id={id}
      aria-label={label}
      data-testid={testId}
      style={{ minWidth: 220 }}
      loading={regions.isPending}
      value={regions.data ? value : undefined}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      onChange={(code: string | undefined) => onChange?.(code ?? undefined)}
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandedKeys={roots.map((root) => root.code)}
      popupMatchSelectWidth={false}
    />
  );
}
