import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { allUsers, endOtherSessions, insertUser, updateUser, userById } from "@jindu/db";
import { managesRole, type Role } from "@jindu/domain";
import type { FastifyRequest } from "fastify";
import { ApiError, conflict, notFound } from "../../../errors.js";
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
import { presentUser, requireAccountScope } from "../../../services/accounts.js";
import { checkNewPassword, hashPassword } from "../../../services/auth.js";
import { auditRead } from "../../../services/read-audit.js";
import bulkAccounts from "./import.js";

/** Accounts are the administrator's (business ones) and the security officer's (privileged). */
const ACCOUNTS = { roles: ["admin", "security"] } as const;
const SECURITY = { roles: ["security"] } as const;

const NOT_YOURS: Record<string, string> = {
  admin:
    "administrator, security officer and auditor accounts are the security officer's to manage (separation of duties)",
  security:
    "bureau, official and leadership accounts are the system administrator's to manage (separation of duties)",
};

const present = presentUser;

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
  /**
   * Separation of duties (三员分立): the account a request names, and the role it would give,
   * must be within the caller's duties; nobody can grant another's powers.
   */
  const withinDuties = async (request: FastifyRequest) => {
    const actor = request.user;
    if (!actor) return;
    const id = (request.params as { id?: number } | undefined)?.id;
    const target = id === undefined ? null : await userById(app.db, id);
    const role = (request.body as { role?: Role } | undefined)?.role;
    for (const r of [target?.role, role]) {
      if (r !== undefined && !managesRole(actor.role, r)) {
        throw new ApiError(403, NOT_YOURS[actor.role] ?? `a ${actor.role} account may not do this`);
      }
    }
  };

  /** The role and region an account gets: within the caller's duties and scope (domain rule). */
  const requireScope = async (
    request: FastifyRequest,
    account: { role: Role; regionCode: string | null },
  ) => {
    if (request.user) await requireAccountScope(app.db, request.user, account);
  };

  await app.register(bulkAccounts);

  app.get(
    "/",
    {
      config: { auth: ACCOUNTS },
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
      config: { auth: ACCOUNTS, audit: { entity: "user", id: createdId } },
      preHandler: withinDuties,
      schema: {
        tags: ["users"],
        summary: "Create an account; its user must choose a new password at first sign-in",
        body: UserCreate,
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { password, ...fields } = request.body;
      await requireScope(request, fields);
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
      config: { auth: ACCOUNTS, audit: userAudit },
      preHandler: withinDuties,
      schema: {
        tags: ["users"],
        summary: "Change an account's name, role, region scope, or disable it",
        params: UserParams,
        body: UserUpdate,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => {
      // A security officer who disables or demotes their own account would lock everyone out.
      if (
        request.params.id === request.user?.id &&
        (request.body.disabled === true ||
          (request.body.role !== undefined && request.body.role !== request.user.role))
      ) {
        throw conflict("you cannot disable your own account or give up your own role");
      }
      const { role, regionCode } = request.body;
      if (role !== undefined || regionCode !== undefined) {
        const existing = await userById(app.db, request.params.id);
        if (!existing) throw notFound(`user ${request.params.id} does not exist`);
        await requireScope(request, {
          role: role ?? existing.role,
          regionCode: regionCode !== undefined ? regionCode : existing.regionCode,
        });
      }
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
      config: { auth: ACCOUNTS, audit: userAudit },
      preHandler: withinDuties,
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
      config: { auth: ACCOUNTS, audit: userAudit },
      preHandler: withinDuties,
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

  app.post(
    "/:id/reset-second-factor",
    {
      config: { auth: SECURITY, audit: userAudit },
      schema: {
        tags: ["users"],
        summary:
          "Remove an account's authenticator (lost phone); its owner enrols a new one at next sign-in",
        params: UserParams,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => {
      if (request.params.id === request.user?.id) {
        throw conflict("another security officer resets your own authenticator");
      }
      const user = await updateUser(app.db, request.params.id, {
        totpEnabled: false,
        totpSecret: null,
        totpLastStep: null,
      });
      if (!user) throw notFound(`user ${request.params.id} does not exist`);
      await endOtherSessions(app.db, user.id, "", "account_changed");
      return present(user);
    },
  );
};
export default route;
