import type { ProgressLine } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints } from "@/utils/format";
import "@/features/map/locales";

interface SlowFiveProps {
  /** The slowest five (后五) by completion, worst first, with their names. */
  items: readonly { code: string; name: string; line: ProgressLine }[];
}

/** The wall display's 后五: big enough to read from the back of the meeting room. */
export function SlowFive({ items }: SlowFiveProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="cockpit-slow" data-testid="cockpit-slow">
      <h2>{t("map.cockpitScreen.slowFive")}</h2>
      {items.length === 0 ? (
        <p className="cockpit-muted">{t("map.cockpitScreen.noSlow")}</p>
      ) : (
        <ol>
          {items.map(({ code, name, line }) => (
            <li key={code} data-testid="cockpit-slow-item" data-region={code}>
              <span className="cockpit-slow-name">{name}</span>
              <span className="cockpit-slow-value">{formatPercent(line.completion)}</span>
              <span
                className={
                  (line.lag ?? 0) < 0 ? "cockpit-slow-lag cockpit-slow-behind" : "cockpit-slow-lag"
                }
              >
                {formatPoints(line.lag, language)}
              </span>
              <StatusTag status={statusKey(line.status)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
