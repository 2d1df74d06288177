import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { supervisionById } from "@jindu/db";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import { createdId } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  SupervisionClose,
  SupervisionCreate,
  SupervisionListResponse,
  SupervisionParams,
  SupervisionQuery,
  SupervisionRecord,
} from "../../../schemas/index.js";
import type { SignedInUser } from "../../../services/auth.js";
import { closeRecord, createRecord, listRecords, present } from "../../../services/supervision.js";

const idOf = (request: { params: unknown }) => (request.params as { id: number }).id;

/** Supervision (督办) of lagging regions: interviews and listed supervision, open until closed. */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      // Officials and leadership over their scope; a bureau sees the records of its own region.
      config: { auth: rule(READERS, { in: "query", key: "region" }) },
      schema: {
        tags: ["supervision"],
        summary: "Supervision records of a region and the regions below it, open ones first",
        querystring: SupervisionQuery,
        response: { 200: SupervisionListResponse, ...errorResponses },
      },
    },
    async (request) => ({
      records: await listRecords(app.db, request.user as SignedInUser, request.query),
    }),
  );

  app.post(
    "/",
    {
      config: {
        auth: rule(PROVINCE, { in: "body", key: "region" }),
        audit: { entity: "supervision", id: createdId },
      },
      schema: {
        tags: ["supervision"],
        summary: "Record an interview (约谈) or listed supervision (挂牌督办) of a region",
        body: SupervisionCreate,
        response: { 201: SupervisionRecord, ...errorResponses },
      },
    },
    async (request, reply) => {
      const record = await createRecord(app.db, request.user as SignedInUser, request.body);
      return reply.status(201).send(record);
    },
  );

  app.post(
    "/:id/close",
    {
      config: {
        auth: rule(PROVINCE),
        audit: {
          entity: "supervision",
          id: (r) => String(idOf(r)),
          before: async (r) => {
            const row = await supervisionById(r.server.db, idOf(r));
            return row ? present(row) : null;
          },
        },
      },
      schema: {
        tags: ["supervision"],
        summary: "Close an open supervision record with its outcome",
        params: SupervisionParams,
        body: SupervisionClose,
        response: { 200: SupervisionRecord, ...errorResponses },
      },
    },
    async (request) =>
      closeRecord(app.db, request.user as SignedInUser, request.params.id, request.body.outcome),
  );
};
export default route;
