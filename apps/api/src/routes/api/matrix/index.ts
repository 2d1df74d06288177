import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, MatrixQuery, MatrixResponse } from "../../../schemas/index.js";
import { matrixOf } from "../../../services/dashboard.js";

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
        tags: ["dashboard"],
        summary: "Status of every child region on every indicator",
        querystring: MatrixQuery,
        response: { 200: MatrixResponse, ...errorResponses },
      },
    },
    async (request) => matrixOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );
};
export default route;
