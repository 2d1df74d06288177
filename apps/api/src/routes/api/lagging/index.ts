import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, LaggingQuery, LaggingResponse } from "../../../schemas/index.js";
import { laggingOf } from "../../../services/progress.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      // Bureaus see their province's rankings, so that they know where they stand.
      config: {
        cacheable: true,
        auth: rule(READERS, { in: "query", key: "parent", reach: "province" }),
      },
      schema: {
        tags: ["progress"],
        summary: "Child regions behind schedule on any indicator, worst first",
        querystring: LaggingQuery,
        response: { 200: LaggingResponse, ...errorResponses },
      },
    },
    async (request) => laggingOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );
};
export default route;
