import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";

/** A region of the catalogue's tree, as the regions endpoint gives it. */
export interface ScopeRegion {
  code: string;
  nameZh: string;
  nameEn: string;
  children: ScopeRegion[];
}

interface ScopeSelectProps {
  regions: ScopeRegion[];
  value?: string | null;
  onChange?: (code: string | null) => void;
  placeholder?: string;
  /** Whether the choice may be cleared (nationwide). */
  clearable: boolean;
  id?: string;
}

interface Option {
  value: string;
  title: string;
  children: Option[];
}

/** The region an account answers for, picked from the province → city → county tree. */
export function ScopeSelect({
  regions,
  value,
  onChange,
  placeholder,
  clearable,
  id,
}: ScopeSelectProps) {
  const language = useLanguage();
  const treeData = useMemo(() => {
    const toOption = (node: ScopeRegion): Option => ({
      value: node.code,
      title: `${nameOf(node, language)} ${node.code}`,
      children: node.children.map(toOption),
    });
    return regions.map(toOption);
  }, [regions, language]);
  return (
    <TreeSelect
      id={id}
      data-testid="user-region"
      value={value ?? undefined}
      onChange={(code?: string) => onChange?.(code ?? null)}
      treeData={treeData}
      allowClear={clearable}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: "title" }}
      popupMatchSelectWidth={false}
      style={{ width: "100%" }}
    />
  );
}

/** Every region of the tree by code, for names in tables. */
export function regionIndex(regions: ScopeRegion[]): Map<string, ScopeRegion> {
  const index = new Map<string, ScopeRegion>();
  const walk = (nodes: ScopeRegion[]) => {
    for (const node of nodes) {
      index.set(node.code, node);
      walk(node.children);
    }
  };
  walk(regions);
  return index;
}
