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
