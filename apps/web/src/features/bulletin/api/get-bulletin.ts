import type { BulletinResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import type { Language } from "@/lib/i18n";

export interface BulletinInput {
  region: string;
  year: number;
  month: number;
}

export const getBulletin = (input: BulletinInput, signal?: AbortSignal) =>
  apiGet<BulletinResponse>("/bulletin", { ...input }, signal);

export const bulletinQueryOptions = (input: BulletinInput) =>
  queryOptions({
    queryKey: ["bulletin", input],
    queryFn: ({ signal }) => getBulletin(input, signal),
  });

export const useBulletin = (input: BulletinInput) => useQuery(bulletinQueryOptions(input));

/** The same bulletin as a workbook, in the page's language; the browser downloads it. */
export function bulletinXlsxHref(input: BulletinInput, language: Language): string {
  const search = new URLSearchParams({
    region: input.region,
    year: String(input.year),
    month: String(input.month),
    lang: language === "en" ? "en" : "zh",
  });
  return `/api/bulletin/xlsx?${search}`;
}
