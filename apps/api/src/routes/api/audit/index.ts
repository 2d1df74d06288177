import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { auditEntries } from "@jindu/db";
import ExcelJS from "exceljs";
import type { Static } from "typebox";
import { AuditQuery, AuditResponse, errorResponses } from "../../../schemas/index.js";
import { sendWorkbook } from "../../../services/spreadsheets/upload.js";

/** Reading the log is the auditor's alone: administrators cannot see or cover their tracks. */
const AUDITOR = { roles: ["auditor"] } as const;

const route: FastifyPluginAsyncTypebox = async (app) => {
  const entries = async (q: Static<typeof AuditQuery>) => {
    const rows = await auditEntries(app.db, {
      ...q,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });
    return rows.map(({ userId: _, at, ...r }) => ({ ...r, at: at.toISOString() }));
  };

  app.get(
    "/",
    {
      config: { auth: AUDITOR },
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first, filtered",
        querystring: AuditQuery,
        response: { 200: AuditResponse, ...errorResponses },
      },
    },
    async (request) => ({ entries: await entries(request.query) }),
  );

  app.get(
    "/export",
    {
      config: { auth: AUDITOR },
      schema: {
        tags: ["audit"],
        summary: "The filtered audit log as .xlsx",
        querystring: AuditQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("审计日志 Audit log");
      sheet.addRow([
        "时间 Time",
        "用户 User",
        "IP",
        "操作 Action",
        "对象 Entity",
        "编号 Id",
        "结果 Result",
        "原因 Reason",
        "旧值 Old",
        "新值 New",
      ]).font = { bold: true };
      for (const e of await entries(request.query)) {
        sheet.addRow([
          e.at,
          e.username,
          e.ip,
          e.action,
          e.entity,
          e.entityId,
          e.result,
          e.reason,
          JSON.stringify(e.oldValue),
          JSON.stringify(e.newValue),
        ]);
      }
      return sendWorkbook(reply, "audit-log.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    },
  );
};
export default route;
