import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  allUsers,
  endOtherSessions,
  insertUser,
  regionByCode,
  type User,
  updateUser,
  userById,
} from "@jindu/db";
import type { FastifyRequest } from "fastify";
import { badRequest, conflict, notFound } from "../../../errors.js";
import { type AuditRule, createdId } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  ResetPasswordBody,
  UserCreate,
  UserListResponse,
  UserParams,
  UserUpdate,
  UserView,
} from "../../../schemas/index.js";
import { checkNewPassword, hashPassword } from "../../../services/auth.js";
import { auditRead } from "../../../services/read-audit.js";

const ADMIN = { roles: ["admin"] } as const;

/** What an administrator sees of an account: never the password hash or the TOTP secret. */
function present(u: User) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    disabled: u.disabled,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    passwordChangedAt: u.passwordChangedAt.toISOString(),
    createdAt: u.createdAt.toISOString(),
  };
}

const userIdOf = (request: FastifyRequest) => (request.params as { id: number }).id;

const userAudit: AuditRule = {
  entity: "user",
  id: (request) => String(userIdOf(request)),
  before: async (request) => {
    const user = await userById(request.server.db, userIdOf(request));
    return user ? present(user) : null;
  },
};

const route: FastifyPluginAsyncTypebox = async (app) => {
  const requireRegion = async (code: string | null | undefined) => {
    if (code && !(await regionByCode(app.db, code))) {
      throw badRequest(`regionCode: region ${code} does not exist`, "regionCode");
    }
  };

  app.get(
    "/",
    {
      config: { auth: ADMIN },
      schema: {
        tags: ["users"],
        summary: "All accounts",
        response: { 200: UserListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const users = (await allUsers(app.db)).map(present);
      await auditRead(request, "user", { rows: users.length });
      return { users };
    },
  );

  app.post(
    "/",
    {
      config: { auth: ADMIN, audit: { entity: "user", id: createdId } },
      schema: {
        tags: ["users"],
        summary: "Create an account; its user must choose a new password at first sign-in",
        body: UserCreate,
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { password, ...fields } = request.body;
      await requireRegion(fields.regionCode);
      checkNewPassword(password, fields.username);
      const user = await insertUser(app.db, {
        ...fields,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      });
      if (!user) throw conflict(`the username ${fields.username} is taken`);
      return reply.status(201).send(present(user));
    },
  );

  app.patch(
    "/:id",
    {
      config: { auth: ADMIN, audit: userAudit },
      schema: {
        tags: ["users"],
        summary: "Change an account's name, role, region scope, or disable it",
        params: UserParams,
        body: UserUpdate,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => {
      // An administrator who disables or demotes their own account would lock everyone out.
      if (
        request.params.id === request.user?.id &&
        (request.body.disabled === true ||
          (request.body.role !== undefined && request.body.role !== "admin"))
      ) {
        throw conflict(
          "you cannot disable your own account or give up your own administrator role",
        );
      }
      await requireRegion(request.body.regionCode);
      const user = await updateUser(app.db, request.params.id, request.body);
      if (!user) throw notFound(`user ${request.params.id} does not exist`);
      // A changed role, scope or a disabled account takes effect at once.
      await endOtherSessions(app.db, user.id, "", "account_changed");
      return present(user);
    },
  );

  app.post(
    "/:id/reset-password",
    {
      config: { auth: ADMIN, audit: userAudit },
      schema: {
        tags: ["users"],
        summary: "Set a temporary password; the user must change it at next sign-in",
        params: UserParams,
        body: ResetPasswordBody,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => {
      const existing = await userById(app.db, request.params.id);
      if (!existing) throw notFound(`user ${request.params.id} does not exist`);
      checkNewPassword(request.body.password, existing.username);
      const user = await updateUser(app.db, existing.id, {
        passwordHash: await hashPassword(request.body.password),
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
      });
      await endOtherSessions(app.db, existing.id, "", "password_changed");
      return present(user ?? existing);
    },
  );

  app.post(
    "/:id/unlock",
    {
      config: { auth: ADMIN, audit: userAudit },
      schema: {
        tags: ["users"],
        summary: "Lift a lock after too many failed sign-ins, before its 15 minutes are up",
        params: UserParams,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => {
      const user = await updateUser(app.db, request.params.id, {
        failedLogins: 0,
        lockedUntil: null,
      });
      if (!user) throw notFound(`user ${request.params.id} does not exist`);
      return present(user);
    },
  );
};
export default route;
