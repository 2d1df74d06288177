import type { Language } from "@/lib/i18n";
import { formatBeijingTime } from "@/utils/format";

/** A date as Beijing sees it: 2023年1月5日 / January 5, 2023. */
export const formatDate = (iso: string | Date, language: Language) =>
  formatBeijingTime(iso, language, "date");

/** A moment in Beijing time, to the minute. */
export const formatDateTime = (iso: string, language: Language) =>
  formatBeijingTime(iso, language, "minute");

/** A lag in percentage points for a table whose header names the unit: −12.3, +4.0. */
export function formatLag(points: number | null | undefined): string {
  if (points == null || !Number.isFinite(points)) return "—";
  const text = Math.abs(points).toFixed(1);
  if (text === "0.0") return text;
  return points < 0 ? `\u2212${text}` : `+${text}`;
}
