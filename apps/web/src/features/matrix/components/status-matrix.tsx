import type { MatrixResponse } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { statusIcon } from "@/components/ui/status-tag";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints, nameOf } from "@/utils/format";

interface StatusMatrixProps {
  matrix: MatrixResponse;
  regionHref: (regionCode: string, indicator?: string) => string;
  indicatorHref: (indicator: string) => string;
}

/** Regions down, indicators across; each cell its status colour, icon and completion rate. */
export function StatusMatrix({ matrix, regionHref, indicatorHref }: StatusMatrixProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="matrix-scroll" data-testid="status-matrix">
      <table className="status-matrix">
        <thead>
          <tr>
            <th className="matrix-corner" scope="col">
              {t("metric.region")}
            </th>
            {matrix.indicators.map((indicator) => (
              <th key={indicator.code} scope="col" className="matrix-indicator">
                <Link to={indicatorHref(indicator.code)} title={nameOf(indicator, language)}>
                  {nameOf(indicator, language)}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.region.code}>
              <th scope="row" className="matrix-region">
                <Link to={regionHref(row.region.code)}>{nameOf(row.region, language)}</Link>
              </th>
              {matrix.indicators.map((indicator) => {
                const cell = row.cells.find((c) => c.indicator === indicator.code);
                if (cell && !cell.assigned) {
                  return (
                    <td
                      key={indicator.code}
                      className="matrix-cell matrix-unassigned"
                      data-testid="matrix-cell"
                      data-region={row.region.code}
                      data-indicator={indicator.code}
                      data-status="unassigned"
                      title={`${nameOf(row.region, language)} · ${nameOf(indicator, language)}: ${t("matrix.unassigned")}`}
                    >
                      {t("matrix.unassigned")}
                    </td>
                  );
                }
                const status = statusKey(cell?.status);
                const style = STATUS_STYLE[status];
                return (
                  <td
                    key={indicator.code}
                    className="matrix-cell"
                    data-testid="matrix-cell"
                    data-region={row.region.code}
                    data-indicator={indicator.code}
                    data-status={status}
                    style={{ background: style.color, color: style.text }}
                    title={`${nameOf(row.region, language)} · ${nameOf(indicator, language)}: ${t(`status.${status}`)}, ${formatPercent(cell?.completion)} (${formatPoints(cell?.lag, language)})`}
                  >
                    <Link
                      to={regionHref(row.region.code, indicator.code)}
                      style={{ color: style.text }}
                    >
                      <span aria-hidden className="matrix-icon">
                        {statusIcon(status)}
                      </span>
                      {formatPercent(cell?.completion)}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
