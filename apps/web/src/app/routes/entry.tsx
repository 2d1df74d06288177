import { NATIONAL_DEFAULT_REGION } from "@jindu/domain";
import { Skeleton } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { regionPath, useRegions } from "@/features/catalogue/api/get-regions";
import { PeriodSelect } from "@/features/catalogue/components/period-select";
import { RegionSelect } from "@/features/catalogue/components/region-select";
import { useDefaultPeriod } from "@/features/catalogue/hooks/use-default-period";
import { useSubmission } from "@/features/entry/api/submissions";
import { MonthForm } from "@/features/entry/components/month-form";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import "@/features/entry/locales";

const intIn = (text: string | null, min: number, max: number) => {
  const n = Number(text);
  return text && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/**
 * A bureau's monthly form (a province official may fill one in for any region in scope). The
 * region, year and month live in the URL; with no month named it opens the month being reported
 * now (the one whose deadline is next).
 */
export default function EntryRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const regions = useRegions();
  const [search, setSearch] = useSearchParams();
  const named = search.get("region");
  const region =
    named && /^[0-9]{6}$/.test(named) && user.role !== "reporter"
      ? named
      : (user.regionCode ?? NATIONAL_DEFAULT_REGION);
  const year = intIn(search.get("year"), 2000, 2100);
  const month = intIn(search.get("month"), 1, 12);
  const hasPeriod = year !== null && month !== null;
  const { period: open, periods } = useDefaultPeriod(region, "open", !hasPeriod);

  useEffect(() => {
    if (hasPeriod || !open) return;
    const next = new URLSearchParams(search);
    next.set("region", region);
    next.set("year", String(open.year));
    next.set("month", String(open.month));
    setSearch(next, { replace: true });
  }, [hasPeriod, open, region, search, setSearch]);

  const change = (c: { region?: string; year?: number; month?: number }) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries({ region, year, month, ...c })) {
      if (v !== null && v !== undefined) next.set(k, String(v));
    }
    setSearch(next);
  };

  const regionName = regionPath(regions.data, region).at(-1);
  return (
    <>
      <PageTitle title={t("entry.title")} />
      <search className="filter-bar entry-filters">
        <div className="filter-field">
          <span>{t("entry.region")}</span>
          {user.role === "reporter" ? (
            <strong data-testid="entry-region">
              {regionName ? nameOf(regionName, language) : region}
            </strong>
          ) : (
            <RegionSelect value={region} onChange={(code) => change({ region: code })} />
          )}
        </div>
        <div className="filter-field filter-period">
          <span>{t("entry.period")}</span>
          <span className="filter-period-inputs">
            {hasPeriod ? (
              <PeriodSelect
                region={region}
                kind="open"
                year={year}
                month={month}
                onChange={change}
              />
            ) : null}
          </span>
        </div>
      </search>
      {hasPeriod ? (
        <MonthEntry region={region} year={year} month={month} />
      ) : periods.isError ? (
        <QueryState query={periods}>{() => null}</QueryState>
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </>
  );
}

function MonthEntry({ region, year, month }: { region: string; year: number; month: number }) {
  const { t } = useTranslation();
  const form = useSubmission({ region, year, month });
  return (
    <QueryState
      query={form}
      isEmpty={(view) => view.entries.length === 0}
      emptyText={t("entry.noTargets")}
      skeletonRows={10}
    >
      {(view) => (
        <MonthForm
          key={`${view.region.code}/${view.year}/${view.month}/${view.version}`}
          view={view}
        />
      )}
    </QueryState>
  );
}
