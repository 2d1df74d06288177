import type { Language } from "@/lib/i18n";

const DASH = "—";
const MINUS = "\u2212";

type Named = { nameZh: string; nameEn: string };
type Unit = { unitZh: string; unitEn: string; kind: "cumulative" | "ratio" | "level" };

export const nameOf = (item: Named, language: Language) =>
  language === "en" ? item.nameEn : item.nameZh;

export const unitOf = (indicator: Omit<Unit, "kind">, language: Language) =>
  language === "en" ? indicator.unitEn : indicator.unitZh;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, digits: number) {
  const key = `${language}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: 0,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

const signed = (value: number, text: string) =>
  value < 0 ? `${MINUS}${text.replace(/^-/, "")}` : value > 0 ? `+${text}` : text;

/** A fraction as a percentage with one decimal: 0.723 → "72.3%". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction == null || !Number.isFinite(fraction)) return DASH;
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A lag in percentage points, signed with a true minus: −12.3 个百分点 / −12.3 pp. */
export function formatPoints(points: number | null | undefined, language: Language): string {
  if (points == null || !Number.isFinite(points)) return DASH;
  const text = signed(points, Math.abs(points).toFixed(1));
  return language === "en" ? `${text} pp` : `${text} 个百分点`;
}

/** A plain number in the language's grouping: 7899 → "7,899". */
export function formatNumber(value: number | null | undefined, language: Language, digits = 1) {
  if (value == null || !Number.isFinite(value)) return DASH;
  return numberFormat(language, digits).format(value);
}

/** Shares (ratio indicators, and rates such as the sludge disposal rate) are stored as fractions. */
export const isShare = (indicator: Unit) => indicator.kind === "ratio" || indicator.unitEn === "%";

/** A figure of an indicator with its unit; ratio figures are fractions and shown as %. */
export function formatQuantity(
  value: number | null | undefined,
  indicator: Unit,
  language: Language,
): string {
  if (value == null || !Number.isFinite(value)) return DASH;
  if (isShare(indicator)) return formatPercent(value);
  const unit = unitOf(indicator, language);
  const separator = language === "en" ? " " : "";
  return `${formatNumber(value, language)}${separator}${unit}`;
}

const monthNames = new Intl.DateTimeFormat("en", { month: "short", timeZone: "UTC" });
/** "3月" in Chinese, "Mar" in English. */
export function formatMonth(month: number, language: Language): string {
  if (language === "en") return monthNames.format(new Date(Date.UTC(2000, month - 1, 1)));
  return `${month}月`;
}

/** What the figure is called: a year-to-date sum, or the current value of a share or level. */
export const actualLabelKey = (kind: Unit["kind"]) =>
  kind === "cumulative" ? "metric.actual" : "metric.current";

/** Deadlines, submissions and audit entries are Beijing time, whatever zone the browser is in. */
const BEIJING = "Asia/Shanghai";

const beijingFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as Beijing sees it. `date`: 2023年1月5日; `minute`: 2023年1月5日 10:00 (the
 * language's own style, as people read it); `stamp`: 2023-01-05 10:00:00 (the same width in
 * every row, as a log wants it).
 */
export function formatBeijingTime(
  iso: string | Date | null | undefined,
  language: Language,
  style: "date" | "minute" | "stamp" = "minute",
): string {
  if (!iso) return DASH;
  const key = `${language}:${style}`;
  let format = beijingFormats.get(key);
  if (!format) {
    format =
      style === "stamp"
        ? new Intl.DateTimeFormat("en-CA", {
            timeZone: BEIJING,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
            hourCycle: "h23",
          })
        : new Intl.DateTimeFormat(language, {
            timeZone: BEIJING,
            dateStyle: style === "date" ? "long" : "medium",
            ...(style === "minute" ? { timeStyle: "short" as const } : {}),
          });
    beijingFormats.set(key, format);
  }
  if (style !== "stamp") return format.format(new Date(iso));
  const parts = Object.fromEntries(
    format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
