import { WarningFilled } from "@ant-design/icons";
import type { LaggingItem } from "@jindu/api/schemas";
import { Pagination } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useSuperviseColumn } from "@/features/supervision/hooks/use-supervise-column";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints, formatQuantity, nameOf } from "@/utils/format";

interface LaggingCardsProps {
  items: LaggingItem[];
  regionHref: (item: LaggingItem) => string;
  indicatorHref: (item: LaggingItem) => string;
}

const PAGE_SIZE = 20;
const keyOf = (item: LaggingItem) => `${item.indicator.code}:${item.line.region.code}`;

/**
 * The lagging list on a phone: one card per line, what matters first (who, on what, how far
 * behind), instead of a table eight columns wide.
 */
export function LaggingCards({ items, regionHref, indicatorHref }: LaggingCardsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const supervise = useSuperviseColumn()[0];
  const [page, setPage] = useState(1);
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <ol className="lagging-cards" data-testid="lagging-cards">
        {shown.map((item, i) => (
          <li key={keyOf(item)} className="lagging-card" data-testid="lagging-card">
            <div className="lagging-card-head">
              <span className="lagging-card-order">{(page - 1) * PAGE_SIZE + i + 1}</span>
              <Link to={regionHref(item)} className="lagging-card-region">
                {nameOf(item.line.region, language)}
              </Link>
              <StatusTag status={statusKey(item.line.status)} />
            </div>
            <Link to={indicatorHref(item)} className="lagging-card-indicator">
              {nameOf(item.indicator, language)}
            </Link>
            <dl className="lagging-card-figures">
              <div>
                <dt>{t("metric.lag")}</dt>
                <dd>
                  <strong>{formatPoints(item.line.lag, language)}</strong>
                </dd>
              </div>
              <div>
                <dt>{`${t("metric.completion")} / ${t("metric.schedule")}`}</dt>
                <dd>{`${formatPercent(item.line.completion)} / ${formatPercent(item.line.schedule)}`}</dd>
              </div>
              <div>
                <dt>{`${t("metric.reported")} / ${t("metric.target")}`}</dt>
                <dd>{`${formatQuantity(item.line.actual, item.indicator, language)} / ${formatQuantity(item.line.target, item.indicator, language)}`}</dd>
              </div>
              <div>
                <dt>{t("metric.projection")}</dt>
                <dd>
                  {item.line.projectedToMiss ? (
                    <WarningFilled
                      style={{ color: "#D55E00", marginRight: 4 }}
                      aria-label={t("metric.projectedToMiss")}
                    />
                  ) : null}
                  {formatPercent(item.line.projection)}
                </dd>
              </div>
              <div>
                <dt>{t("metric.monthsBehind")}</dt>
                <dd>{t("metric.monthsCount", { count: item.monthsBehind })}</dd>
              </div>
            </dl>
            {supervise?.render ? (
              <div className="lagging-card-action">{supervise.render(null, item, i) as never}</div>
            ) : null}
          </li>
        ))}
      </ol>
      {items.length > PAGE_SIZE ? (
        <Pagination
          simple
          size="small"
          current={page}
          pageSize={PAGE_SIZE}
          total={items.length}
          onChange={setPage}
        />
      ) : null}
    </>
  );
}
