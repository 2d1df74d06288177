import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule } from "../../../auth-rules.js";
import { errorResponses, PeriodsQuery, PeriodsResponse } from "../../../schemas/index.js";
import { periodsOf } from "../../../services/periods.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      // As the dashboards: a bureau reads its province's periods too. Not cached: the open month
      // moves with the date, not with the data.
      config: { auth: rule(READERS, { in: "query", key: "region", reach: "province" }) },
      schema: {
        tags: ["dashboard"],
        summary:
          "A region's years with data, its latest approved month and the month being reported now",
        querystring: PeriodsQuery,
        response: { 200: PeriodsResponse, ...errorResponses },
      },
    },
    async (request) => periodsOf(app.db, request.query),
  );
};
export default route;
