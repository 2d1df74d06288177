import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, MatrixQuery, MatrixResponse } from "../../../schemas/index.js";
import { matrixOf } from "../../../services/dashboard.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["dashboard"],
        summary: "Status of every child region on every indicator",
        querystring: MatrixQuery,
        response: { 200: MatrixResponse, ...errorResponses },
      },
    },
    async (request) => matrixOf(app.db, request.query),
  );
};
export default route;
