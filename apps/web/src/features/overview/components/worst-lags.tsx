import type { LaggingItem } from "@jindu/api/schemas";
import { Card, Empty } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints, nameOf } from "@/utils/format";

interface WorstLagsProps {
  items: LaggingItem[];
  hrefFor: (item: LaggingItem) => string;
}

export function WorstLags({ items, hrefFor }: WorstLagsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card size="small" title={t("overview.worst")} className="worst-lags">
      {items.length === 0 ? (
        <Empty description={t("overview.noWorst")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ol className="worst-list">
          {items.map((item) => (
            <li key={`${item.indicator.code}:${item.line.region.code}`} data-testid="worst-lag">
              <StatusTag status={statusKey(item.line.status)} compact />
              <div className="worst-text">
                <Link to={hrefFor(item)}>
                  {nameOf(item.line.region, language)} · {nameOf(item.indicator, language)}
                </Link>
                <div className="muted">
                  {t("metric.completion")} {formatPercent(item.line.completion)} ·{" "}
                  {t("metric.schedule")} {formatPercent(item.line.schedule)}
                </div>
              </div>
              <strong className="worst-lag-value">{formatPoints(item.line.lag, language)}</strong>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
