import { Skeleton } from "antd";
import { type ReactNode, useEffect } from "react";
import { QueryState } from "@/components/ui/query-state";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { type PeriodKind, useDefaultPeriod } from "../hooks/use-default-period";

interface DefaultPeriodProps {
  /** Dashboards open on the latest month with data, work screens on the month being reported. */
  kind?: PeriodKind;
  /** Screens of a whole year (targets) need no month. */
  yearOnly?: boolean;
  children: ReactNode;
}

/**
 * A screen reached without a period in its address opens on the region's default one, written
 * into the address (replacing it, so Back still leaves the screen) so that links and reloads
 * keep it. A period the address names always wins.
 */
export function DefaultPeriod({ kind = "latest", yearOnly = false, children }: DefaultPeriodProps) {
  const { params, named, setParams } = useDashboardParams();
  const complete = named.year !== undefined && (yearOnly || named.month !== undefined);
  const { period, periods } = useDefaultPeriod(params.region, kind, !complete);

  useEffect(() => {
    if (complete || !period) return;
    const year = named.year ?? period.year;
    // A year named without a month: its last month, or the default month in the default year.
    const month = year === period.year ? period.month : 12;
    setParams(yearOnly ? { year } : { year, month }, { replace: true });
  }, [complete, period, named.year, yearOnly, setParams]);

  if (complete) return children;
  if (periods.isError) return <QueryState query={periods}>{() => null}</QueryState>;
  return (
    <div role="status" data-testid="default-period-loading">
      <Skeleton active paragraph={{ rows: 8 }} />
    </div>
  );
}
