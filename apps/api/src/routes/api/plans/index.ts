import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule, viewerScope } from "../../../auth-rules.js";
import { errorResponses, PlanProgressQuery, PlanProgressResponse } from "../../../schemas/index.js";
import { planProgressOf } from "../../../services/plans.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/progress",
    {
      // Read like the overview: bureaus see their province's plans beside their own.
      config: {
        cacheable: true,
        auth: rule(READERS, { in: "query", key: "region", reach: "province" }),
      },
      schema: {
        tags: ["dashboard"],
        summary: "Progress of the multi-year plans (e.g. 2021–2025) of a region and its children",
        description:
          "Plans covering the year: done = each finished year's year-end figure plus this " +
          "year's up to the month; the schedule holds finished years to their whole share and " +
          "this year to its share times its schedule progress; lag in percentage points.",
        querystring: PlanProgressQuery,
        response: { 200: PlanProgressResponse, ...errorResponses },
      },
    },
    async (request) =>
      planProgressOf(app.db, { ...request.query, viewerScope: viewerScope(request) }),
  );
};
export default route;
