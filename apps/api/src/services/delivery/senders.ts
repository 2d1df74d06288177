import type { NotificationChannel } from "@jindu/db";
import {
  type DeliveryMessage,
  dingtalkPayload,
  emailText,
  webhookPayload,
  wecomPayload,
} from "@jindu/domain";
import nodemailer, { type Transporter } from "nodemailer";
import { dingtalkSignedUrl, webhookSignature } from "./signing.js";

/** What one attempt came to: an error (to retry) or not, and the receiver's status if any. */
export interface SendResult {
  ok: boolean;
  status: number | null;
  error?: string;
}

export interface OutgoingMessage {
  channel: NotificationChannel;
  recipient: string;
  eventKey: string;
  message: DeliveryMessage;
  /** Absolute link into the app. */
  url: string;
  attachment?: { filename: string; content: Buffer } | null;
}

/** A receiver that does not answer within this long is a failed attempt, tried again later. */
const TIMEOUT_MS = 10_000;

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/** Transports kept per channel version: a pooled SMTP connection is reused between mails. */
const transports = new Map<string, Transporter>();

function transportOf(channel: NotificationChannel): Transporter {
  const key = `${channel.id}:${channel.updatedAt.getTime()}`;
  let transport = transports.get(key);
  if (!transport) {
    for (const [k, t] of transports) {
      if (k.startsWith(`${channel.id}:`)) {
        t.close();
        transports.delete(k);
      }
    }
    const c = channel.config;
    const user = text(c.user);
    transport = nodemailer.createTransport({
      host: text(c.host),
      port: Number(c.port ?? 25),
      secure: c.secure === true,
      ...(user ? { auth: { user, pass: text(c.password) ?? "" } } : {}),
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    transports.set(key, transport);
  }
  return transport;
}

async function sendMail(m: OutgoingMessage): Promise<SendResult> {
  const { subject, text: body } = emailText(m.message, m.url);
  const info = await transportOf(m.channel).sendMail({
    from: text(m.channel.config.from),
    to: m.recipient,
    subject,
    text: body,
    attachments: m.attachment ? [m.attachment] : [],
    headers: { "X-Jindu-Event": m.eventKey },
  });
  return info.rejected.length > 0
    ? { ok: false, status: null, error: `rejected: ${info.rejected.join(", ")}` }
    : { ok: true, status: null };
}

/** POSTs JSON; a robot's own error code (errcode ≠ 0 in a 200) is a failure too. */
async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  robot = false,
): Promise<SendResult> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const answer = await response.text();
  if (!response.ok) {
    return { ok: false, status: response.status, error: `HTTP ${response.status}: ${answer}` };
  }
  if (robot) {
    let errcode: unknown = 0;
    try {
      errcode = (JSON.parse(answer) as { errcode?: unknown }).errcode ?? 0;
    } catch {
      // a robot that answers 200 without JSON accepted the message
    }
    if (errcode !== 0) return { ok: false, status: response.status, error: answer.slice(0, 500) };
  }
  return { ok: true, status: response.status };
}

/** Sends one message on its channel. Throws nothing: every failure is a result to log. */
export async function send(m: OutgoingMessage, now = Date.now()): Promise<SendResult> {
  const c = m.channel.config;
  try {
    switch (m.channel.kind) {
      case "smtp":
        return await sendMail(m);
      case "wecom":
        return await post(
          text(c.url) ?? "",
          JSON.stringify(wecomPayload(m.message, m.url)),
          {},
          true,
        );
      case "dingtalk":
        return await post(
          dingtalkSignedUrl(text(c.url) ?? "", text(c.secret), now),
          JSON.stringify(dingtalkPayload(m.message, m.url)),
          {},
          true,
        );
      case "webhook": {
        const body = JSON.stringify(webhookPayload(m.message, m.url, m.eventKey));
        const seconds = Math.floor(now / 1000);
        const secret = text(c.secret);
        return await post(text(c.url) ?? "", body, {
          "x-jindu-event": m.eventKey,
          "x-jindu-timestamp": String(seconds),
          ...(secret ? { "x-jindu-signature": webhookSignature(secret, seconds, body) } : {}),
        });
      }
      default:
        return { ok: false, status: null, error: `unknown channel kind ${m.channel.kind}` };
    }
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return {
      ok: false,
      status: null,
      error: `${e.message}${e.cause ? `: ${e.cause.message}` : ""}`,
    };
  }
}

export function closeTransports() {
  for (const t of transports.values()) t.close();
  transports.clear();
}
