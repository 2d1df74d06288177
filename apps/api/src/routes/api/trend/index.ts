import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, TrendQuery, TrendResponse } from "../../../schemas/index.js";
import { trendOf } from "../../../services/dashboard.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["dashboard"],
        summary: "A region's figure month by month against the target pace",
        querystring: TrendQuery,
        response: { 200: TrendResponse, ...errorResponses },
      },
    },
    async (request) => trendOf(app.db, request.query),
  );
};
export default route;
