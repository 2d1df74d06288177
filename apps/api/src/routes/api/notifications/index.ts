import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { unreadCount } from "@jindu/db";
import type { FastifyRequest } from "fastify";
import { EVERYONE, rule } from "../../../auth-rules.js";
import { ApiError } from "../../../errors.js";
import {
  errorResponses,
  NotificationList,
  NotificationParams,
  NotificationQuery,
  PreferenceList,
  PreferenceUpdate,
  ReadAllAnswer,
  UnreadCount,
} from "../../../schemas/index.js";
import { changePreferences, preferencesView } from "../../../services/channels.js";
import { inbox, markAllRead, markRead } from "../../../services/notifications.js";

/** The caller's own account: the inbox only ever shows and changes one's own notifications. */
function userIdOf(request: FastifyRequest): number {
  if (!request.user) throw new ApiError(401, "sign in first");
  return request.user.id;
}

/** The in-app inbox (站内通知): what happened to one's months, newest first. */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(EVERYONE) },
      schema: {
        tags: ["notifications"],
        summary: "One's own notifications, newest first, a page at a time",
        description: "At most 100 a page; `next` is the `before` of the next page.",
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (request) => inbox(app.db, userIdOf(request), request.query),
  );

  app.get(
    "/unread-count",
    {
      // Polled by the bell: it must not keep an idle session alive.
      config: { auth: rule(EVERYONE), background: true },
      schema: {
        tags: ["notifications"],
        summary: "How many of one's notifications are unread (the bell polls this)",
        response: { 200: UnreadCount, ...errorResponses },
      },
    },
    async (request) => ({ unread: await unreadCount(app.db, userIdOf(request)) }),
  );

  app.post(
    "/:id/read",
    {
      config: {
        auth: rule(EVERYONE),
        audit: { entity: "notification", id: (r) => String((r.params as { id: number }).id) },
      },
      schema: {
        tags: ["notifications"],
        summary: "Mark one of one's own notifications read (anyone else's: 404)",
        params: NotificationParams,
        response: { 200: UnreadCount, ...errorResponses },
      },
    },
    async (request) => markRead(app.db, userIdOf(request), request.params.id),
  );

  app.post(
    "/read-all",
    {
      config: {
        auth: rule(EVERYONE),
        audit: { entity: "notification", id: (r) => `user:${r.user?.id ?? ""}` },
      },
      schema: {
        tags: ["notifications"],
        summary: "Mark all of one's notifications read",
        response: { 200: ReadAllAnswer, ...errorResponses },
      },
    },
    async (request) => markAllRead(app.db, userIdOf(request)),
  );

  app.get(
    "/preferences",
    {
      config: { auth: rule(EVERYONE) },
      schema: {
        tags: ["notifications"],
        summary: "One's own choices: per kind, whether the inbox and e-mail carry it",
        response: { 200: PreferenceList, ...errorResponses },
      },
    },
    async (request) => preferencesView(app.db, userIdOf(request)),
  );

  app.put(
    "/preferences",
    {
      config: {
        auth: rule(EVERYONE),
        audit: { entity: "notification_preferences", id: (r) => `user:${r.user?.id ?? ""}` },
      },
      schema: {
        tags: ["notifications"],
        summary: "Switch kinds on or off per channel for oneself; those not sent are kept",
        body: PreferenceUpdate,
        response: { 200: PreferenceList, ...errorResponses },
      },
    },
    async (request) => changePreferences(app.db, userIdOf(request), request.body),
  );
};
export default route;
