import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { paths } from "@/config/paths";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { useGroupRegion } from "@/features/catalogue/hooks/use-group-region";
import { useLagging } from "@/features/lagging/api/get-lagging";
import { LaggingTable } from "@/features/lagging/components/lagging-table";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";

/** The officials' chase list: every sub-region behind schedule on any indicator. */
export default function LaggingRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { params, hrefTo } = useDashboardParams();
  const region = useGroupRegion();
  const lagging = useLagging({ parent: region, year: params.year, month: params.month });
  return (
    <>
      <PageTitle
        title={
          lagging.data
            ? `${nameOf(lagging.data.parent, language)} · ${t("lagging.title")}`
            : t("lagging.title")
        }
      />
      <FilterBar parentsOnly />
      <QueryState
        query={lagging}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t("lagging.empty")}
      >
        {(data) => (
          <Card size="small" className="chart-card" title={t("lagging.description")}>
            <LaggingTable
              items={data.items}
              regionHref={(item) =>
                hrefTo(paths.region, {
                  region: item.line.region.code,
                  indicator: item.indicator.code,
                })
              }
              indicatorHref={(item) => hrefTo(paths.comparison, { indicator: item.indicator.code })}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}
