import type { TaskListResponse, TaskListUpdate } from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiRequest } from "@/lib/api-client";

export type { TaskListResponse, TaskListUpdate };

export const taskListQueryOptions = (province: string, year: number) =>
  queryOptions({
    queryKey: ["task-lists", province, year],
    queryFn: ({ signal }) =>
      apiGet<TaskListResponse>(`/task-lists/${province}/${year}`, {}, signal),
  });

export const useTaskList = (province: string | null, year: number) =>
  useQuery({ ...taskListQueryOptions(province ?? "", year), enabled: province !== null });

/** A list decides what every screen asks and shows: after a change, everything is fetched again. */
function useAfterChange(province: string, year: number) {
  const client = useQueryClient();
  return async (data: TaskListResponse) => {
    client.setQueryData(taskListQueryOptions(province, year).queryKey, data);
    await client.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] !== "auth" && q.queryKey[0] !== "regions" && q.queryKey[0] !== "task-lists",
    });
  };
}

export function useSaveTaskList(province: string, year: number) {
  const afterChange = useAfterChange(province, year);
  return useMutation({
    mutationFn: (body: TaskListUpdate) =>
      apiRequest<TaskListResponse>("PUT", `/task-lists/${province}/${year}`, { body }),
    onSuccess: afterChange,
  });
}

export function useCopyTaskList(province: string, year: number) {
  const afterChange = useAfterChange(province, year);
  return useMutation({
    mutationFn: (fromYear: number) =>
      apiRequest<TaskListResponse>("POST", `/task-lists/${province}/${year}/copy`, {
        body: { fromYear },
      }),
    onSuccess: afterChange,
  });
}
