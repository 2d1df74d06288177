import type { ProgressLine, ProgressResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface MapLinesInput {
  indicator: string;
  /** A province's cities, or (null) every province the catalogue has. */
  province: string | null;
  /** The provinces to ask for in the national view. */
  provinces: readonly string[];
  year: number;
  month: number;
}

export interface MapLines {
  lines: ProgressLine[];
  /** The slowest five by completion (后五), worst first; the province view only. */
  slow: string[];
}

/**
 * The lines a map colours: a province's cities from one progress answer (its children), or each
 * province's own line from its answer (the API has no national roll-up to ask instead).
 */
export async function getMapLines(input: MapLinesInput, signal?: AbortSignal): Promise<MapLines> {
  const { indicator, year, month } = input;
  if (input.province !== null) {
    const answer = await apiGet<ProgressResponse>(
      "/progress",
      { indicator, parent: input.province, year, month },
      signal,
    );
    return { lines: answer.children, slow: answer.slow };
  }
  const answers = await Promise.all(
    input.provinces.map((parent) =>
      apiGet<ProgressResponse>("/progress", { indicator, parent, year, month }, signal),
    ),
  );
  return { lines: answers.map((answer) => answer.parent), slow: [] };
}

export const mapLinesQueryOptions = (input: MapLinesInput, refetchInterval?: number) =>
  queryOptions({
    queryKey: ["map-lines", input],
    queryFn: ({ signal }) => getMapLines(input, signal),
    ...(refetchInterval ? { refetchInterval } : {}),
  });

export const useMapLines = (input: MapLinesInput, enabled = true, refetchInterval?: number) =>
  useQuery({ ...mapLinesQueryOptions(input, refetchInterval), enabled });
