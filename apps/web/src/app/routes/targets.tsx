import { Alert, Select, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { useIndicatorsOf } from "@/features/catalogue/api/get-indicators";
import { usePeriods } from "@/features/catalogue/api/get-periods";
import { regionPath, useRegions } from "@/features/catalogue/api/get-regions";
import { IndicatorSelect } from "@/features/catalogue/components/indicator-select";
import { RegionSelect } from "@/features/catalogue/components/region-select";
import { DecompositionPanel } from "@/features/targets/components/decomposition-panel";
import { ImportPanel } from "@/features/targets/components/import-panel";
import { PlanPanel } from "@/features/targets/components/plan-panel";
import { ProfilePanel } from "@/features/targets/components/profile-panel";
import { TaskListPanel } from "@/features/targets/components/task-list-panel";
import "@/features/targets/targets.css";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useUser } from "@/lib/auth";
import "@/features/targets/locales";

/** Targets (目标任务): set and decompose them, seasonal profiles, multi-year plans, import. */
export default function TargetsRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const canEdit = user.role === "province";
  const { params, setParams } = useDashboardParams();
  const indicators = useIndicatorsOf(params.region, params.year);
  const regions = useRegions();
  const [tab, setTab] = useState("decomposition");
  // The task list is the province's: of the region chosen, or of a national user's first choice.
  const province = regionPath(regions.data, params.region)[0] ?? null;
  const indicator =
    indicators.data?.indicators.find((i) => i.code === params.indicator) ??
    indicators.data?.indicators[0];
  const path = regionPath(regions.data, params.region);
  const region = path.at(-1);
  const periods = usePeriods(params.region);
  // The years with targets or figures, and the next five to plan for.
  const thisYear = new Date().getFullYear();
  const years = [
    ...new Set([
      ...Array.from({ length: 6 }, (_, i) => thisYear + i),
      ...(periods.data?.years ?? []),
      params.year,
    ]),
  ].sort((a, b) => b - a);

  return (
    <>
      <PageTitle title={t("targets.title")} />
      <search className="filter-bar">
        <div className="filter-field">
          <span>{t("filters.region")}</span>
          <RegionSelect value={params.region} onChange={(code) => setParams({ region: code })} />
        </div>
        <div className="filter-field">
          <span>{t("filters.year")}</span>
          <Select
            aria-label={t("filters.year")}
            data-testid="year-select"
            className="filter-year"
            value={params.year}
            onChange={(year: number) => setParams({ year })}
            options={years.map((value) => ({
              value,
              label: t("filters.yearValue", { year: value }),
            }))}
          />
        </div>
        <div className="filter-field filter-field-wide">
          <span>{t("filters.indicator")}</span>
          <IndicatorSelect
            value={indicator?.code}
            onChange={(code) => setParams({ indicator: code })}
            region={params.region}
            year={params.year}
          />
        </div>
      </search>
      {canEdit ? null : (
        <Alert className="targets-readonly" type="info" showIcon title={t("targets.readOnly")} />
      )}
      {indicator && region ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          data-testid="targets-tabs"
          items={[
            {
              key: "taskList",
              label: t("targets.tabs.taskList"),
              children: (
                <TaskListPanel
                  province={province}
                  year={params.year}
                  indicators={indicators.data?.indicators ?? []}
                  canEdit={canEdit}
                />
              ),
            },
            {
              key: "decomposition",
              label: t("targets.tabs.decomposition"),
              children: (
                <DecompositionPanel
                  indicator={indicator}
                  region={region.code}
                  year={params.year}
                  canEdit={canEdit}
                />
              ),
            },
            {
              key: "profile",
              label: t("targets.tabs.profile"),
              children: <ProfilePanel indicator={indicator} province={path[0]} canEdit={canEdit} />,
            },
            {
              key: "plan",
              label: t("targets.tabs.plan"),
              children: <PlanPanel indicator={indicator} region={region} canEdit={canEdit} />,
            },
            ...(canEdit
              ? [
                  {
                    key: "import",
                    label: t("targets.tabs.import"),
                    children: (
                      <ImportPanel region={region} year={params.year} indicator={indicator.code} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
    </>
  );
}
