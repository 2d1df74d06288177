import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { auditFacets, auditPage } from "@jindu/db";
import ExcelJS from "exceljs";
import type { Static } from "typebox";
import {
  AuditFacetsResponse,
  AuditQuery,
  AuditResponse,
  errorResponses,
} from "../../../schemas/index.js";
import { auditRead } from "../../../services/read-audit.js";
import { sendWorkbook } from "../../../services/spreadsheets/upload.js";

/** Reading the log is the auditor's alone: administrators cannot see or cover their tracks. */
const AUDITOR = { roles: ["auditor"] } as const;

const route: FastifyPluginAsyncTypebox = async (app) => {
  const page = async (q: Static<typeof AuditQuery>, limit: number) => {
    const { rows, total } = await auditPage(app.db, {
      ...q,
      limit: q.limit ?? limit,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });
    const entries = rows.map(({ userId: _, at, ...r }) => ({ ...r, at: at.toISOString() }));
    return { entries, total };
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
    async (request) => {
      const answer = await page(request.query, 500);
      // The auditor's own reads are on the record too.
      await auditRead(request, "audit_log", {
        filter: request.query,
        rows: answer.entries.length,
      });
      return answer;
    },
  );

  app.get(
    "/facets",
    {
      config: { auth: AUDITOR },
      schema: {
        tags: ["audit"],
        summary: "The users, actions and entities the log holds, for its filters",
        response: { 200: AuditFacetsResponse, ...errorResponses },
      },
    },
    async () => auditFacets(app.db),
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
      const { entries } = await page(request.query, 5000);
      await auditRead(request, "audit_log", { filter: request.query, rows: entries.length });
      for (const e of entries) {
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
