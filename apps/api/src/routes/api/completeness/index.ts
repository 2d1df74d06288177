import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import {
  ChaseBody,
  ChaseParams,
  ChaseResult,
  CompletenessQuery,
  CompletenessResponse,
  errorResponses,
  TimelinessHistoryQuery,
  TimelinessHistoryResponse,
} from "../../../schemas/index.js";
import {
  chaseMissing,
  completenessOf,
  timelinessHistoryOf,
} from "../../../services/completeness.js";

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

  app.post(
    "/:parent/:year/:month/chase",
    {
      config: {
        idempotent: true,
        // Officials chase the regions under their own scope: the parent must be in it.
        auth: rule(PROVINCE, { in: "params", key: "parent" }),
        audit: {
          entity: "chase",
          id: (r) => {
            const p = r.params as { parent: string; year: number; month: number };
            return `${p.parent}/${p.year}-${p.month}`;
          },
        },
      },
      schema: {
        tags: ["completeness"],
        summary: "催报: remind the bureaus of missing child regions to report the month",
        description:
          "Each chosen region must be under `parent` and still missing the month. Its bureau " +
          "gets a notification linking to the month's form, at most once a day per month: " +
          "a region already reminded today is listed in `alreadyToday` and not reminded again.",
        params: ChaseParams,
        body: ChaseBody,
        response: { 200: ChaseResult, ...errorResponses },
      },
    },
    async (request) =>
      chaseMissing(app.db, request.params, {
        ...request.body,
        actor: request.user?.username ?? "anonymous",
      }),
  );
};
export default route;
