import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../helper.js";

/**
 * 临近提醒 / 到期催办: an unanswered record is announced to the region's bureau in the province's
 * reminder days before its deadline, and once past it to the bureau and the province's officials;
 * each once, and none once the bureau has answered (the clock is the test's).
 */
let now = new Date("2023-03-01T02:00:00Z");
const t = useTestApp({
  background: { publicUrl: "https://jindu.example.gov.cn/", clock: () => now, manual: true },
});
const tick = () => t.app.background?.scheduler.tick();

async function open(deadline: string) {
  const official = await t.as("zj_official");
  const res = await official.inject({
    method: "POST",
    url: "/api/supervision",
    payload: {
      region: "330300",
      kind: "interview",
      heldOn: "2023-02-20",
      indicators: ["prefab_share"],
      actions: "说明装配式建筑占比滞后原因并提出整改措施",
      deadline,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

async function inboxOf(username: string) {
  const res = await (await t.as(username)).inject("/api/notifications?limit=100");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().notifications as { kind: string; titleZh: string; link: string }[]).filter(
    (n) => n.kind === "supervision_due" || n.kind === "supervision_overdue",
  );
}

describe("supervision deadlines", () => {
  it("remind the bureau before the deadline and escalate once it passes, each once", async () => {
    const id = await open("2023-03-10");
    // 1 March: nine days to go, more than the province's three.
    await tick();
    expect(await inboxOf("wz_reporter")).toEqual([]);

    now = new Date("2023-03-08T02:00:00Z");
    await tick();
    await tick();
    expect(await inboxOf("wz_reporter")).toEqual([
      expect.objectContaining({
        kind: "supervision_due",
        titleZh: "温州市约谈将于2023-03-10到期，请尽快反馈整改措施",
        link: `/supervision?record=${id}`,
      }),
    ]);
    expect(await inboxOf("zj_official")).toEqual([]);

    // The next day is another run, but the same event: nobody is told twice.
    now = new Date("2023-03-09T02:00:00Z");
    await tick();
    expect(await inboxOf("wz_reporter")).toHaveLength(1);

    now = new Date("2023-03-11T02:00:00Z");
    await tick();
    expect((await inboxOf("wz_reporter")).map((n) => n.kind)).toEqual([
      "supervision_overdue",
      "supervision_due",
    ]);
    expect(await inboxOf("zj_official")).toEqual([
      expect.objectContaining({
        kind: "supervision_overdue",
        titleZh: "温州市约谈已逾期（期限2023-03-10），尚未反馈整改措施",
      }),
    ]);
  });

  it("say nothing of a record the bureau has answered", async () => {
    const id = await open("2023-03-13");
    const bureau = await t.as("wz_reporter");
    const answered = await bureau.inject({
      method: "POST",
      url: `/api/supervision/${id}/answer`,
      payload: { explanation: "项目集中在下半年开工", measures: "倒排工期，每周调度" },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    now = new Date("2023-03-12T02:00:00Z");
    await tick();
    now = new Date("2023-03-20T02:00:00Z");
    await tick();
    const about = (await inboxOf("wz_reporter")).filter((n) => n.link.endsWith(`=${id}`));
    expect(about).toEqual([]);
  });
});
