import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { StatusLegend } from "@/components/ui/status-legend";
import { paths } from "@/config/paths";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { useGroupRegion } from "@/features/catalogue/hooks/use-group-region";
import { useMatrix } from "@/features/matrix/api/get-matrix";
import { StatusMatrix } from "@/features/matrix/components/status-matrix";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";

/** Sub-regions × indicators at a glance. */
export default function MatrixRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { params, hrefTo } = useDashboardParams();
  const region = useGroupRegion();
  const matrix = useMatrix({ parent: region, year: params.year, month: params.month });
  return (
    <>
      <PageTitle
        title={
          matrix.data
            ? `${nameOf(matrix.data.parent, language)} · ${t("matrix.title")}`
            : t("matrix.title")
        }
      />
      <FilterBar parentsOnly />
      <QueryState
        query={matrix}
        isEmpty={(data) =>
          data.rows.every((row) => row.cells.every((cell) => cell.completion === null))
        }
        emptyText={t("matrix.empty")}
        skeletonRows={12}
      >
        {(data) => (
          <Card size="small" title={<StatusLegend />}>
            <StatusMatrix
              matrix={data}
              regionHref={(region, indicator) =>
                hrefTo(paths.region, { region, ...(indicator ? { indicator } : {}) })
              }
              indicatorHref={(indicator) => hrefTo(paths.comparison, { indicator })}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}
