import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, MonthOfParentQuery } from "../../../schemas/index.js";
import { auditRead } from "../../../services/read-audit.js";
import { monthExport } from "../../../services/spreadsheets/export.js";
import { sendWorkbook } from "../../../services/spreadsheets/upload.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/month",
    {
      config: { auth: rule(READERS, { in: "query", key: "parent" }) },
      schema: {
        tags: ["import"],
        summary: "A month's submissions of a region's children as .xlsx",
        querystring: MonthOfParentQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { parent, year, month } = request.query;
      const bytes = await monthExport(app.db, {
        ...request.query,
        viewerScope: viewerScope(request),
      });
      await auditRead(request, "submission", {
        entityId: `${parent}/${year}/${month}`,
        filter: request.query,
      });
      return sendWorkbook(reply, `月报-${parent}-${year}-${month}.xlsx`, bytes);
    },
  );
};
export default route;
