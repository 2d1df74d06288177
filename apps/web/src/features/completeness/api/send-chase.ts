import type { ChaseBody, ChaseResult } from "@jindu/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { apiPost } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { ChaseBody, ChaseResult };

export interface ChaseInput extends ChaseBody {
  parent: string;
  year: number;
  month: number;
}

/** 催报: reminds the chosen missing bureaus; the chase list then shows who was reminded. */
export const sendChase = ({ parent, year, month, ...body }: ChaseInput) =>
  apiPost<ChaseResult>(`/completeness/${parent}/${year}/${month}/chase`, body);

export const useSendChase = () =>
  useMutation({
    mutationFn: sendChase,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["completeness"] }),
  });
