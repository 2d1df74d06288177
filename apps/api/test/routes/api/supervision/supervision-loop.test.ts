import { insertUser, saveReportingSettings, schema } from "@jindu/db";
import type { NotificationKind } from "@jindu/domain";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  SupervisionDetail,
  SupervisionRecord,
  SupervisionSuggestion,
} from "../../../../src/schemas/index.js";
import { hashPassword } from "../../../../src/services/auth.js";
import { TEST_PASSWORD, useTestApp } from "../../../helper.js";

const t = useTestApp();

// Lishui (丽水), behind on its prefab share (装配式建筑占比) through 2022; its bureau answers.
const LISHUI = "331100";
const PREFAB = "prefab_share";

beforeAll(async () => {
  await insertUser(t.database.db, {
    username: "ls_reporter",
    displayName: "ls_reporter",
    role: "reporter",
    regionCode: LISHUI,
    passwordHash: await hashPassword(TEST_PASSWORD),
    mustChangePassword: false,
  });
  // A month with only the prefab share entered may be sent in.
  await saveReportingSettings(t.database.db, "330000", { allowPartialMonths: true }, "test");
});

const interview = {
  region: LISHUI,
  kind: "interview",
  heldOn: "2023-01-10",
  indicators: [PREFAB],
  actions: "约谈丽水市分管领导，2月底前报送装配式建筑整改方案",
  deadline: "2023-02-28",
};

