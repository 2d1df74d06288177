import type { Language } from "@/lib/i18n";

const formats = new Map<Language, Intl.DateTimeFormat>();

/** A moment in Beijing time, to the minute: 2026-03-05 14:07. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return "—";
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === "en" ? "en-CA" : "zh-CN", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formats.set(language, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
