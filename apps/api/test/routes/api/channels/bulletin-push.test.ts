import { schema } from "@jindu/db";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../helper.js";
import { startSmtp } from "../../../support/receivers.js";

/** The monthly bulletin goes to leaders on the day the province chose (the clock is the test's). */
let now = new Date("2023-03-09T02:00:00Z");
const t = useTestApp({
  background: { publicUrl: "https://jindu.example.gov.cn/", clock: () => now, manual: true },
});
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  await t.app.db
    .update(schema.users)
    .set({ email: "leader@zj.example.gov.cn" })
    .where(eq(schema.users.username, "zj_leader"));
  // Hangzhou's bureau changed its password 87 days before the first tick: it expires on 12 March.
  await t.app.db
    .update(schema.users)
    .set({ passwordChangedAt: new Date("2022-12-12T04:00:00Z") })
    .where(eq(schema.users.username, "hz_reporter"));
  const admin = await t.as("sysadmin");
  const channel = await admin.inject({
    method: "POST",
    url: "/api/channels",
    payload: {
      kind: "smtp",
      name: "邮件",
      kinds: ["bulletin_published"],
      config: { host: "127.0.0.1", port: smtp.port, from: "jindu@example.gov.cn" },
    },
  });
  expect(channel.statusCode, channel.body).toBe(201);
  const official = await t.as("zj_official");
  const saved = await official.inject({
    method: "PUT",
    url: "/api/settings/provinces/330000/reporting",
    payload: { bulletinDay: 10 },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json().bulletinDay).toBe(10);
});

afterAll(() => smtp?.close());

const tick = () => t.app.background?.scheduler.tick();
const drain = () => t.app.background?.deliveries.drain();

describe("the password expiry warning", () => {
  it("warns an account a week ahead, once, with a link to change it", async () => {
    await tick();
    await tick();
    // Read from the table: at the real date this old password no longer signs in.
    const rows = await t.app.db
      .select({ n: schema.notifications })
      .from(schema.notifications)
      .innerJoin(schema.users, eq(schema.users.id, schema.notifications.userId))
      .where(eq(schema.users.username, "hz_reporter"));
    expect(rows.map((r) => r.n).filter((n) => n.kind === "password_expiring")).toEqual([
      expect.objectContaining({
        kind: "password_expiring",
        titleZh: "账号 hz_reporter 的密码将于2023-03-12到期，请及时修改",
        link: "/account/password",
      }),
    ]);
  });
});

describe("the bulletin push", () => {
  it("sends nothing before the chosen day", async () => {
    await drain();
    expect(smtp.mails).toHaveLength(0);
    const inbox = (await (await t.as("zj_leader")).inject("/api/notifications")).json();
    expect(inbox.notifications).toEqual([]);
  });

  it("on the 10th sends last month's bulletin to Zhejiang's leaders: inbox with the print page, e-mail with the .xlsx", async () => {
    now = new Date("2023-03-10T01:30:00Z"); // 09:30 in Beijing
    await tick();
    await drain();
    const inbox = (await (await t.as("zj_leader")).inject("/api/notifications")).json();
    expect(inbox.notifications).toHaveLength(1);
    expect(inbox.notifications[0]).toMatchObject({
      kind: "bulletin_published",
      titleZh: "浙江省2023年2月工作情况通报",
      link: "/bulletin?region=330000&year=2023&month=2",
    });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail?.subject).toContain("浙江省2023年2月工作情况通报");
    expect(mail?.text).toContain(
      "https://jindu.example.gov.cn/bulletin?region=330000&year=2023&month=2",
    );
    const attachment = mail?.attachments[0];
    expect(attachment?.filename).toBe("通报-浙江省-2023年2月.xlsx");
    // The attachment is the month's bulletin, the same as GET /api/bulletin/xlsx gives.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(attachment?.content as unknown as ArrayBuffer);
    const direct = await (await t.as("zj_official")).inject(
      "/api/bulletin/xlsx?region=330000&year=2023&month=2",
    );
    const expected = new ExcelJS.Workbook();
    await expected.xlsx.load(direct.rawPayload as unknown as ArrayBuffer);
    const cells = (b: ExcelJS.Workbook) =>
      b.worksheets.map((s) => s.getSheetValues().map((row) => JSON.stringify(row)));
    expect(cells(book)).toEqual(cells(expected));
    expect(JSON.stringify(cells(book))).toContain("2023年1–2月 目标任务进度通报");
    // Guangdong chose no day: its leaders get nothing.
    const others = await t.app.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.kind, "bulletin_published"));
    expect(others).toHaveLength(1);
  });

  it("sends it once however often the scheduler looks that day", async () => {
    now = new Date("2023-03-10T08:00:00Z");
    await tick();
    await drain();
    expect(smtp.mails).toHaveLength(1);
  });
});
