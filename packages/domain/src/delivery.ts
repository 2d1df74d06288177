import type { NotificationKind } from "./notifications.js";

/**
 * Channels beyond the inbox. `smtp` mails each recipient at the address on their account; the
 * others post one message per event to a group: 企业微信 and 钉钉 group robots, and a generic
 * webhook signed with HMAC-SHA256 (for SMS gateways and anything else).
 */
export const CHANNEL_KINDS = ["smtp", "wecom", "dingtalk", "webhook"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** What a person may switch per kind: the inbox and e-mail (group robots are the admin's). */
export const PERSONAL_CHANNELS = ["inbox", "email"] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

export const DELIVERY_LIMITS = {
  channelName: 100,
  url: 500,
  secret: 200,
  host: 253,
  address: 254,
  error: 1000,
  /** Attempts before a delivery is given up as failed. */
  attempts: 6,
  /** The first retry waits this long; each further one twice as long, up to `maxDelayMs`. */
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60 * 1000,
} as const;

/**
 * How long to wait after failed attempt `attempt` (1 = the first), or null once the delivery is
 * given up: doubling from `firstDelayMs`, capped at `maxDelayMs`.
 */
export function retryDelay(
  attempt: number,
  opts: { firstDelayMs?: number; maxDelayMs?: number; attempts?: number } = {},
): number | null {
  const attempts = opts.attempts ?? DELIVERY_LIMITS.attempts;
  if (attempt >= attempts) return null;
  const first = opts.firstDelayMs ?? DELIVERY_LIMITS.firstDelayMs;
  const max = opts.maxDelayMs ?? DELIVERY_LIMITS.maxDelayMs;
  return Math.min(max, first * 2 ** Math.max(0, attempt - 1));
}

/** What every channel says about an event. */
export interface DeliveryMessage {
  kind: NotificationKind;
  titleZh: string;
  titleEn: string;
  body: string | null;
  /** Where in the app it leads (a path and query); made absolute with the app's public address. */
  link: string;
}

/** The text of a group message: Chinese title, the body, the link. */
const lines = (m: DeliveryMessage, url: string) =>
  [m.titleZh, m.body, url].filter((l): l is string => Boolean(l));

/** 企业微信 group robot (群机器人): a markdown message. */
export function wecomPayload(m: DeliveryMessage, url: string) {
  const [title, ...rest] = lines(m, url);
  return {
    msgtype: "markdown",
    markdown: {
      content: [`**${title}**`, ...rest.map((l) => (l === url ? `[打开进度](${l})` : l))].join(
        "\n",
      ),
    },
  };
}

/** 钉钉 custom robot (自定义机器人): a markdown message with its title. */
export function dingtalkPayload(m: DeliveryMessage, url: string) {
  const [title, ...rest] = lines(m, url);
  return {
    msgtype: "markdown",
    markdown: {
      title: m.titleZh,
      text: [`### ${title}`, ...rest.map((l) => (l === url ? `[打开进度](${l})` : l))].join("\n\n"),
    },
  };
}

/** The generic webhook: the event as plain JSON. */
export function webhookPayload(m: DeliveryMessage, url: string, eventKey: string) {
  return {
    event: eventKey,
    kind: m.kind,
    title: { zh: m.titleZh, en: m.titleEn },
    body: m.body,
    url,
  };
}

/** The e-mail: subject in Chinese then English, the body and the link. */
export function emailText(m: DeliveryMessage, url: string) {
  return {
    subject: `${m.titleZh} / ${m.titleEn}`,
    text: [m.titleZh, m.titleEn, m.body, `打开 / Open: ${url}`].filter(Boolean).join("\n\n"),
  };
}
