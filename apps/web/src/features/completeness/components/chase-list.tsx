import { Empty, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import type { CompletenessLine, CompletenessResponse } from "../api/get-completeness";
import { daysLate, formatDateTime, TimelinessTag } from "./timeliness";

interface ChaseListProps {
  data: CompletenessResponse;
  onOpen: (line: CompletenessLine) => void;
}

/**
 * 催报: the regions still missing (as the API lists them, most overdue first), then those that
 * reported late, with a notice ready to paste into a message to the missing ones.
 */
export function ChaseList({ data, onOpen }: ChaseListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const byCode = new Map(data.regions.map((line) => [line.region.code, line]));
  const missing = data.chase.flatMap((ref) => byCode.get(ref.code) ?? []);
  const late = data.regions.filter((line) => line.timeliness === "late");
  const lines = [...missing, ...late];
  if (lines.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t(data.due ? "completeness.chaseEmpty" : "completeness.notDueMonth")}
        data-testid={data.due ? undefined : "chase-not-due"}
      />
    );
  }
  const separator = language === "en" ? ", " : "、";
  const notice =
    missing.length > 0
      ? t("completeness.chaseNotice", {
          regions: missing.map((line) => nameOf(line.region, language)).join(separator),
          year: data.year,
          month: data.month,
          date: formatDateTime(data.deadline, language, false),
        })
      : null;
  return (
    <>
      <ul className="chase-list" data-testid="chase-list">
        {lines.map((line) => (
          <li key={line.region.code} data-region={line.region.code}>
            <button type="button" className="chase-region" onClick={() => onOpen(line)}>
              {nameOf(line.region, language)}
            </button>
            <TimelinessTag value={line.timeliness} />
            {line.timeliness === "late" ? (
              <span className="muted">
                {t("completeness.daysLate", {
                  count: daysLate(line.firstSubmittedAt, data.onTimeUntil),
                })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {notice ? (
        <Typography.Paragraph
          className="chase-notice"
          data-testid="chase-notice"
          copyable={{ text: notice, tooltips: [t("completeness.copy"), "✓"] }}
        >
          {notice}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
