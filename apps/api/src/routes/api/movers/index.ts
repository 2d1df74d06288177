import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, MoversQuery, MoversResponse } from "../../../schemas/index.js";
import { moversOf } from "../../../services/movers.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      // Like the overview it sits on: bureaus see where they stand in their province.
      config: {
        cacheable: true,
        auth: rule(READERS, { in: "query", key: "region", reach: "province" }),
      },
      schema: {
        tags: ["dashboard"],
        summary:
          "What changed since last month: rank gains and falls, newly red, recovered, new supervision",
        querystring: MoversQuery,
        response: { 200: MoversResponse, ...errorResponses },
      },
    },
    async (request) => moversOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );
};
export default route;
