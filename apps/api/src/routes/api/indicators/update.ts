import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { indicatorByCode, updateIndicator } from "@jindu/db";
import type { FastifyRequest } from "fastify";
import { rule } from "../../../auth-rules.js";
import { notFound } from "../../../errors.js";
import type { AuditRule } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  IndicatorEntry,
  IndicatorParams,
  IndicatorUpdate,
} from "../../../schemas/index.js";

const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;

/** Catalogue changes are audited with the indicator as it was. */
const indicatorAudit: AuditRule = {
  entity: "indicator",
  id: codeOf,
  before: (request) => indicatorByCode(request.server.db, codeOf(request)),
};

/** The administrator's catalogue edits: wording, units, category and order. */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.patch(
    "/:code",
    {
      config: { auth: rule(["admin"]), audit: indicatorAudit },
      schema: {
        tags: ["catalogue"],
        summary: "Change an indicator's names, units, category or sort order",
        description:
          "Code, kind and direction cannot change: stored targets and figures depend on them.",
        params: IndicatorParams,
        body: IndicatorUpdate,
        response: { 200: IndicatorEntry, ...errorResponses },
      },
    },
    async (request) => {
      const indicator = await updateIndicator(app.db, request.params.code, request.body);
      if (!indicator) throw notFound(`indicator ${request.params.code} does not exist`);
      return indicator;
    },
  );
};
export default route;
