import type { MatrixResponse } from "@jindu/api/schemas";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";

export interface MatrixInput {
  parent: string;
  year: number;
  month: number;
}

export const getMatrix = (input: MatrixInput, signal?: AbortSignal) =>
  apiGet<MatrixResponse>("/matrix", { ...input }, signal);

export const matrixQueryOptions = (input: MatrixInput) =>
  queryOptions({
    queryKey: ["matrix", input],
    queryFn: ({ signal }) => getMatrix(input, signal),
  });

export const useMatrix = (input: MatrixInput) => useQuery(matrixQueryOptions(input));
