import type { TargetListResponse, TimelinessHistoryResponse } from "@jindu/api/schemas";
import { useQuery } from "@tanstack/react-query";
import type { Static } from "typebox";
import { apiGet } from "@/lib/api-client";

type Targets = Static<typeof TargetListResponse>;

/**
 * The month a region should be working on: in the latest year it has targets for (not after
 * this year), the latest month up to now that is neither submitted nor approved; when every
 * month is done, the latest one.
 */
export async function openMonthOf(
  region: string,
  signal?: AbortSignal,
  now = new Date(),
): Promise<{ year: number; month: number }> {
  const thisYear = now.getFullYear();
  const { targets } = await apiGet<Targets>("/targets", { region }, signal);
  const years = targets.map((t) => t.year).filter((y) => y <= thisYear);
  const year = years.length > 0 ? Math.max(...years) : thisYear;
  const history = await apiGet<TimelinessHistoryResponse>(
    "/completeness/history",
    { region, year },
    signal,
  );
  const last = year === thisYear ? now.getMonth() + 1 : 12;
  const status = new Map(history.months.map((m) => [m.month, m.status]));
  for (let month = last; month >= 1; month--) {
    const s = status.get(month) ?? null;
    if (s !== "approved" && s !== "submitted") return { year, month };
  }
  return { year, month: last };
}

export const useOpenMonth = (region: string, enabled: boolean) =>
  useQuery({
    queryKey: ["entry-open-month", region],
    queryFn: ({ signal }) => openMonthOf(region, signal),
    enabled,
    staleTime: 0,
  });
