import { createHmac } from "node:crypto";
import { schema } from "@jindu/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubmissionView } from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";
import { type Received, startReceiver, startSmtp } from "../../../support/receivers.js";

/**
 * Reminders and notifications leave through every channel: a local SMTP server and a local HTTP
 * receiver, both started here, stand in for the mail server, 企业微信, 钉钉 and a webhook.
 */
// Sunday 7 February 2027, 10:00 in Beijing: January is past its deadline (5 February).
let now = new Date("2027-02-07T02:00:00Z");
const t = useTestApp({
  background: {
    publicUrl: "https://jindu.example.gov.cn/",
    clock: () => now,
    // The test drives the scheduler and the worker itself.
    manual: true,
    retry: { firstDelayMs: 20, maxDelayMs: 40, attempts: 3 },
  },
});

const DING_SECRET = "SEC0123456789abcdef";
const HOOK_SECRET = "hook-secret";
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let admin: Client;

/** 钉钉's check of a signed request, as its server does it. */
function dingtalkSignatureOk(r: Received): boolean {
  const timestamp = r.query.get("timestamp") ?? "";
  const expected = createHmac("sha256", DING_SECRET)
    .update(`${timestamp}\n${DING_SECRET}`)
    .digest("base64");
  return r.query.get("sign") === expected && Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
}

beforeAll(async () => {
  smtp = await startSmtp();
  const hookTries = new Map<string, number>();
  receiver = await startReceiver((r) => {
    if (r.path === "/dingtalk") {
      return dingtalkSignatureOk(r)
        ? { status: 200, json: { errcode: 0, errmsg: "ok" } }
        : { status: 200, json: { errcode: 310000, errmsg: "sign not match" } };
    }
    // The webhook fails each event twice, then takes it; /down always fails.
    if (r.path === "/hook") {
      const event = String(r.headers["x-jindu-event"]);
      const tries = (hookTries.get(event) ?? 0) + 1;
      hookTries.set(event, tries);
      return tries <= 2 ? { status: 502, json: {} } : { status: 200, json: {} };
    }
    if (r.path === "/down") return { status: 500, json: { error: "down" } };
    return { status: 200, json: { errcode: 0, errmsg: "ok" } };
  });
  admin = await t.as("sysadmin");
  await t.app.db
    .update(schema.users)
    .set({ email: "wenzhou@example.gov.cn" })
    .where(eq(schema.users.username, "wz_reporter"));
});

afterAll(async () => {
  await smtp?.close();
  await receiver?.close();
});

