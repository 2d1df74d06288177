import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type AuditEntry, insertUsers, writeAuditEntries } from "@jindu/db";
import type { FastifyRequest } from "fastify";
import { AccountImportErrors, errorResponses } from "../../../schemas/index.js";
import { oneTimePassword, presentUser } from "../../../services/accounts.js";
import { hashPassword } from "../../../services/auth.js";
import {
  type AccountRow,
  accountSheetLimits,
  accountsTemplate,
  checkAccountSheet,
  passwordsWorkbook,
} from "../../../services/spreadsheets/accounts.js";
import type { CellError } from "../../../services/spreadsheets/import.js";
import { readUpload, sendWorkbook } from "../../../services/spreadsheets/upload.js";

const ACCOUNTS = { roles: ["admin", "security"] } as const;

/** Hashes at a time: argon2 runs on libuv's few threads, which sign-ins need too. */
const HASHING_AT_ONCE = 2;

type Prepared =
  | { errors: CellError[]; rows: number }
  | { accounts: (AccountRow & { password: string; passwordHash: string })[]; rows: number };

declare module "fastify" {
  interface FastifyRequest {
    /** A bulk account file, read, checked and its passwords hashed (before the transaction). */
    accountsPrepared?: Prepared;
  }
}

async function hashAll<T extends { password: string }>(items: T[]) {
  const out: (T & { passwordHash: string })[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i] as T;
      out[i] = { ...item, passwordHash: await hashPassword(item.password) };
    }
  };
  await Promise.all(Array.from({ length: HASHING_AT_ONCE }, worker));
  return out;
}

/**
 * Reads the file on a worker thread (spreadsheet-reader.ts), checks every row and hashes the
 * new passwords before the route's transaction opens: a slow upload or 2,000 argon2 hashes must
 * not hold the database, which the embedded one shares with every other request.
 */
async function prepare(request: FastifyRequest) {
  const user = request.user;
  if (!user) return;
  const upload = await readUpload(request);
  const grid = await request.server.readSheet(upload, accountSheetLimits);
  const { errors, accounts, rows } = await checkAccountSheet(request.server.db, grid, user);
  request.accountsPrepared =
    errors.length > 0
      ? { errors, rows }
      : {
          rows,
          accounts: await hashAll(
            accounts.map((a) => ({ ...a, password: oneTimePassword(a.username) })),
          ),
        };
}

const refused = (rows: number, errors: CellError[]): AccountImportErrors => ({
  ok: false,
  message: `${errors.length} problem(s) in the file; no account was created`,
  rows,
  errors,
});

/** Accounts in bulk: the template, and a filled one in, one-time passwords out. */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/import/template",
    {
      config: { auth: ACCOUNTS },
      schema: {
        tags: ["users"],
        summary: "Download the template (.xlsx) for creating accounts in bulk",
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const bytes = await accountsTemplate(request.user?.role ?? "admin");
      return sendWorkbook(reply, "批量导入账号模板.xlsx", bytes);
    },
  );

  app.post(
    "/import",
    {
      config: {
        auth: ACCOUNTS,
        audit: { entity: "user-import", id: (r) => r.upload?.filename },
      },
      preHandler: prepare,
      schema: {
        tags: ["users"],
        summary: "Create accounts from a filled template (.xlsx), all or nothing",
        description:
          "Multipart upload in a field named `file`. Every bad row and cell is listed (422) and " +
          "no account is created. Otherwise every account is created, each with a one-time " +
          "password it must change at first sign-in, and the answer is an .xlsx of those " +
          "passwords: the only time they are given (the log keeps the accounts, never them).",
        response: { 422: AccountImportErrors, ...errorResponses },
      },
    },
    async (request, reply) => {
      const prepared = request.accountsPrepared;
      if (!prepared) throw new Error("the account file was not read");
      if ("errors" in prepared) {
        return reply.status(422).send(refused(prepared.rows, prepared.errors));
      }
      const created = await insertUsers(
        app.db,
        prepared.accounts.map((a) => ({
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          regionCode: a.regionCode,
          phone: a.phone,
          email: a.email,
          passwordHash: a.passwordHash,
          mustChangePassword: true,
        })),
      );
      const byName = new Map(created.map((u) => [u.username, u]));
      // A username taken since the check: the transaction rolls back, nothing is created.
      const lost = prepared.accounts.filter((a) => !byName.has(a.username));
      if (lost.length > 0) {
        return reply.status(422).send(
          refused(
            prepared.rows,
            lost.map((a) => ({
              row: a.row,
              column: "A",
              field: "username",
              reason: `the username ${a.username} is taken`,
              rule: "username_taken",
              params: { username: a.username },
            })),
          ),
        );
      }
      // One audit row per account, as its single create writes, in this same transaction.
      await writeAuditEntries(
        app.db,
        created.map(
          (user): AuditEntry => ({
            userId: request.user?.id ?? null,
            username: request.user?.username ?? null,
            ip: request.ip,
            requestId: request.id,
            action: "POST /api/users/import",
            entity: "user",
            entityId: String(user.id),
            oldValue: null,
            newValue: presentUser(user),
            result: "success",
            reason: null,
          }),
        ),
      );
      const bytes = await passwordsWorkbook(prepared.accounts);
      reply.header("x-accounts-created", String(created.length));
      return sendWorkbook(reply, `一次性密码-${created.length}个账号.xlsx`, bytes);
    },
  );
};
export default route;
