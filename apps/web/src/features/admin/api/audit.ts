import type { AuditEntry, AuditFacetsResponse, AuditResponse } from "@jindu/api/schemas";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export type { AuditEntry };

export interface AuditFilter {
  username?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  result?: "success" | "failure" | "denied" | undefined;
  /** ISO date-times, both ends included. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditPageInput extends AuditFilter {
  page: number;
  pageSize: number;
}

const KEY = "audit";

export const getAuditLog = ({ page, pageSize, ...filter }: AuditPageInput, signal?: AbortSignal) =>
  apiGet<AuditResponse>(
    "/audit",
    { ...filter, limit: pageSize, offset: (page - 1) * pageSize },
    signal,
  );

export const auditQueryOptions = (input: AuditPageInput) =>
  queryOptions({
    queryKey: [KEY, "entries", input],
    queryFn: ({ signal }) => getAuditLog(input, signal),
    // The log grows with every request anyone makes: always ask again.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

export const useAuditLog = (input: AuditPageInput) => useQuery(auditQueryOptions(input));

export const useAuditFacets = () =>
  useQuery({
    queryKey: [KEY, "facets"],
    queryFn: ({ signal }) => apiGet<AuditFacetsResponse>("/audit/facets", {}, signal),
    staleTime: 0,
  });

/** The export's address: a plain link, so the browser downloads the file with the session cookie. */
export function auditExportHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const search = params.size > 0 ? `?${params}` : "";
  return `/api/audit/export${search}`;
}