async function addChannel(body: object) {
  const res = await admin.inject({ method: "POST", url: "/api/channels", payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; config: Record<string, unknown>; secretSet: boolean };
}

const deliveries = () => t.app.db.select().from(schema.deliveries).orderBy(schema.deliveries.id);

/** Lets the worker send everything due, retries included, until nothing is left to try. */
async function settle() {
  const worker = t.app.background?.deliveries;
  if (!worker) throw new Error("no delivery worker");
  for (let i = 0; i < 50; i++) {
    await worker.drain();
    const open = await t.app.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.deliveries)
      .where(sql`${schema.deliveries.status} in ('pending', 'sending')`);
    if ((open[0]?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("deliveries did not settle");
}

describe("channels: e-mail, 企业微信, 钉钉 and a signed webhook", () => {
  it("keeps passwords and robot keys out of what it shows, and refuses a channel without an address", async () => {
    const bad = await admin.inject({
      method: "POST",
      url: "/api/channels",
      payload: { kind: "dingtalk", name: "钉钉", config: { url: "ftp://x" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/config\.url/);

    await addChannel({
      kind: "smtp",
      name: "省厅邮件",
      config: {
        host: "127.0.0.1",
        port: smtp.port,
        from: "进度 <jindu@example.gov.cn>",
        password: "pw",
      },
    });
    await addChannel({
      kind: "wecom",
      name: "浙江企业微信群",
      provinceCode: "330000",
      config: { url: `${receiver.base}/wecom?key=wecom-key-123` },
    });
    await addChannel({
      kind: "dingtalk",
      name: "浙江钉钉群",
      provinceCode: "330000",
      config: { url: `${receiver.base}/dingtalk?access_token=ding-token`, secret: DING_SECRET },
    });
    const list = await admin.inject("/api/channels");
    expect(list.statusCode).toBe(200);
    const text = list.body;
    expect(text).not.toContain("wecom-key-123");
    expect(text).not.toContain("ding-token");
    expect(text).not.toContain(DING_SECRET);
    expect(text).not.toContain('"pw"');
    expect(list.json().channels.map((c: { secretSet: boolean }) => c.secretSet)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it("a bureau's missing month triggers the scheduled reminder in the inbox, by e-mail, 企业微信 and 钉钉", async () => {
    const runs = await t.app.background?.scheduler.tick();
    expect(runs?.find((r) => r.job === "calendar_reminders")).toMatchObject({
      slot: "2027-02-07",
      ran: true,
    });
    const inbox = (await (await t.as("wz_reporter")).inject("/api/notifications?limit=100")).json();
    const reminder = inbox.notifications.find(
      (n: { kind: string; link: string }) =>
        n.kind === "deadline_passed" && n.link.includes("year=2027&month=1"),
    );
    expect(reminder?.titleZh).toBe("温州市2027年1月月报已过截止日期（2027-02-05）");

    await settle();
    const mail = smtp.mails.find((m) => m.subject?.includes("温州市2027年1月月报已过截止日期"));
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("wenzhou@example.gov.cn");
    expect(mail?.text).toContain(
      "https://jindu.example.gov.cn/entry?region=330300&year=2027&month=1",
    );

    const wecom = receiver.received
      .filter((r) => r.path === "/wecom")
      .map((r) => JSON.parse(r.body));
    expect(wecom).toContainEqual({
      msgtype: "markdown",
      markdown: {
        content: expect.stringContaining("**温州市2027年1月月报已过截止日期（2027-02-05）**"),
      },
    });
    const ding = receiver.received.filter((r) => r.path === "/dingtalk");
    expect(ding.length).toBeGreaterThan(0);
    expect(ding.every(dingtalkSignatureOk)).toBe(true);
    expect(ding.every((r) => r.query.get("access_token") === "ding-token")).toBe(true);
    expect(ding.map((r) => JSON.parse(r.body))).toContainEqual({
      msgtype: "markdown",
      markdown: {
        title: "温州市2027年1月月报已过截止日期（2027-02-05）",
        text: expect.stringContaining(
          "[打开进度](https://jindu.example.gov.cn/entry?region=330300",
        ),
      },
    });
    const log = (await admin.inject("/api/channels/deliveries?limit=200")).json().deliveries;
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((d: { status: string }) => d.status === "sent")).toBe(true);
  });

  it("runs a day's reminders once: a second tick the same day sends nothing again", async () => {
    const before = (await deliveries()).length;
    const mails = smtp.mails.length;
    const runs = await t.app.background?.scheduler.tick();
    expect(runs?.every((r) => !r.ran)).toBe(true);
    await settle();
    expect((await deliveries()).length).toBe(before);
    expect(smtp.mails.length).toBe(mails);
  });

  it("retries a failing receiver with backoff and logs each result; gives up after the last attempt", async () => {
    const gateway = await addChannel({
      kind: "webhook",
      name: "短信网关",
      provinceCode: "330000",
      kinds: ["month_missing"],
      config: { url: `${receiver.base}/hook`, secret: HOOK_SECRET },
    });
    const broken = await addChannel({
      kind: "webhook",
      name: "坏掉的网关",
      provinceCode: "330000",
      kinds: ["month_missing"],
      config: { url: `${receiver.base}/down` },
    });
    // Five days later January is escalated: month_missing, which both webhooks carry.
    now = new Date("2027-02-12T02:00:00Z");
    await t.app.background?.scheduler.tick();
    await settle();
    const rows = await deliveries();
    const january = rows.filter((d) => d.eventKey === "month_missing:330300:2027-1");
    const hook = january.find((d) => d.channelId === gateway.id);
    expect(hook).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    const down = january.filter((d) => d.channelId === broken.id);
    expect(down).toHaveLength(1);
    expect(down[0]).toMatchObject({ status: "failed", attempts: 3, responseStatus: 500 });
    expect(down[0]?.lastError).toContain("HTTP 500");

    // The webhook's signature is HMAC-SHA256 of "timestamp.body".
    const hooked = receiver.received.filter((r) => r.path === "/hook");
    for (const r of hooked) {
      const ts = String(r.headers["x-jindu-timestamp"]);
      const expected = `sha256=${createHmac("sha256", HOOK_SECRET).update(`${ts}.${r.body}`).digest("hex")}`;
      expect(r.headers["x-jindu-signature"]).toBe(expected);
    }
    const log = (await admin.inject("/api/channels/deliveries?limit=200")).json().deliveries;
    expect(
      log.find((d: { channelName: string; status: string }) => d.channelName === "坏掉的网关"),
    ).toMatchObject({
      status: "failed",
      attempts: 3,
    });
  });

  it("the request that caused an event never waits for its delivery", async () => {
    const YEAR = 2023;
    const MONTH = 4;
    const FORM = `/api/submissions/330300/${YEAR}/${MONTH}`;
    const target = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "shantytown_starts", region: "330300", year: YEAR, value: 2400 },
    });
    expect([201, 409]).toContain(target.statusCode);
    const reporter = await t.as("wz_reporter");
    const view = (await reporter.inject(FORM)).json() as SubmissionView;
    const saved = await reporter.inject({
      method: "PUT",
      url: FORM,
      payload: {
        baseVersion: view.version,
        entries: [{ indicator: "shantytown_starts", value: 300 }],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    receiver.hold();
    // The worker runs on its own as it does in production: woken by the NOTIFY of the change.
    t.app.background?.deliveries.start();
    const submitted = await reporter.inject({
      method: "POST",
      url: `${FORM}/submit`,
      payload: { version: saved.json().version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Answered while every robot's answer is still held back.
    await expect.poll(() => receiver.heldCount(), { timeout: 30_000 }).toBeGreaterThan(0);
    const pending = (await deliveries()).filter(
      (d) => d.eventKey.startsWith("month_submitted:330300:2023-4") && d.status !== "sent",
    );
    expect(pending.length).toBeGreaterThan(0);
    receiver.release();
    await settle();
    const sent = (await deliveries()).filter((d) =>
      d.eventKey.startsWith("month_submitted:330300:2023-4"),
    );
    expect(sent.every((d) => d.status === "sent")).toBe(true);
  });
});
