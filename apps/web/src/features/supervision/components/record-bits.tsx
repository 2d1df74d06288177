import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useIndicators } from "@/features/catalogue/api/get-indicators";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import type { SupervisionRecord } from "../api/supervision";
import { isOverdue } from "../utils";

/** 约谈 in orange, 挂牌督办 (the heavier measure) in red. */
export function KindTag({ kind }: { kind: SupervisionRecord["kind"] }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === "listed" ? "red" : "orange"} data-testid="supervision-kind">
      {t(`supervision.kind.${kind}`)}
    </Tag>
  );
}

export function StatusBadge({ record }: { record: SupervisionRecord }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={record.status === "open" ? "processing" : "success"}
      data-testid="supervision-status"
    >
      {t(`supervision.status.${record.status}`)}
    </Tag>
  );
}

/** The deadline, in red with an "overdue" tag once it has passed on an open record. */
export function Deadline({ record }: { record: SupervisionRecord }) {
  const { t } = useTranslation();
  const overdue = isOverdue(record);
  return (
    <Space size={4} wrap>
      <span style={overdue ? { color: "#cf1322", fontWeight: 600 } : undefined}>
        {record.deadline}
      </span>
      {overdue ? (
        <Tag color="error" data-testid="supervision-overdue">
          {t("supervision.overdue")}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The indicators' names in the current language; codes until the catalogue has loaded. */
export function useIndicatorNames() {
  const language = useLanguage();
  const indicators = useIndicators();
  const names = new Map(
    (indicators.data?.indicators ?? []).map((i) => [i.code, nameOf(i, language)]),
  );
  return (codes: string[]) => codes.map((code) => names.get(code) ?? code).join("、");
}
