import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { SubmissionView } from "../api/submissions";
import "@/features/entry/locales";

const COLORS = {
  none: "default",
  draft: "processing",
  submitted: "blue",
  approved: "success",
  returned: "error",
} as const;

/** Where a month stands in the workflow, as a word (the colour only repeats it). */
export function SubmissionStatusTag({ status }: { status: SubmissionView["status"] }) {
  const { t } = useTranslation();
  const key = status ?? "none";
  return (
    <Tag color={COLORS[key]} data-testid="submission-status" data-status={key}>
      {t(`entry.status.${key}`)}
    </Tag>
  );
}
