import type { OverviewTile } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import { StatusTag } from "@/components/ui/status-tag";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, nameOf } from "@/utils/format";
import "@/features/map/locales";

interface HeadlineTilesProps {
  tiles: readonly OverviewTile[];
  /** The indicator the map and the 后五 show now. */
  current: string | undefined;
}

/** The overview's headline figures, one large tile per indicator of the current page. */
export function HeadlineTiles({ tiles, current }: HeadlineTilesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="cockpit-headline" aria-label={t("map.cockpitScreen.headline")}>
      {tiles.map(({ indicator, line }) => {
        const status = statusKey(line.status);
        return (
          <div
            key={indicator.code}
            className={
              indicator.code === current ? "cockpit-tile cockpit-tile-current" : "cockpit-tile"
            }
            data-testid="cockpit-tile"
            data-indicator={indicator.code}
            data-status={status}
            style={{ borderTopColor: STATUS_STYLE[status].color }}
          >
            <div className="cockpit-tile-name">{nameOf(indicator, language)}</div>
            <div className="cockpit-tile-value">{formatPercent(line.completion)}</div>
            <div className="cockpit-tile-foot">
              <span>
                {t("map.cockpitScreen.schedule", { value: formatPercent(line.schedule) })}
              </span>
              <StatusTag status={status} />
            </div>
          </div>
        );
      })}
    </section>
  );
}
