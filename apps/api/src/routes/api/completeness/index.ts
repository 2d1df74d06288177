import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { READERS, rule } from "../../../auth-rules.js";
import {
  CompletenessQuery,
  CompletenessResponse,
  errorResponses,
  TimelinessHistoryQuery,
  TimelinessHistoryResponse,
} from "../../../schemas/index.js";
import { completenessOf, timelinessHistoryOf } from "../../../services/completeness.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(["province", "leader"], { in: "query", key: "parent" }) },
      schema: {
        tags: ["completeness"],
        summary: "Which child regions reported a month, on time or late, and who is missing",
        querystring: CompletenessQuery,
        response: { 200: CompletenessResponse, ...errorResponses },
      },
    },
    async (request) => completenessOf(app.db, request.query),
  );

  app.get(
    "/history",
    {
      config: { auth: rule(READERS, { in: "query", key: "region" }) },
      schema: {
        tags: ["completeness"],
        summary: "A region's timeliness month by month through a year",
        querystring: TimelinessHistoryQuery,
        response: { 200: TimelinessHistoryResponse, ...errorResponses },
      },
    },
    async (request) => timelinessHistoryOf(app.db, request.query),
  );
};
export default route;
