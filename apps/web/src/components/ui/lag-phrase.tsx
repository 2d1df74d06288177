import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { formatPoints } from "@/utils/format";

/**
 * The lag beside its label: 进度差 +2.7 个百分点 in Chinese, where the sign reads naturally, and
 * "ahead by 2.7 pp" / "behind by 2.7 pp" in English, where "Lag +2.7 pp" read as being behind.
 */
export function LagPhrase({
  points,
  testId,
}: {
  points: number | null | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (language !== "en" || points == null || !Number.isFinite(points)) {
    return (
      <>
        <span className="tile-label">{t("metric.lag")} </span>
        <strong data-testid={testId}>{formatPoints(points, language)}</strong>
      </>
    );
  }
  const size = Math.abs(points).toFixed(1);
  const text =
    size === "0.0" ? "on schedule" : points > 0 ? `ahead by ${size} pp` : `behind by ${size} pp`;
  return <strong data-testid={testId}>{text}</strong>;
}
