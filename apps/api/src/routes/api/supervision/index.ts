import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { supervisionById } from "@jindu/db";
import type { FastifyRequest } from "fastify";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import type { AuditRule } from "../../../plugins/app/audit.js";
import { createdId } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  SupervisionAnswer,
  SupervisionClose,
  SupervisionCreate,
  SupervisionDetail,
  SupervisionListResponse,
  SupervisionMinutes,
  SupervisionParams,
  SupervisionQuery,
  SupervisionRecord,
  SupervisionSuggestion,
  SupervisionSuggestionQuery,
} from "../../../schemas/index.js";
import type { SignedInUser } from "../../../services/auth.js";
import {
  answerRecord,
  closeRecord,
  createRecord,
  listRecords,
  present,
  recordDetail,
  recordMinutes,
  suggestion,
} from "../../../services/supervision.js";

const idOf = (request: { params: unknown }) => (request.params as { id: number }).id;

/** The audit rule of a change to one record: its id, and the record as it was. */
const changeOf: AuditRule = {
  entity: "supervision",
  id: (r) => String(idOf(r)),
  before: async (r: FastifyRequest) => {
    const row = await supervisionById(r.server.db, idOf(r));
    return row ? present(row) : null;
  },
};

/**
 * Supervision (督办) of lagging regions up the ladder 提醒 → 约谈 → 挂牌督办: the province opens
 * a record, the region's bureau answers it, and once the region is back on schedule long enough
 * its closing (销号) is proposed and an official closes it.
 */
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

  app.get(
    "/suggestion",
    {
      config: { auth: rule(PROVINCE, { in: "query", key: "region" }) },
      schema: {
        tags: ["supervision"],
        summary:
          "A new record pre-filled from the lagging list: lag, months behind and the ladder's level",
        querystring: SupervisionSuggestionQuery,
        response: { 200: SupervisionSuggestion, ...errorResponses },
      },
    },
    async (request) => suggestion(app.db, request.query),
  );

  app.get(
    "/:id",
    {
      config: { auth: rule(READERS) },
      schema: {
        tags: ["supervision"],
        summary: "One record with its indicators' lag each month since it opened",
        params: SupervisionParams,
        response: { 200: SupervisionDetail, ...errorResponses },
      },
    },
    async (request) => recordDetail(app.db, request.user as SignedInUser, request.params.id),
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
        summary: "Record a reminder (提醒), an interview (约谈) or listed supervision (挂牌督办)",
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
    "/:id/answer",
    {
      // The region's bureau (its own region, or a city's bureau for a county in it).
      config: { auth: rule(["reporter"]), audit: changeOf },
      schema: {
        tags: ["supervision"],
        summary: "The region's bureau answers an open record: explanation and measures (整改措施)",
        params: SupervisionParams,
        body: SupervisionAnswer,
        response: { 200: SupervisionRecord, ...errorResponses },
      },
    },
    async (request) =>
      answerRecord(app.db, request.user as SignedInUser, request.params.id, request.body),
  );

  app.put(
    "/:id/minutes",
    {
      config: { auth: rule(PROVINCE), audit: changeOf },
      schema: {
        tags: ["supervision"],
        summary: "An interview's attendees and minutes",
        params: SupervisionParams,
        body: SupervisionMinutes,
        response: { 200: SupervisionRecord, ...errorResponses },
      },
    },
    async (request) =>
      recordMinutes(app.db, request.user as SignedInUser, request.params.id, request.body),
  );

  app.post(
    "/:id/close",
    {
      config: { auth: rule(PROVINCE), audit: changeOf },
      schema: {
        tags: ["supervision"],
        summary: "Close (销号) an open supervision record with its outcome",
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
