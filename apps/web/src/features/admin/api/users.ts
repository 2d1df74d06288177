import type {
  ResetPasswordBody,
  UserCreate,
  UserListResponse,
  UserUpdate,
  UserView,
} from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import type { Static } from "typebox";
import { apiGet, apiPost, apiRequest } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";

export type { UserView };
export type UserCreateInput = Static<typeof UserCreate>;
export type UserUpdateInput = Static<typeof UserUpdate>;

const KEY = "admin-users";

export const getUsers = (signal?: AbortSignal) =>
  apiGet<Static<typeof UserListResponse>>("/users", {}, signal);

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: [KEY],
    queryFn: ({ signal }) => getUsers(signal),
    // Locks expire and users change their passwords on their own: refetch when the screen opens.
    staleTime: 0,
  });

export const useUsers = () => useQuery(usersQueryOptions());

const refresh = () => queryClient.invalidateQueries({ queryKey: [KEY] });

export const useCreateUser = () =>
  useMutation({
    mutationFn: (input: UserCreateInput) => apiPost<UserView>("/users", input),
    onSuccess: refresh,
  });

export const useUpdateUser = () =>
  useMutation({
    mutationFn: ({ id, ...change }: UserUpdateInput & { id: number }) =>
      apiRequest<UserView>("PATCH", `/users/${id}`, { body: change }),
    onSuccess: refresh,
  });

export const useResetPassword = () =>
  useMutation({
    mutationFn: ({ id, password }: Static<typeof ResetPasswordBody> & { id: number }) =>
      apiPost<UserView>(`/users/${id}/reset-password`, { password }),
    onSuccess: refresh,
  });

export const useUnlockUser = () =>
  useMutation({
    mutationFn: (id: number) => apiPost<UserView>(`/users/${id}/unlock`),
    onSuccess: refresh,
  });

/** The security officer's: removes an account's authenticator, to be enrolled anew. */
export const useResetSecondFactor = () =>
  useMutation({
    mutationFn: (id: number) => apiPost<UserView>(`/users/${id}/reset-second-factor`),
    onSuccess: refresh,
  });
