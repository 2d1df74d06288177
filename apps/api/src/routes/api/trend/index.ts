import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, TrendQuery, TrendResponse } from "../../../schemas/index.js";
import { trendOf } from "../../../services/dashboard.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      // Bureaus see their province's rankings, so that they know where they stand.
      config: {
        cacheable: true,
        auth: rule(READERS, { in: "query", key: "region", reach: "province" }),
      },
      schema: {
        tags: ["dashboard"],
        summary: "A region's figure month by month against the target pace",
        querystring: TrendQuery,
        response: { 200: TrendResponse, ...errorResponses },
      },
    },
    async (request) => trendOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );
};
export default route;
