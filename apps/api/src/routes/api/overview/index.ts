import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, OverviewQuery, OverviewResponse } from "../../../schemas/index.js";
import { overviewOf } from "../../../services/dashboard.js";

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
        summary: "Every indicator's progress for a region, its children's statuses, the worst lags",
        querystring: OverviewQuery,
        response: { 200: OverviewResponse, ...errorResponses },
      },
    },
    async (request) => overviewOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );
};
export default route;
