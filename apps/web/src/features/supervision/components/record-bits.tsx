import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useIndicators } from "@/features/catalogue/api/get-indicators";
import { useLanguage } from "@/hooks/use-language";
import { formatBeijingTime, nameOf } from "@/utils/format";
import type { SupervisionRecord } from "../api/supervision";
import { isOverdue } from "../utils";
import "@/features/supervision/locales";

const KIND_COLORS: Record<SupervisionRecord["kind"], string> = {
  reminder: "gold",
  interview: "orange",
  listed: "red",
};

/** 提醒 in gold, 约谈 in orange, 挂牌督办 (the heaviest measure) in red. */
export function KindTag({ kind }: { kind: SupervisionRecord["kind"] }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="supervision-kind">
      {t(`supervision.kind.${kind}`)}
    </Tag>
  );
}

/** Open or closed, and once proposed, 建议销号 beside it. */
export function StatusBadge({ record }: { record: SupervisionRecord }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag
        color={record.status === "open" ? "processing" : "success"}
        data-testid="supervision-status"
      >
        {t(`supervision.status.${record.status}`)}
      </Tag>
      {record.closeProposedAt ? (
        <Tag color="green" data-testid="supervision-proposed">
          {t("supervision.proposed")}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The region's answer (explanation and measures, who and when), or that it is awaited. */
export function AnswerBlock({ record }: { record: SupervisionRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = record.answer;
  if (!answer) {
    return record.status === "open" ? (
      <span className="muted" data-testid="supervision-answer-waiting">
        {t("supervision.answer.waiting")}
      </span>
    ) : (
      <span className="muted">—</span>
    );
  }
  return (
    <div data-testid="supervision-answer-text">
      <div>
        <strong>{t("supervision.field.explanation")}：</strong>
        <span style={{ whiteSpace: "pre-wrap" }}>{answer.explanation}</span>
      </div>
      <div>
        <strong>{t("supervision.field.measures")}：</strong>
        <span style={{ whiteSpace: "pre-wrap" }}>{answer.measures}</span>
      </div>
      <Space size={4} className="muted">
        {t("supervision.answer.by", {
          user: answer.answeredBy,
          date: formatBeijingTime(answer.answeredAt, language, "date"),
        })}
        {answer.late ? <Tag color="warning">{t("supervision.answer.late")}</Tag> : null}
      </Space>
    </div>
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
