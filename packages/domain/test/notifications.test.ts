import { describe, expect, it } from "vitest";
import { type MonthEvent, monthNotification, NOTIFICATION_KINDS } from "../src/notifications.js";

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
