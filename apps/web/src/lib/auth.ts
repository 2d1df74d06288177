import type {
  LoginBody,
  PasswordBody,
  RoleSchema,
  SessionResponse,
  TotpSetupResponse,
  TotpVerifyBody,
} from "@jindu/api/schemas";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import type { Static } from "typebox";
import {
  ApiError,
  apiPost,
  apiRequest,
  onSessionContact,
  type SessionEndReason,
  setCsrfToken,
} from "./api-client";
import { queryClient } from "./query-client";
import { noteContact, noteSession } from "./session-clock";

export type Session = SessionResponse;
export type SessionUser = Session["user"];
export type Role = Static<typeof RoleSchema>;
export type LoginInput = Static<typeof LoginBody>;
export type PasswordInput = Static<typeof PasswordBody>;
export type TotpSetup = Static<typeof TotpSetupResponse>;
export type TotpVerifyInput = Static<typeof TotpVerifyBody>;

const SESSION_KEY = ["auth", "session"] as const;

onSessionContact(noteContact);

/** Why the last session ended, as the API said when asked who is signed in. */
let endedReason: SessionEndReason | undefined;
export const lastEndReason = () => endedReason;

/**
 * Why the sign-in page opened, when the user did not come of their own accord: the API's reason
 * for an ended session, `expired` when it gave none, `signedOut` after this tab's sign-out.
 */
export type LoginReason = SessionEndReason | "expired" | "signedOut";

/**
 * Who is signed in, or null. Not signed in is an answer here, not an error: nothing is thrown,
 * nothing logged, and the sign-in page takes over.
 */
async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>("GET", "/auth/session", {
      signal,
      expectUnauthorized: true,
    });
    return adoptSession(session);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      noteSession(null);
      endedReason = error.reason;
      return null;
    }
    throw error;
  }
}

/** Takes a session the API gave: its CSRF token for changes, its clock for the idle warning. */
function adoptSession(session: Session): Session {
  setCsrfToken(session.csrfToken);
  noteSession(session);
  return session;
}

/** A session the page itself carried (the API's answer, see FirstAnswers): as if just asked. */
export function seedSession(session: Session) {
  queryClient.setQueryData(SESSION_KEY, adoptSession(session));
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => getSession(signal),
    // The session changes only through this module (sign-in, sign-out, set-up) or a 401.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const useSession = () => useQuery(sessionQueryOptions());

/** The signed-in user; only for screens behind the session guard. */
export function useUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error("useUser outside a signed-in screen");
  return data.user;
}

function storeSession(session: Session | null) {
  setCsrfToken(session?.csrfToken ?? null);
  noteSession(session);
  if (session) endedReason = undefined;
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Drops every cached answer but the session: the next user must not see the last one's. */
function forgetAnswers() {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/**
 * Forgets the session and everything fetched with it. Called from the sign-in page once the
 * signed-in screens are gone, so that none of them renders without a user in between.
 */
export function endSessionLocally() {
  storeSession(null);
  forgetAnswers();
}

export const useLogin = () =>
  useMutation({
    mutationFn: (input: LoginInput) =>
      apiPost<Session>("/auth/login", input, { expectUnauthorized: true }),
    onSuccess: (session) => {
      // Another account may have used this tab: start from an empty cache.
      forgetAnswers();
      storeSession(session);
    },
  });

/**
 * Ends the session on the server (`idle`: the dashboard ends an unattended one, and says so to
 * any other tab); the caller then leaves and calls `endSessionLocally`.
 */
export const useLogout = () =>
  useMutation({
    mutationFn: ({ idle = false }: { idle?: boolean } = {}) =>
      apiRequest<void>("POST", "/auth/logout", {
        query: { reason: idle ? "idle" : undefined },
        expectUnauthorized: true,
      }),
  });

/** Stays signed in: asking who is signed in marks the session used, and says until when. */
export const useStaySignedIn = () =>
  useMutation({
    mutationFn: () => apiRequest<Session>("GET", "/auth/session"),
    onSuccess: storeSession,
  });

export const useChangePassword = () =>
  useMutation({
    mutationFn: (input: PasswordInput) => apiPost<Session>("/auth/password", input),
    onSuccess: storeSession,
  });

export const useTotpSetup = () =>
  useMutation({ mutationFn: () => apiPost<TotpSetup>("/auth/totp/setup") });

export const useTotpVerify = () =>
  useMutation({
    mutationFn: (input: TotpVerifyInput) => apiPost<Session>("/auth/totp/verify", input),
    onSuccess: storeSession,
  });

/**
 * A path inside this app to return to after signing in; anything else (another site, a
 * protocol-relative URL) becomes the home page.
 */
export function safeNext(next: string | null | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}
