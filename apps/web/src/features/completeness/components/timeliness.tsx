import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  MinusCircleFilled,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "@/lib/i18n";
import { formatBeijingTime } from "@/utils/format";
import type { Timeliness } from "../api/get-completeness";

/** Okabe–Ito colours as on the status tags; an icon and a word go with each. */
export const TIMELINESS_STYLE: Record<Timeliness, { color: string; text: string }> = {
  on_time: { color: "#007A5A", text: "#ffffff" },
  late: { color: "#E69F00", text: "#1f1f1f" },
  missing: { color: "#B84F00", text: "#ffffff" },
  not_due: { color: "#6e6e6e", text: "#ffffff" },
};

export const TIMELINESS_ORDER: Timeliness[] = ["not_due", "on_time", "late", "missing"];

/** The locale key of each timeliness: on_time → completeness.onTime. */
export const TIMELINESS_KEY: Record<Timeliness, "onTime" | "late" | "missing" | "notDue"> = {
  on_time: "onTime",
  late: "late",
  missing: "missing",
  not_due: "notDue",
};

const ICONS: Record<Timeliness, ReactNode> = {
  on_time: <CheckCircleFilled />,
  late: <ClockCircleFilled />,
  missing: <CloseCircleFilled />,
  not_due: <MinusCircleFilled />,
};

export function TimelinessTag({ value }: { value: Timeliness }) {
  const { t } = useTranslation();
  const style = TIMELINESS_STYLE[value];
  return (
    <span
      className="status-tag"
      data-timeliness={value}
      style={{ background: style.color, color: style.text }}
    >
      {ICONS[value]}
      <span>{t(`completeness.${TIMELINESS_KEY[value]}`)}</span>
    </span>
  );
}

/** A deadline's day, or a moment to the minute, in Beijing time. */
export function formatDateTime(iso: string | null, language: Language, withTime = true) {
  return formatBeijingTime(iso, language, withTime ? "minute" : "date");
}

/** Whole days (rounded up) a submission came after its deadline (give the end of any grace). */
export function daysLate(submittedAt: string | null, deadline: string): number {
  if (!submittedAt) return 0;
  const ms = new Date(submittedAt).getTime() - new Date(deadline).getTime();
  return ms > 0 ? Math.ceil(ms / 86_400_000) : 0;
}
