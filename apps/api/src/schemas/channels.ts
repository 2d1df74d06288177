/** Request and response schemas of the notification channels, their log and preferences. */
import { CHANNEL_KINDS, DELIVERY_LIMITS, PERSONAL_CHANNELS } from "@jindu/domain";
import { type Static, Type } from "typebox";
import { Id, RegionCode } from "./common.js";
import { NotificationKind } from "./notifications.js";

const L = DELIVERY_LIMITS;
export const ChannelKind = Type.Enum(CHANNEL_KINDS);

/** What a channel needs: smtp its server and sender; robots and the webhook a URL and secret. */
export const ChannelConfigInput = Type.Object(
  {
    host: Type.Optional(Type.String({ minLength: 1, maxLength: L.host })),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65_535 })),
    secure: Type.Optional(Type.Boolean({ description: "TLS from the start (port 465)" })),
    user: Type.Optional(Type.String({ maxLength: L.address })),
    password: Type.Optional(
      Type.String({ maxLength: L.secret, description: "kept when left out of a change" }),
    ),
    from: Type.Optional(Type.String({ minLength: 3, maxLength: L.address })),
    url: Type.Optional(
      Type.String({
        minLength: 8,
        maxLength: L.url,
        description: "the robot's webhook address (its key or token included); kept when left out",
      }),
    ),
    secret: Type.Optional(
      Type.String({
        maxLength: L.secret,
        description: "钉钉's 加签 secret or the webhook's HMAC key; kept when left out",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ChannelConfigInput = Static<typeof ChannelConfigInput>;

const channelFields = {
  name: Type.String({ minLength: 1, maxLength: L.channelName }),
  provinceCode: Type.Union([RegionCode, Type.Null()], {
    description: "a group channel carries this province's events only (null: every province's)",
  }),
  kinds: Type.Array(NotificationKind, {
    uniqueItems: true,
    maxItems: 50,
    description: "the kinds it carries; empty: all",
  }),
  enabled: Type.Boolean(),
};

export const ChannelCreate = Type.Object(
  {
    kind: ChannelKind,
    ...channelFields,
    provinceCode: Type.Optional(channelFields.provinceCode),
    kinds: Type.Optional(channelFields.kinds),
    enabled: Type.Optional(channelFields.enabled),
    config: ChannelConfigInput,
  },
  { additionalProperties: false },
);
export type ChannelCreate = Static<typeof ChannelCreate>;

export const ChannelUpdate = Type.Object(
  {
    name: Type.Optional(channelFields.name),
    provinceCode: Type.Optional(channelFields.provinceCode),
    kinds: Type.Optional(channelFields.kinds),
    enabled: Type.Optional(channelFields.enabled),
    config: Type.Optional(ChannelConfigInput),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ChannelUpdate = Static<typeof ChannelUpdate>;

/** A channel as shown: passwords and secrets never leave, the URL's key is masked. */
export const ChannelView = Type.Object({
  id: Type.Integer(),
  kind: ChannelKind,
  ...channelFields,
  config: Type.Object({
    host: Type.Optional(Type.String()),
    port: Type.Optional(Type.Integer()),
    secure: Type.Optional(Type.Boolean()),
    user: Type.Optional(Type.String()),
    from: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
  }),
  /** Whether a password or secret is stored. */
  secretSet: Type.Boolean(),
  updatedAt: Type.String({ format: "date-time" }),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type ChannelView = Static<typeof ChannelView>;

export const ChannelList = Type.Object({ channels: Type.Array(ChannelView) });
export const ChannelParams = Type.Object({ id: Id });

export const ChannelTest = Type.Object(
  {
    recipient: Type.Optional(
      Type.String({ format: "email", maxLength: L.address, description: "smtp: where to send" }),
    ),
  },
  { additionalProperties: false },
);
export const ChannelTestResult = Type.Object({
  ok: Type.Boolean(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const DeliveryStatus = Type.Union([
  Type.Literal("pending"),
  Type.Literal("sending"),
  Type.Literal("sent"),
  Type.Literal("failed"),
]);

export const DeliveryQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    before: Type.Optional(Id),
    channel: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuery>;

export const DeliveryView = Type.Object({
  id: Type.Integer(),
  channelId: Type.Integer(),
  channelName: Type.String(),
  channelKind: ChannelKind,
  eventKey: Type.String(),
  recipient: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  status: DeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Type.String({ format: "date-time" }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  responseStatus: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
  sentAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});
export const DeliveryLog = Type.Object({
  deliveries: Type.Array(DeliveryView),
  next: Type.Union([Type.Integer(), Type.Null()]),
});
export type DeliveryLog = Static<typeof DeliveryLog>;

export const ScheduledRun = Type.Object({
  job: Type.String(),
  slot: Type.String(),
  runBy: Type.String(),
  startedAt: Type.String({ format: "date-time" }),
  finishedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
});
export const ScheduledRunList = Type.Object({ runs: Type.Array(ScheduledRun) });

export const PersonalChannel = Type.Enum(PERSONAL_CHANNELS);

/** One's choices: per kind, whether the inbox and e-mail carry it. */
export const PreferenceList = Type.Object({
  preferences: Type.Array(
    Type.Object({ kind: NotificationKind, inbox: Type.Boolean(), email: Type.Boolean() }),
  ),
  /** Whether one's account has an e-mail address (else e-mail cannot reach one). */
  emailOnAccount: Type.Boolean(),
});
export type PreferenceList = Static<typeof PreferenceList>;

export const PreferenceUpdate = Type.Object(
  {
    preferences: Type.Array(
      Type.Object(
        { kind: NotificationKind, channel: PersonalChannel, enabled: Type.Boolean() },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type PreferenceUpdate = Static<typeof PreferenceUpdate>;
