import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, LaggingQuery, LaggingResponse } from "../../../schemas/index.js";
import { laggingOf } from "../../../services/progress.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["progress"],
        summary: "Child regions behind schedule on any indicator, worst first",
        querystring: LaggingQuery,
        response: { 200: LaggingResponse, ...errorResponses },
      },
    },
    async (request) => laggingOf(app.db, request.query),
  );
};
export default route;
