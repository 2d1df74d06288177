import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { indicatorByCode } from "@jindu/db";
import type { FastifyRequest } from "fastify";
import { rule } from "../../../auth-rules.js";
import type { AuditRule } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  IndicatorCreate,
  IndicatorEntry,
  IndicatorParams,
  IndicatorUpdate,
} from "../../../schemas/index.js";
import type { SignedInUser } from "../../../services/auth.js";
import {
  createIndicatorFor,
  deleteIndicatorFor,
  updateIndicatorFor,
} from "../../../services/catalogue.js";

const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;

/** Catalogue changes are audited with the indicator as it was. */
const indicatorAudit: AuditRule = {
  entity: "indicator",
  id: codeOf,
  before: (request) => indicatorByCode(request.server.db, codeOf(request)),
};

/** The administrator and officials keep the catalogue; which part each may change: catalogue.ts. */
const EDITORS = rule(["admin", "province"]);

/** Adding, changing, retiring and deleting indicators. */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/",
    {
      config: {
        auth: EDITORS,
        audit: { entity: "indicator", id: (_r, answer) => (answer as { code?: string })?.code },
      },
      schema: {
        tags: ["catalogue"],
        summary: "Add an indicator to the national catalogue or to a province's own",
        description:
          "A provincial official's indicator belongs to its province, which alone sees it. " +
          "Every screen, template, import, export and bulletin follows the catalogue.",
        body: IndicatorCreate,
        response: { 201: IndicatorEntry, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createIndicatorFor(app.db, request.user as SignedInUser, request.body);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/:code",
    {
      config: { auth: EDITORS, audit: indicatorAudit },
      schema: {
        tags: ["catalogue"],
        summary: "Change an indicator's names, units, category, order or years in force",
        description:
          "Retiring sets the last year: its figures stay readable for the years it was in " +
          "force. Code, kind and direction cannot change: stored targets and figures depend on them.",
        params: IndicatorParams,
        body: IndicatorUpdate,
        response: { 200: IndicatorEntry, ...errorResponses },
      },
    },
    async (request) =>
      updateIndicatorFor(app.db, request.user as SignedInUser, request.params.code, request.body),
  );

  app.delete(
    "/:code",
    {
      config: { auth: EDITORS, audit: indicatorAudit },
      schema: {
        tags: ["catalogue"],
        summary: "Delete an indicator that has no targets or figures",
        description: "One with targets or figures answers 409: retire it instead.",
        params: IndicatorParams,
        response: { 200: IndicatorEntry, ...errorResponses },
      },
    },
    async (request) =>
      deleteIndicatorFor(app.db, request.user as SignedInUser, request.params.code),
  );
};
export default route;