async function open(payload: object = interview): Promise<SupervisionRecord> {
  const official = await t.as("zj_official");
  const res = await official.inject({ method: "POST", url: "/api/supervision", payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The notifications of one kind an account has, newest last. */
async function notificationsOf(username: string, kind: NotificationKind) {
  const rows = await t.database.db
    .select({ link: schema.notifications.link, titleZh: schema.notifications.titleZh })
    .from(schema.notifications)
    .innerJoin(schema.users, eq(schema.users.id, schema.notifications.userId))
    .where(and(eq(schema.users.username, username), eq(schema.notifications.kind, kind)))
    .orderBy(schema.notifications.id);
  return rows;
}

describe("a record opened from the lagging list", () => {
  it("suggests an interview for Lishui's prefab share at December 2022: 12 months behind", async () => {
    const official = await t.as("zj_official");
    const res = await official.inject(
      `/api/supervision/suggestion?region=${LISHUI}&indicators=${PREFAB}&year=2022&month=12`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const s: SupervisionSuggestion = res.json();
    expect(s.region.nameZh).toBe("丽水市");
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]?.indicator.nameZh).toContain("装配式");
    expect(s.lines[0]?.monthsBehind).toBe(12);
    expect(s.lines[0]?.lag).toBeLessThan(0);
    // The same line as the lagging list's.
    const lagging = (
      await official.inject(
        `/api/lagging?parent=330000&year=2022&month=12&indicator=${PREFAB}&region=${LISHUI}`,
      )
    ).json();
    expect(lagging.items[0].line.lag).toBeCloseTo(s.lines[0]?.lag as number, 9);
    expect(lagging.items[0].monthsBehind).toBe(12);
    expect(s.level).toBe("interview");
    // October 2020, 10 months and about 45 points behind: listed supervision.
    const deep: SupervisionSuggestion = (
      await official.inject(
        `/api/supervision/suggestion?region=${LISHUI}&indicators=${PREFAB}&year=2020&month=10`,
      )
    ).json();
    expect(deep.level).toBe("listed");
  });

  it("escalates one step for a region already under an open reminder", async () => {
    const record = await open({ ...interview, region: "330700", kind: "reminder" });
    const official = await t.as("zj_official");
    const s: SupervisionSuggestion = (
      await official.inject(
        `/api/supervision/suggestion?region=330700&indicators=${PREFAB}&year=2022&month=2`,
      )
    ).json();
    expect(s.openLevel).toBe("reminder");
    expect(s.level).toBe("interview");
    await official.inject({
      method: "POST",
      url: `/api/supervision/${record.id}/close`,
      payload: { outcome: "测试" },
    });
  });

  it.each([
    ["indicators=no_such_thing&year=2022&month=12", "indicators"],
    ["indicators=PREFAB&year=2022&month=12", "indicators"],
    [`indicators=${PREFAB}&year=2022&month=13`, "month"],
    [`indicators=${PREFAB}&year=2022`, "month"],
  ])("refuses a suggestion for %s with 400 naming %s", async (query, field) => {
    const official = await t.as("zj_official");
    const res = await official.inject(`/api/supervision/suggestion?region=${LISHUI}&${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it("gives suggestions only to the region's own province's officials", async () => {
    const q = `/api/supervision/suggestion?region=${LISHUI}&indicators=${PREFAB}&year=2022&month=12`;
    expect((await (await t.as("gd_official")).inject(q)).statusCode).toBe(403);
    expect((await (await t.as("ls_reporter")).inject(q)).statusCode).toBe(403);
  });
});

describe("the loop: open, answer, back on schedule, 销号", () => {
  it("tells the bureau, takes its answer, proposes closing after three months on schedule", async () => {
    const record = await open();
    expect(record).toMatchObject({ kind: "interview", answer: null, closeProposedAt: null });
    expect(await notificationsOf("ls_reporter", "supervision_opened")).toContainEqual({
      link: `/supervision?record=${record.id}`,
      titleZh: "丽水市被约谈：请于2023-02-28前反馈整改措施",
    });

    // The bureau sees it and answers.
    const bureau = await t.as("ls_reporter");
    const mine = (await bureau.inject("/api/supervision?status=open")).json()
      .records as SupervisionRecord[];
    expect(mine.map((r) => r.id)).toContain(record.id);
    const answered = await bureau.inject({
      method: "POST",
      url: `/api/supervision/${record.id}/answer`,
      payload: {
        explanation: "  2022年新开工项目以现浇为主  ",
        measures: "新建公共建筑全面采用装配式；每月调度",
      },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const withAnswer: SupervisionRecord = answered.json();
    expect(withAnswer.answer).toMatchObject({
      explanation: "2022年新开工项目以现浇为主",
      measures: "新建公共建筑全面采用装配式；每月调度",
      answeredBy: "ls_reporter",
      late: true,
    });
    expect((await notificationsOf("zj_official", "supervision_answered")).at(-1)).toMatchObject({
      link: `/supervision?record=${record.id}`,
    });
    // Audited with the record as it was and as it became.
    const audit = (await t.database.db.select().from(schema.auditLog)).find(
      (r) => r.action === "POST /api/supervision/:id/answer" && r.entityId === String(record.id),
    );
    expect(audit).toMatchObject({ username: "ls_reporter", result: "success" });
    expect(audit?.oldValue).toMatchObject({ answer: null });
    expect(audit?.newValue).toMatchObject({ answer: { answeredBy: "ls_reporter" } });

    // Its lag since: December 2022 as it stood when held, behind.
    const official = await t.as("zj_official");
    let detail: SupervisionDetail = (await official.inject(`/api/supervision/${record.id}`)).json();
    expect(detail.indicators.map((i) => i.code)).toEqual([PREFAB]);
    expect(detail.progress.months[0]).toMatchObject({ year: 2022, month: 12, baseline: true });
    expect(detail.progress.months[0]?.onSchedule).toBe(false);
    expect(detail.progress).toMatchObject({ streak: 0, required: 3 });

    // 2023: a target, and three months on schedule sent in and approved.
    const target = await official.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: PREFAB, region: LISHUI, year: 2023, value: 0.3 },
    });
    expect(target.statusCode, target.body).toBe(201);
    for (const month of [1, 2, 3]) {
      const url = `/api/submissions/${LISHUI}/2023/${month}`;
      const saved = await bureau.inject({
        method: "PUT",
        url,
        payload: {
          baseVersion: 0,
          entries: [{ indicator: PREFAB, numerator: 40 * month, denominator: 100 * month }],
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const sent = await bureau.inject({
        method: "POST",
        url: `${url}/submit`,
        payload: { version: saved.json().version },
      });
      expect(sent.statusCode, sent.body).toBe(200);
      const approved = await official.inject({
        method: "POST",
        url: `${url}/approve`,
        payload: { version: sent.json().version },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      detail = (await official.inject(`/api/supervision/${record.id}`)).json();
      expect(detail.progress.streak).toBe(month);
      // Proposed only with the third month.
      expect(detail.record.closeProposedAt !== null).toBe(month === 3);
    }
    expect(detail.progress.months.map((m) => [m.year, m.month, m.onSchedule])).toEqual([
      [2022, 12, false],
      [2023, 1, true],
      [2023, 2, true],
      [2023, 3, true],
    ]);
    const proposed = await notificationsOf("zj_official", "supervision_close_proposed");
    expect(proposed.filter((n) => n.link === `/supervision?record=${record.id}`)).toHaveLength(1);
    expect(proposed.at(-1)?.titleZh).toBe("丽水市约谈已恢复序时进度，建议销号");

    // Reopening March withdraws the proposal; approving it again proposes anew.
    const march = `/api/submissions/${LISHUI}/2023/3`;
    const state = (await official.inject(march)).json();
    const reopened = await official.inject({
      method: "POST",
      url: `${march}/reopen`,
      payload: { version: state.version, reason: "复核" },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    detail = (await official.inject(`/api/supervision/${record.id}`)).json();
    expect(detail.record.closeProposedAt).toBeNull();
    expect(detail.progress.streak).toBe(2);

    // The official closes it (销号) with its outcome; the bureau can no longer answer.
    const closed = await official.inject({
      method: "POST",
      url: `/api/supervision/${record.id}/close`,
      payload: { outcome: "连续三个月达到序时进度，予以销号" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", closeProposedAt: null });
    const late = await bureau.inject({
      method: "POST",
      url: `/api/supervision/${record.id}/answer`,
      payload: { explanation: "补充", measures: "补充" },
    });
    expect(late.statusCode).toBe(409);
  });
});

describe("who may see and answer", () => {
  it("lets only the region's own bureau answer, and another province's official neither see nor answer", async () => {
    const record = await open({ ...interview, heldOn: "2022-11-01" });
    const answer = { explanation: "原因", measures: "措施" };
    const post = async (username: string) =>
      (await t.as(username)).inject({
        method: "POST",
        url: `/api/supervision/${record.id}/answer`,
        payload: answer,
      });
    expect((await post("wz_reporter")).statusCode).toBe(403);
    expect((await post("gd_official")).statusCode).toBe(403);
    expect((await post("zj_official")).statusCode).toBe(403);
    expect((await post("zj_leader")).statusCode).toBe(403);
    const guangdong = await t.as("gd_official");
    expect((await guangdong.inject(`/api/supervision/${record.id}`)).statusCode).toBe(403);
    expect(
      (await (await t.as("wz_reporter")).inject(`/api/supervision/${record.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as("ls_reporter")).inject(`/api/supervision/${record.id}`)).statusCode,
    ).toBe(200);
    // Refused attempts changed nothing and were logged as denied.
    const detail: SupervisionDetail = (
      await (await t.as("zj_official")).inject(`/api/supervision/${record.id}`)
    ).json();
    expect(detail.record.answer).toBeNull();
    const denied = (await t.database.db.select().from(schema.auditLog)).filter(
      (r) => r.action === "POST /api/supervision/:id/answer" && r.result === "denied",
    );
    expect(denied.length).toBeGreaterThanOrEqual(4);
    expect((await post("ls_reporter")).statusCode).toBe(200);
  });

  it.each([
    [{ explanation: "", measures: "措施" }, "explanation"],
    [{ explanation: "原因", measures: "   " }, "measures"],
    [{ explanation: "原因" }, "measures"],
    [{ explanation: "原因", measures: "x".repeat(4001) }, "measures"],
    [{ explanation: "原因", measures: "措施", extra: 1 }, "body"],
  ])("refuses the answer %j with 400 naming %s", async (payload, field) => {
    const record = await open({ ...interview, heldOn: "2022-10-01" });
    const res = await (await t.as("ls_reporter")).inject({
      method: "POST",
      url: `/api/supervision/${record.id}/answer`,
      payload,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().message).toBeTruthy();
  });

  it("answers 404 for an unknown record", async () => {
    const res = await (await t.as("ls_reporter")).inject({
      method: "POST",
      url: "/api/supervision/999999/answer",
      payload: { explanation: "原因", measures: "措施" },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("an interview's attendees and minutes", () => {
  it("are filled in by the officials, on an interview only", async () => {
    const record = await open({ ...interview, attendees: "丽水市副市长、住建局局长" });
    expect(record.attendees).toBe("丽水市副市长、住建局局长");
    const reminder = await open({ ...interview, kind: "reminder" });
    const official = await t.as("zj_official");
    const res = await official.inject({
      method: "PUT",
      url: `/api/supervision/${record.id}/minutes`,
      payload: { attendees: "丽水市副市长、住建局局长、省厅建筑市场处", minutes: "会议要求：" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ minutes: "会议要求：" });
    const refused = await official.inject({
      method: "PUT",
      url: `/api/supervision/${reminder.id}/minutes`,
      payload: { attendees: null, minutes: "x" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe("kind");
    const atCreation = await official.inject({
      method: "POST",
      url: "/api/supervision",
      payload: { ...interview, kind: "listed", minutes: "x" },
    });
    expect(atCreation.statusCode).toBe(400);
    expect(atCreation.json().field).toBe("minutes");
    const bureau = await t.as("ls_reporter");
    const notTheirs = await bureau.inject({
      method: "PUT",
      url: `/api/supervision/${record.id}/minutes`,
      payload: { attendees: null, minutes: "x" },
    });
    expect(notTheirs.statusCode).toBe(403);
  });
});

describe("the province's ladder", () => {
  const url = "/api/settings/provinces/330000/supervision";
  const ladder = {
    reminder: { monthsBehind: 1, lagPoints: 0 },
    interview: { monthsBehind: 2, lagPoints: 0 },
    listed: { monthsBehind: 4, lagPoints: 5 },
    closeAfterMonths: 2,
  };

  it("has defaults, is changed by the province's officials, and drives the suggestion", async () => {
    const official = await t.as("zj_official");
    expect((await official.inject(url)).json()).toEqual({
      reminder: { monthsBehind: 1, lagPoints: 0 },
      interview: { monthsBehind: 3, lagPoints: 0 },
      listed: { monthsBehind: 6, lagPoints: 10 },
      closeAfterMonths: 3,
    });
    // Lishui, with nothing open any more, at February 2022: two months behind, a reminder.
    const still = (await official.inject(`/api/supervision?region=${LISHUI}&status=open`)).json()
      .records as SupervisionRecord[];
    for (const r of still) {
      await official.inject({
        method: "POST",
        url: `/api/supervision/${r.id}/close`,
        payload: { outcome: "测试结束" },
      });
    }
    const february = `/api/supervision/suggestion?region=${LISHUI}&indicators=${PREFAB}&year=2022&month=2`;
    const before: SupervisionSuggestion = (await official.inject(february)).json();
    expect(before.lines[0]?.monthsBehind).toBe(2);
    expect(before.level).toBe("reminder");
    const saved = await official.inject({ method: "PUT", url, payload: ladder });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(ladder);
    expect((await (await t.as("ls_reporter")).inject(url)).json()).toEqual(ladder);
    // Interviews from two months now.
    const after: SupervisionSuggestion = (await official.inject(february)).json();
    expect(after.level).toBe("interview");
    const restored = await official.inject({
      method: "PUT",
      url,
      payload: {
        reminder: { monthsBehind: 1, lagPoints: 0 },
        interview: { monthsBehind: 3, lagPoints: 0 },
        listed: { monthsBehind: 6, lagPoints: 10 },
        closeAfterMonths: 3,
      },
    });
    expect(restored.statusCode).toBe(200);
  });

  it.each([
    [{ ...ladder, listed: { monthsBehind: 1, lagPoints: 5 } }, "listed.monthsBehind"],
    [{ ...ladder, closeAfterMonths: 0 }, "closeAfterMonths"],
    [{ ...ladder, interview: { monthsBehind: 2, lagPoints: 101 } }, "interview.lagPoints"],
    [{ ...ladder, reminder: undefined }, "reminder"],
  ])("refuses %j with 400 naming %s", async (payload, field) => {
    const official = await t.as("zj_official");
    const res = await official.inject({ method: "PUT", url, payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it("is not another province's officials' nor a bureau's to change", async () => {
    const guangdong = await t.as("gd_official");
    expect((await guangdong.inject({ method: "PUT", url, payload: ladder })).statusCode).toBe(403);
    expect(
      (await (await t.as("ls_reporter")).inject({ method: "PUT", url, payload: ladder }))
        .statusCode,
    ).toBe(403);
  });
});
