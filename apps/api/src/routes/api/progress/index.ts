import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, ProgressQuery, ProgressResponse } from "../../../schemas/index.js";
import { progressOf } from "../../../services/progress.js";

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
        summary: "Completion against schedule of a region and its children for one indicator",
        description:
          "Completion, schedule and projection are fractions (0.723); lag is in percentage points. " +
          "The parent line is the roll-up of its children: sums for cumulative indicators, " +
          "summed numerators over summed denominators for ratios.",
        querystring: ProgressQuery,
        response: { 200: ProgressResponse, ...errorResponses },
      },
    },
    async (request) => progressOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );
};
export default route;
