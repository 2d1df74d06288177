import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { clearSignInFailures, endSession, updateUser, userById, writeAudit } from "@jindu/db";
import { Type } from "typebox";
import { EVERYONE } from "../../../auth-rules.js";
import { ApiError } from "../../../errors.js";
import { notSignedIn, SESSION_COOKIE } from "../../../plugins/app/auth.js";
import {
  errorResponses,
  LoginBody,
  PasswordBody,
  SessionResponse,
  TotpSetupResponse,
  TotpVerifyBody,
} from "../../../schemas/index.js";
import {
  acceptTotp,
  checkNewPassword,
  hashPassword,
  login,
  newTotpSecret,
  passwords,
  passwordTurn,
  signedInUser,
  signInWait,
  TOTP_REUSED,
  totpFor,
} from "../../../services/auth.js";

const setup = { roles: EVERYONE, duringSetup: true } as const;

const route: FastifyPluginAsyncTypebox = async (app) => {
  const production = process.env.NODE_ENV === "production";
  /** What every session answer says about the idle timeout, for the dashboard's warning. */
  const timing = (expiresAt: Date | null) => ({
    idleTimeoutSeconds: app.sessionIdle.timeoutSeconds,
    idleWarningSeconds: app.sessionIdle.warningSeconds,
    expiresAt: (
      expiresAt ?? new Date(Date.now() + app.sessionIdle.timeoutSeconds * 1000)
    ).toISOString(),
  });

  app.post(
    "/login",
    {
      config: {
        auth: "public",
        audit: "self",
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in with username, password and, where enabled, an authenticator code",
        body: LoginBody,
        response: { 200: SessionResponse, ...errorResponses },
      },
      preHandler: async (request, reply) => {
        const wait = await signInWait(
          app.db,
          { ip: request.ip, username: request.body.username },
          app.loginsPerMinute,
        );
        if (wait !== null) {
          reply.header("retry-after", String(wait));
          throw new ApiError(429, "too many sign-in attempts: wait a minute and try again");
        }
      },
    },
    async (request, reply) => {
      const result = await login(app.db, {
        ...request.body,
        ip: request.ip,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: production,
      });
      return { user: result.user, csrfToken: result.csrfToken, ...timing(null) };
    },
  );

  app.get(
    "/session",
    {
      config: { auth: "public" },
      schema: {
        tags: ["auth"],
        summary:
          "Who is signed in, and the CSRF token to send with changes; a call keeps the session alive",
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.user || !request.csrfToken) throw notSignedIn(request, "not signed in");
      return {
        user: request.user,
        csrfToken: request.csrfToken,
        ...timing(request.sessionExpiresAt),
      };
    },
  );

  app.post(
    "/logout",
    {
      config: { auth: setup, audit: "self" },
      schema: {
        tags: ["auth"],
        summary: "Sign out (`reason: idle` when the dashboard signs out an unattended session)",
        querystring: Type.Object({ reason: Type.Optional(Type.Literal("idle")) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.sessionId) {
        await endSession(app.db, request.sessionId, request.query.reason ?? "signed_out");
      }
      await writeAudit(app.db, {
        userId: request.user?.id ?? null,
        username: request.user?.username ?? null,
        ip: request.ip,
        requestId: request.id,
        action: "logout",
        entity: "session",
        result: "success",
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/password",
    {
      config: {
        auth: setup,
        audit: { entity: "user", id: (request) => String(request.user?.id ?? "") },
      },
      schema: {
        tags: ["auth"],
        summary: "Choose a new password (required on first sign-in and every 90 days)",
        body: PasswordBody,
        response: { 200: SessionResponse, ...errorResponses },
      },
      // A wrong current password counts towards the same lockout as a wrong sign-in: a session
      // left open must not become a way to guess the password. Checked before the handler, whose
      // transaction (F9) rolls back with a refusal and would take the counted failure with it.
      preHandler: async (request) => {
        const user = await userById(app.db, request.user?.id ?? 0);
        if (!user) throw new ApiError(401, "not signed in");
        const current = await passwordTurn(app.db, user, request.body.currentPassword);
        if (current.locked) {
          throw new ApiError(423, "too many wrong passwords: try again in 15 minutes", {
            field: "currentPassword",
          });
        }
        if (!current.right) {
          throw new ApiError(400, "the current password is wrong", { field: "currentPassword" });
        }
        await clearSignInFailures(app.db, user.id);
      },
    },
    async (request) => {
      const user = await userById(app.db, request.user?.id ?? 0);
      if (!user) throw new ApiError(401, "not signed in");
      checkNewPassword(request.body.newPassword, user.username);
      if (await passwords.verify(user.passwordHash, request.body.newPassword)) {
        throw new ApiError(400, "choose a password different from the current one", {
          field: "newPassword",
          rule: "password_reused",
        });
      }
      const updated = await updateUser(app.db, user.id, {
        passwordHash: await hashPassword(request.body.newPassword),
        passwordChangedAt: new Date(),
        mustChangePassword: false,
      });
      return {
        user: signedInUser(updated ?? user),
        csrfToken: request.csrfToken ?? "",
        ...timing(request.sessionExpiresAt),
      };
    },
  );

  app.post(
    "/totp/setup",
    {
      config: {
        auth: setup,
        audit: { entity: "user", id: (request) => String(request.user?.id ?? "") },
      },
      schema: {
        tags: ["auth"],
        summary: "Start enrolling an authenticator app: a new secret to scan",
        response: { 200: TotpSetupResponse, ...errorResponses },
      },
    },
    async (request) => {
      const user = await userById(app.db, request.user?.id ?? 0);
      if (!user) throw new ApiError(401, "not signed in");
      if (user.totpEnabled) throw new ApiError(409, "an authenticator is already enrolled");
      const secret = newTotpSecret();
      await updateUser(app.db, user.id, { totpSecret: secret });
      return { secret, otpauthUrl: totpFor(secret, user.username).toString() };
    },
  );

  app.post(
    "/totp/verify",
    {
      config: {
        auth: setup,
        audit: { entity: "user", id: (request) => String(request.user?.id ?? "") },
      },
      schema: {
        tags: ["auth"],
        summary: "Finish enrolling: a code from the app turns the second factor on",
        body: TotpVerifyBody,
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const user = await userById(app.db, request.user?.id ?? 0);
      if (!user?.totpSecret || user.totpEnabled) throw new ApiError(409, "start the set-up first");
      const code = await acceptTotp(app.db, user, user.totpSecret, request.body.code);
      if (code !== "ok") {
        throw code === "reused"
          ? new ApiError(400, TOTP_REUSED, { field: "code", rule: "totp_reused" })
          : new ApiError(400, "wrong authenticator code", { field: "code" });
      }
      const updated = await updateUser(app.db, user.id, { totpEnabled: true });
      return {
        user: signedInUser(updated ?? user),
        csrfToken: request.csrfToken ?? "",
        ...timing(request.sessionExpiresAt),
      };
    },
  );
};
export default route;
