import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ENTRY, rule } from "../../../auth-rules.js";
import { ApiError } from "../../../errors.js";
import {
  errorResponses,
  ImportQuery,
  ImportResult,
  MonthOfParentQuery,
} from "../../../schemas/index.js";
import { annotatedWorkbook } from "../../../services/spreadsheets/annotate.js";
import { importGrid } from "../../../services/spreadsheets/import.js";
import { monthlySheetLimits, monthlyTemplate } from "../../../services/spreadsheets/template.js";
import {
  readSheetFirst,
  sendWorkbook,
  uploadedSheet,
} from "../../../services/spreadsheets/upload.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/template",
    {
      config: { auth: rule(ENTRY, { in: "query", key: "parent" }) },
      schema: {
        tags: ["import"],
        summary: "Download the monthly template (.xlsx) for a region's children",
        querystring: MonthOfParentQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { parent, year, month } = request.query;
      const bytes = await monthlyTemplate(app.db, { parent, year, month });
      return sendWorkbook(reply, `月报模板-${parent}-${year}-${month}.xlsx`, bytes);
    },
  );

  app.post(
    "/",
    {
      config: {
        idempotent: true,
        auth: rule(ENTRY, { in: "query", key: "parent" }),
        audit: { entity: "import", id: (r) => JSON.stringify(r.query) },
      },
      preHandler: readSheetFirst(monthlySheetLimits),
      schema: {
        tags: ["import"],
        summary: "Import a filled template (.xlsx or .csv), all or nothing",
        description:
          "Multipart upload in a field named `file`. Every bad row and cell is listed (422) and " +
          "nothing is written; `dryRun=true` previews what would change. Importing the same " +
          "file again changes nothing.",
        querystring: ImportQuery,
        response: { 200: ImportResult, 422: ImportResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      // Saving drafts is the default; submitting is a choice the person makes in the preview.
      const action = request.query.action ?? "draft";
      if (action === "approved" && request.user?.role !== "province") {
        throw new ApiError(403, "only the province approves figures");
      }
      const { grid } = uploadedSheet(request);
      const result = await importGrid(app.db, grid, {
        ...request.query,
        action,
        dryRun: request.query.dryRun ?? false,
        actor: request.user?.username ?? "anonymous",
      });
      return reply.status(result.ok ? 200 : 422).send(result);
    },
  );

  app.post(
    "/annotated",
    {
      config: {
        auth: rule(ENTRY, { in: "query", key: "parent" }),
        audit: { entity: "import-check", id: (r) => JSON.stringify(r.query) },
      },
      preHandler: readSheetFirst(monthlySheetLimits),
      schema: {
        tags: ["import"],
        summary: "The uploaded file back as .xlsx with every bad cell marked and explained",
        querystring: ImportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { upload, grid } = uploadedSheet(request);
      const result = await importGrid(app.db, grid, {
        ...request.query,
        action: request.query.action ?? "draft",
        dryRun: true,
        actor: request.user?.username ?? "anonymous",
      });
      const bytes = await annotatedWorkbook(grid, result.errors, result.held);
      return sendWorkbook(reply, upload.filename.replace(/\.(xlsx|csv)$/i, "-标注.xlsx"), bytes);
    },
  );
};
export default route;
