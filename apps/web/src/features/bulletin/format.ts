import type { Language } from "@/lib/i18n";

const ZONE = "Asia/Shanghai";

/** A date as Beijing sees it: 2023年1月5日 / January 5, 2023. */
export function formatDate(iso: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: ZONE }).format(
    new Date(iso),
  );
}

/** A moment in Beijing time, to the minute. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: ZONE,
  }).format(new Date(iso));
}

/** A lag in percentage points for a table whose header names the unit: −12.3, +4.0. */
export function formatLag(points: number | null | undefined): string {
  if (points == null || !Number.isFinite(points)) return "—";
  const text = Math.abs(points).toFixed(1);
  if (text === "0.0") return text;
  return points < 0 ? `\u2212${text}` : `+${text}`;
}
