import {
  type ChannelFields,
  channelById,
  channelsList,
  createChannel,
  type Database,
  deleteChannel,
  deliveryLog,
  type NotificationChannel,
  preferencesOf,
  runsOf,
  savePreferences,
  updateChannel,
  userById,
} from "@jindu/db";
import { type ChannelKind, NOTIFICATION_KINDS } from "@jindu/domain";
import { badRequest, notFound } from "../errors.js";
import type {
  ChannelConfigInput,
  ChannelCreate,
  ChannelUpdate,
  ChannelView,
  DeliveryLog,
  DeliveryQuery,
  PreferenceList,
  PreferenceUpdate,
} from "../schemas/index.js";
import { send } from "./delivery/senders.js";
import { requireRegion } from "./lookups.js";

type Config = NotificationChannel["config"];

/** A robot's key or token sits in its URL's query: shown masked, like a password. */
function maskedUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, "****");
    return u.toString();
  } catch {
    return "****";
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export function channelView(c: NotificationChannel): ChannelView {
  const cfg = c.config;
  const config: ChannelView["config"] = {};
  if (str(cfg.host)) config.host = str(cfg.host);
  if (typeof cfg.port === "number") config.port = cfg.port;
  if (typeof cfg.secure === "boolean") config.secure = cfg.secure;
  if (str(cfg.user)) config.user = str(cfg.user);
  if (str(cfg.from)) config.from = str(cfg.from);
  if (str(cfg.url)) config.url = maskedUrl(str(cfg.url) as string);
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    provinceCode: c.provinceCode,
    kinds: c.kinds,
    enabled: c.enabled,
    config,
    secretSet: Boolean(str(cfg.password) || str(cfg.secret)),
    updatedAt: c.updatedAt.toISOString(),
    updatedBy: c.updatedBy,
  };
}

function requireWebUrl(url: string | undefined, kind: ChannelKind): string {
  if (!url)
    throw badRequest(`config.url: a ${kind} channel needs the address to post to`, "config.url");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest(`config.url: "${url.slice(0, 100)}" is not an address`, "config.url");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw badRequest("config.url: only http and https addresses", "config.url");
  }
  return url;
}

/** The stored configuration after a change: fields left out kept, then checked for the kind. */
function configFor(kind: ChannelKind, input: ChannelConfigInput, old: Config = {}): Config {
  const merged: Config = { ...old };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) merged[key] = value;
  }
  if (kind === "smtp") {
    if (!str(merged.host))
      throw badRequest("config.host: the SMTP server is needed", "config.host");
    if (!str(merged.from) || !/^[^@\s]+@[^@\s]+$|<[^@\s]+@[^@\s]+>$/.test(str(merged.from) ?? "")) {
      throw badRequest(
        "config.from: the sender's address is needed (name@example.gov.cn)",
        "config.from",
      );
    }
    merged.port = typeof merged.port === "number" ? merged.port : merged.secure ? 465 : 25;
    delete merged.url;
    delete merged.secret;
  } else {
    merged.url = requireWebUrl(str(merged.url), kind);
    for (const key of ["host", "port", "secure", "user", "password", "from"]) delete merged[key];
    if (kind === "wecom") delete merged.secret;
  }
  return merged;
}

async function checkProvince(db: Database, code: string | null | undefined) {
  if (!code) return;
  const region = await requireRegion(db, code, "provinceCode");
  if (region.level !== "province") {
    throw badRequest(`provinceCode: ${code} is not a province`, "provinceCode");
  }
}

export async function listChannels(db: Database) {
  return { channels: (await channelsList(db)).map(channelView) };
}

export async function addChannel(db: Database, body: ChannelCreate, actor: string) {
  await checkProvince(db, body.provinceCode);
  const fields: ChannelFields = {
    kind: body.kind,
    name: body.name,
    provinceCode: body.kind === "smtp" ? null : (body.provinceCode ?? null),
    kinds: body.kinds ?? [],
    enabled: body.enabled ?? true,
    config: configFor(body.kind, body.config),
  };
  return channelView(await createChannel(db, fields, actor));
}

export async function requireChannel(db: Database, id: number) {
  const channel = await channelById(db, id);
  if (!channel) throw notFound(`no channel ${id}`);
  return channel;
}

export async function changeChannel(db: Database, id: number, body: ChannelUpdate, actor: string) {
  const old = await requireChannel(db, id);
  await checkProvince(db, body.provinceCode);
  const { config, ...rest } = body;
  const changed = await updateChannel(
    db,
    id,
    { ...rest, ...(config ? { config: configFor(old.kind, config, old.config) } : {}) },
    actor,
  );
  return channelView(changed as NotificationChannel);
}

export async function removeChannel(db: Database, id: number) {
  const old = await requireChannel(db, id);
  await deleteChannel(db, id);
  return channelView(old);
}

/**
 * Sends a test message on the channel now and answers with what the receiver said: the one
 * delivery an administrator waits for, to see that the settings are right.
 */
export async function testChannel(
  db: Database,
  id: number,
  recipient: string | undefined,
  publicUrl: string,
) {
  const channel = await requireChannel(db, id);
  if (channel.kind === "smtp" && !recipient) {
    throw badRequest("recipient: the address to send the test mail to", "recipient");
  }
  const result = await send({
    channel,
    recipient: recipient ?? "",
    eventKey: `test:${channel.id}:${Date.now()}`,
    message: {
      kind: "month_submitted",
      titleZh: "进度系统测试消息",
      titleEn: "Jindu test message",
      body: `渠道「${channel.name}」配置正确 / the channel works`,
      link: "/",
    },
    url: publicUrl,
  });
  return { ok: result.ok, status: result.status, error: result.error ?? null };
}

export async function deliveriesPage(db: Database, q: DeliveryQuery): Promise<DeliveryLog> {
  const limit = q.limit ?? 50;
  const rows = await deliveryLog(db, { limit: limit + 1, before: q.before, channelId: q.channel });
  const page = rows.slice(0, limit);
  return {
    deliveries: page.map((r) => ({
      ...r,
      id: Number(r.id),
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    next: rows.length > limit ? Number(page.at(-1)?.id) : null,
  };
}

export async function scheduledRuns(db: Database) {
  const rows = await runsOf(db);
  return {
    runs: rows
      .map((r) => ({
        ...r,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
      }))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .slice(0, 200),
  };
}

export async function preferencesView(db: Database, userId: number): Promise<PreferenceList> {
  const [rows, user] = await Promise.all([preferencesOf(db, userId), userById(db, userId)]);
  const off = new Set(rows.filter((r) => !r.enabled).map((r) => `${r.kind}:${r.channel}`));
  return {
    preferences: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      inbox: !off.has(`${kind}:inbox`),
      email: !off.has(`${kind}:email`),
    })),
    emailOnAccount: Boolean(user?.email),
  };
}

export async function changePreferences(db: Database, userId: number, body: PreferenceUpdate) {
  await savePreferences(db, userId, body.preferences);
  return preferencesView(db, userId);
}
