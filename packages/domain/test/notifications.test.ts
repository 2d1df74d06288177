import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chaseDay,
  chaseNotification,
  type MonthEvent,
  monthNotification,
  NOTIFICATION_KINDS,
  NOTIFICATION_LIMITS,
} from "../src/notifications.js";

const wenzhou = { code: "330300", nameZh: "温州市", nameEn: "Wenzhou" };
const event = (action: MonthEvent["action"], reason?: string): MonthEvent => ({
  action,
  region: wenzhou,
  provinceCode: "330000",
  year: 2024,
  month: 6,
  version: 3,
  reason,
});

describe("a month's notification", () => {
  it("a return goes to the region's bureau with the reason and a link to its form", () => {
    const n = monthNotification(event("return", " 数据与台账不符 "));
    expect(n).toMatchObject({
      kind: "month_returned",
      audience: [{ role: "reporter", regionCode: "330300" }],
      titleZh: "温州市2024年6月月报被退回",
      titleEn: "Wenzhou 2024-06 was returned",
      body: "数据与台账不符",
      link: "/entry?region=330300&year=2024&month=6",
    });
  });

  it("a submission goes to the officials of the region's own province only", () => {
    const n = monthNotification(event("submit"));
    expect(n.kind).toBe("month_submitted");
    expect(n.audience).toEqual([{ role: "province", regionCode: "330000" }]);
    expect(n.link).toBe("/approvals");
    expect(n.body).toBeNull();
  });

  it("approval and reopening go back to the bureau", () => {
    for (const [action, kind] of [
      ["approve", "month_approved"],
      ["reopen", "month_reopened"],
    ] as const) {
      const n = monthNotification(event(action, "重新核对"));
      expect(n.kind).toBe(kind);
      expect(n.audience).toEqual([{ role: "reporter", regionCode: "330300" }]);
    }
  });

  it("one event has one key; another version is another event", () => {
    expect(monthNotification(event("return")).eventKey).toBe(
      monthNotification(event("return")).eventKey,
    );
    expect(monthNotification({ ...event("return"), version: 4 }).eventKey).not.toBe(
      monthNotification(event("return")).eventKey,
    );
  });

  it("bounds the body and names only known kinds", () => {
    const n = monthNotification(event("return", "很".repeat(5000)));
    expect(n.body?.length).toBe(1000);
    expect(NOTIFICATION_KINDS).toContain(n.kind);
  });
});

describe("a 催报", () => {
  const chase = (message?: string, day = "2026-12-02") =>
    chaseNotification({
      region: wenzhou,
      year: 2026,
      month: 11,
      day,
      message,
    });

  it("goes to the bureau with the official's message and a link to the month's form", () => {
    expect(chase(" 请于今日下班前报送 ")).toEqual({
      kind: "month_chased",
      audience: [{ role: "reporter", regionCode: "330300" }],
      titleZh: "催报：请尽快报送温州市2026年11月月报",
      titleEn: "Reminder: please report Wenzhou 2026-11",
      body: "请于今日下班前报送",
      link: "/entry?region=330300&year=2026&month=11",
      eventKey: "month_chased:330300:2026-11:2026-12-02",
    });
    expect(chase("   ").body).toBeNull();
  });

  it("keys one notification per bureau, month and Beijing day", () => {
    expect(chase("a").eventKey).toBe(chase("b").eventKey);
    expect(chase("a", "2026-12-03").eventKey).not.toBe(chase("a").eventKey);
    // 23:59 UTC on 1 December is 07:59 on 2 December in Beijing.
    expect(chaseDay(new Date("2026-12-01T23:59:00Z"))).toBe("2026-12-02");
    expect(chaseDay(new Date("2026-12-01T15:59:59Z"))).toBe("2026-12-01");
  });

  it("stays within the stored bounds whatever the message", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (message) => {
        const n = chase(message);
        expect((n.body ?? "").length).toBeLessThanOrEqual(NOTIFICATION_LIMITS.body);
        expect(n.eventKey.length).toBeLessThanOrEqual(NOTIFICATION_LIMITS.eventKey);
      }),
    );
  });
});
