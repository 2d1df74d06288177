import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import {
  errorResponses,
  LaggingQuery,
  LaggingResponse,
  LaggingXlsxQuery,
} from "../../../schemas/index.js";
import { laggingOf } from "../../../services/progress.js";
import { laggingWorkbook } from "../../../services/spreadsheets/lagging.js";
import { sendWorkbook } from "../../../services/spreadsheets/upload.js";

// Bureaus see their province's rankings, so that they know where they stand.
const auth = rule(READERS, { in: "query", key: "parent", reach: "province" });

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { cacheable: true, auth },
      schema: {
        tags: ["progress"],
        summary: "Child regions behind schedule on any indicator, worst first",
        querystring: LaggingQuery,
        response: { 200: LaggingResponse, ...errorResponses },
      },
    },
    async (request) => laggingOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );

  app.get(
    "/xlsx",
    {
      config: { auth },
      schema: {
        tags: ["progress"],
        summary: "The lagging list as .xlsx, filtered as the screen shows it (lang=en for English)",
        querystring: LaggingXlsxQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { lang = "zh", ...query } = request.query;
      const lagging = await laggingOf(app.db, { ...query, viewerScope: viewerScope(request) });
      const name =
        lang === "en"
          ? `lagging-${query.parent}-${query.year}-${query.month}.xlsx`
          : `滞后清单-${lagging.parent.nameZh}-${query.year}年${query.month}月.xlsx`;
      return sendWorkbook(reply, name, await laggingWorkbook(lagging, lang));
    },
  );
};
export default route;
