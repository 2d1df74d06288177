import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { auditFacets, auditPage } from "@jindu/db";
import { auditActionWords, auditEntityWords, auditReasonWords } from "@jindu/domain";
import type { Static } from "typebox";
import {
  AuditFacetsResponse,
  AuditQuery,
  AuditResponse,
  errorResponses,
} from "../../../schemas/index.js";
import { auditObjectNames } from "../../../services/audit-names.js";
import { auditRead } from "../../../services/read-audit.js";
import { sendWorkbook } from "../../../services/spreadsheets/upload.js";
import { newWorkbook } from "../../../services/spreadsheets/workbook.js";

const RESULT_WORDS: Record<string, { zh: string; en: string }> = {
  success: { zh: "成功", en: "success" },
  failure: { zh: "失败", en: "failure" },
  denied: { zh: "拒绝", en: "denied" },
};

/** 2026-12-03 16:45:12, Beijing time: what an auditor in China reads. */
const beijingStamp = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);

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
    const names = await auditObjectNames(app.db, rows);
    const entries = rows.map(({ userId: _, at, ...r }, i) => ({
      ...r,
      at: at.toISOString(),
      entityName: names[i] ?? null,
    }));
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
      const workbook = await newWorkbook();
      const sheet = workbook.addWorksheet("审计日志 Audit log");
      sheet.addRow([
        "时间（北京）Time (Beijing)",
        "用户 User",
        "IP",
        "操作 Action",
        "对象 Entity",
        "名称 Name",
        "编号 Id",
        "结果 Result",
        "原因 Reason",
        "接口 Route",
        "旧值 Old",
        "新值 New",
      ]).font = { bold: true };
      const { entries } = await page(request.query, 5000);
      await auditRead(request, "audit_log", { filter: request.query, rows: entries.length });
      for (const e of entries) {
        const both = (words: { zh: string; en: string } | null, raw: string | null) =>
          words ? (words.zh === words.en ? words.zh : `${words.zh} ${words.en}`) : raw;
        sheet.addRow([
          beijingStamp(e.at),
          e.username,
          e.ip,
          both(auditActionWords(e.action), e.action),
          both(auditEntityWords(e.entity), e.entity),
          both(e.entityName, null),
          e.entityId,
          both(RESULT_WORDS[e.result] ?? null, e.result),
          both(auditReasonWords(e.reason), e.reason),
          e.action,
          JSON.stringify(e.oldValue),
          JSON.stringify(e.newValue),
        ]);
      }
      return sendWorkbook(reply, "audit-log.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    },
  );
};
export default route;
