import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { rule } from "../../../auth-rules.js";
import { createdId } from "../../../plugins/app/audit.js";
import {
  ChannelCreate,
  ChannelList,
  ChannelParams,
  ChannelTest,
  ChannelTestResult,
  ChannelUpdate,
  ChannelView,
  DeliveryLog,
  DeliveryQuery,
  errorResponses,
  ScheduledRunList,
} from "../../../schemas/index.js";
import {
  addChannel,
  changeChannel,
  channelView,
  deliveriesPage,
  listChannels,
  removeChannel,
  requireChannel,
  scheduledRuns,
  testChannel,
} from "../../../services/channels.js";

/** Channels are the administrator's: the mail server and the group robots of the whole system. */
const ADMIN = rule(["admin"]);
const idOf = (request: FastifyRequest) => String((request.params as { id: number }).id);
const channelAudit = {
  entity: "notification_channel",
  id: idOf,
  before: async (request: FastifyRequest) =>
    channelView(await requireChannel(request.server.db, (request.params as { id: number }).id)),
};
const actor = (request: FastifyRequest) => request.user?.username ?? "unknown";

/** Notification channels beyond the inbox (e-mail, 企业微信, 钉钉, webhook) and their log. */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: ADMIN },
      schema: {
        tags: ["notifications"],
        summary: "The channels, secrets left out",
        response: { 200: ChannelList, ...errorResponses },
      },
    },
    async () => listChannels(app.db),
  );

  app.post(
    "/",
    {
      config: { auth: ADMIN, audit: { entity: "notification_channel", id: createdId } },
      schema: {
        tags: ["notifications"],
        summary:
          "Add a channel: the SMTP server, a 企业微信 or 钉钉 group robot, or a signed webhook",
        body: ChannelCreate,
        response: { 201: ChannelView, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return addChannel(app.db, request.body, actor(request));
    },
  );

  app.patch(
    "/:id",
    {
      config: { auth: ADMIN, audit: channelAudit },
      schema: {
        tags: ["notifications"],
        summary: "Change a channel; a password or secret left out is kept",
        params: ChannelParams,
        body: ChannelUpdate,
        response: { 200: ChannelView, ...errorResponses },
      },
    },
    async (request) => changeChannel(app.db, request.params.id, request.body, actor(request)),
  );

  app.delete(
    "/:id",
    {
      config: { auth: ADMIN, audit: channelAudit },
      schema: {
        tags: ["notifications"],
        summary: "Remove a channel with its delivery log",
        params: ChannelParams,
        response: { 200: ChannelView, ...errorResponses },
      },
    },
    async (request) => removeChannel(app.db, request.params.id),
  );

  app.post(
    "/:id/test",
    {
      config: { auth: ADMIN, audit: { entity: "notification_channel", id: idOf } },
      schema: {
        tags: ["notifications"],
        summary: "Send a test message on the channel now and say what the receiver answered",
        params: ChannelParams,
        body: ChannelTest,
        response: { 200: ChannelTestResult, ...errorResponses },
      },
    },
    async (request) =>
      testChannel(
        app.db,
        request.params.id,
        request.body.recipient,
        app.publicUrl ?? `${request.protocol}://${request.host}/`,
      ),
  );

  app.get(
    "/deliveries",
    {
      config: { auth: ADMIN },
      schema: {
        tags: ["notifications"],
        summary: "The delivery log, newest first: every message, its attempts and result",
        querystring: DeliveryQuery,
        response: { 200: DeliveryLog, ...errorResponses },
      },
    },
    async (request) => deliveriesPage(app.db, request.query),
  );

  app.get(
    "/runs",
    {
      config: { auth: ADMIN },
      schema: {
        tags: ["notifications"],
        summary:
          "The scheduled jobs' runs (reminders, bulletin push, expiry warnings), newest first",
        response: { 200: ScheduledRunList, ...errorResponses },
      },
    },
    async () => scheduledRuns(app.db),
  );
};
export default route;
