import type { OverviewTile } from "@jindu/api/schemas";
import { Card, Progress, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LagPhrase } from "@/components/ui/lag-phrase";
import { StatusTag } from "@/components/ui/status-tag";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { actualLabelKey, formatPercent, formatQuantity, nameOf } from "@/utils/format";
import { ChildStatusBar } from "./child-status-bar";
import { Sparkline } from "./sparkline";

interface IndicatorTileProps {
  tile: OverviewTile;
  /** Where the tile leads: the comparison of the region's children on this indicator. */
  href: string;
}

export function IndicatorTile({ tile, href }: IndicatorTileProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { indicator, line } = tile;
  const status = statusKey(line.status);
  const completion = line.completion;
  return (
    <Card
      size="small"
      className="indicator-tile"
      data-testid="indicator-tile"
      data-indicator={indicator.code}
      data-status={status}
      style={{ borderTop: `4px solid ${STATUS_STYLE[status].color}` }}
      title={
        <Link to={href} className="tile-title" title={nameOf(indicator, language)}>
          {nameOf(indicator, language)}
        </Link>
      }
      extra={<StatusTag status={status} />}
    >
      <div className="tile-figures">
        <div>
          <div className="tile-label">{t("metric.completion")}</div>
          <div className="tile-completion" data-testid="tile-completion">
            {formatPercent(completion)}
          </div>
        </div>
        <div className="tile-side">
          <div>
            <span className="tile-label">{t("metric.schedule")} </span>
            <strong data-testid="tile-schedule">{formatPercent(line.schedule)}</strong>
          </div>
          <div>
            <LagPhrase points={line.lag} testId="tile-lag" />
          </div>
        </div>
      </div>
      <div className="tile-bar">
        <Progress
          percent={Math.min(100, (completion ?? 0) * 100)}
          strokeColor={STATUS_STYLE[status].color}
          showInfo={false}
          size="small"
          aria-label={t("metric.completion")}
        />
        {/* The schedule as a tick across the bar: where the bar should have reached by now. */}
        <div
          className="schedule-mark"
          aria-hidden
          style={{ left: `${Math.min(100, line.schedule * 100)}%` }}
        />
      </div>
      <Typography.Text type="secondary" className="tile-ytd">
        {t(actualLabelKey(indicator.kind))} {formatQuantity(line.actual, indicator, language)} /{" "}
        {t("metric.target")} {formatQuantity(line.target, indicator, language)}
      </Typography.Text>
      <Sparkline series={tile.series} status={status} />
      <ChildStatusBar counts={tile.children} />
    </Card>
  );
}
