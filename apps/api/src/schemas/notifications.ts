/** Request and response schemas of the inbox routes. */
import { NOTIFICATION_KINDS } from "@jindu/domain";
import { type Static, Type } from "typebox";
import { Id } from "./common.js";

export const NotificationKind = Type.Enum(NOTIFICATION_KINDS);

export const Notification = Type.Object({
  id: Type.Integer(),
  kind: NotificationKind,
  titleZh: Type.String(),
  titleEn: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  /** A path in the app with its query, e.g. /entry?region=330300&year=2024&month=6. */
  link: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
  readAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});
export type Notification = Static<typeof Notification>;

/** At most this many in one page of the inbox. */
export const NOTIFICATIONS_PAGE_MAX = 100;

export const NotificationQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: NOTIFICATIONS_PAGE_MAX, default: 20 }),
    ),
    /** The next page: notifications older than this id (the last one of the page before). */
    before: Type.Optional(Id),
    unread: Type.Optional(Type.Boolean({ description: "only unread ones" })),
  },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const NotificationList = Type.Object({
  notifications: Type.Array(Notification),
  /** The id to pass as `before` for the next page; null on the last page. */
  next: Type.Union([Type.Integer(), Type.Null()]),
  unread: Type.Integer(),
});
export type NotificationList = Static<typeof NotificationList>;

export const UnreadCount = Type.Object({ unread: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCount>;

export const NotificationParams = Type.Object({ id: Id });

export const ReadAllAnswer = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });
export type ReadAllAnswer = Static<typeof ReadAllAnswer>;
