import { FileExcelOutlined } from "@ant-design/icons";
import type { LaggingItem } from "@jindu/api/schemas";
import { filterLagging } from "@jindu/domain";
import { Button, Card, Empty, Grid } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { paths } from "@/config/paths";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { useGroupRegion } from "@/features/catalogue/hooks/use-group-region";
import { laggingXlsxHref, useLagging } from "@/features/lagging/api/get-lagging";
import { LaggingCards } from "@/features/lagging/components/lagging-cards";
import { LaggingFilters } from "@/features/lagging/components/lagging-filters";
import { LaggingTable } from "@/features/lagging/components/lagging-table";
import { useLaggingFilter } from "@/features/lagging/hooks/use-lagging-filter";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";

/**
 * The officials' chase list: every sub-region behind schedule on any indicator, narrowed by the
 * filters in the URL; the .xlsx holds what is shown (the API applies the same filter). A phone
 * gets cards instead of a table eight columns wide.
 */
export default function LaggingRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { params, hrefTo } = useDashboardParams();
  const region = useGroupRegion();
  const input = { parent: region, year: params.year, month: params.month };
  const lagging = useLagging(input);
  const { filter, setFilter } = useLaggingFilter();
  const phone = Grid.useBreakpoint().md === false;
  const links = {
    regionHref: (item: LaggingItem) =>
      hrefTo(paths.region, { region: item.line.region.code, indicator: item.indicator.code }),
    indicatorHref: (item: LaggingItem) =>
      hrefTo(paths.comparison, { indicator: item.indicator.code }),
  };
  return (
    <>
      <PageTitle
        title={
          lagging.data
            ? `${nameOf(lagging.data.parent, language)} · ${t("lagging.title")}`
            : t("lagging.title")
        }
        extra={
          <Button
            icon={<FileExcelOutlined />}
            data-testid="lagging-xlsx"
            disabled={!lagging.data}
            href={laggingXlsxHref(input, filter, language)}
            download
          >
            {t("lagging.excel")}
          </Button>
        }
      />
      <FilterBar parentsOnly />
      <QueryState
        query={lagging}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t("lagging.empty")}
      >
        {(data) => {
          const items = filterLagging(data.items, filter);
          return (
            <Card
              size="small"
              className="chart-card lagging-card-list"
              title={t("lagging.description")}
            >
              <LaggingFilters items={data.items} filter={filter} onChange={setFilter} />
              <p className="muted lagging-count" data-testid="lagging-count">
                {t("lagging.shown", { shown: items.length, total: data.items.length })}
              </p>
              {items.length === 0 ? (
                <Empty description={t("lagging.emptyFiltered")} />
              ) : phone ? (
                <LaggingCards items={items} {...links} />
              ) : (
                <LaggingTable items={items} {...links} />
              )}
            </Card>
          );
        }}
      </QueryState>
    </>
  );
}
