import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  managesRole,
  passwordExpired,
  passwordProblems,
  requiresSecondFactor,
  rolesManagedBy,
  sessionIdleExpired,
  withinScope,
} from "../src/index.js";

describe("password policy", () => {
  it("wants 8 characters, 3 of 4 classes, and not the username", () => {
    expect(passwordProblems("Wenzhou#2026", "wz_reporter")).toEqual([]);
    expect(passwordProblems("Ab1!", "x")).toEqual(["at least 8 characters"]);
    expect(passwordProblems("abcdefgh1", "x")).toHaveLength(1);
    expect(passwordProblems("Wenzhou2026", "wenzhou")).toEqual(["must not contain the username"]);
  });

  it("expires after 90 days", () => {
    const changed = new Date("2026-01-01T00:00:00Z");
    expect(passwordExpired(changed, new Date("2026-03-31T00:00:00Z"))).toBe(false);
    expect(passwordExpired(changed, new Date("2026-04-02T00:00:00Z"))).toBe(true);
  });

  it("never accepts a password shorter than 8 characters", () => {
    fc.assert(fc.property(fc.string({ maxLength: 7 }), (p) => passwordProblems(p, "u").length > 0));
  });
});

describe("sessions", () => {
  it("ends a session idle for more than 30 minutes", () => {
    const seen = new Date("2026-11-25T10:00:00Z");
    expect(sessionIdleExpired(seen, new Date("2026-11-25T10:29:59Z"))).toBe(false);
    expect(sessionIdleExpired(seen, new Date("2026-11-25T10:30:01Z"))).toBe(true);
  });
});

describe("roles and scope", () => {
  it("requires a second factor for administrators and provincial officials", () => {
    expect(requiresSecondFactor("admin")).toBe(true);
    expect(requiresSecondFactor("province")).toBe(true);
    expect(requiresSecondFactor("reporter")).toBe(false);
    expect(requiresSecondFactor("leader")).toBe(false);
  });

  it("reaches a region through its ancestors", () => {
    expect(withinScope("330000", ["330300", "330000"])).toBe(true);
    expect(withinScope("330300", ["330300", "330000"])).toBe(true);
    expect(withinScope("330300", ["330100", "330000"])).toBe(false);
    expect(withinScope(null, ["440100", "440000"])).toBe(true);
  });
});

describe("separation of duties (三员分立)", () => {
  it("F5: the administrator manages business accounts, the security officer privileged ones", () => {
    expect(rolesManagedBy("admin")).toEqual(["province", "reporter", "leader"]);
    expect(rolesManagedBy("security")).toEqual(["admin", "auditor", "security"]);
    for (const role of ["province", "reporter", "leader", "auditor"] as const) {
      expect(rolesManagedBy(role)).toEqual([]);
    }
    // Nobody can make an auditor or a security officer but the security officer.
    expect(managesRole("admin", "auditor")).toBe(false);
    expect(managesRole("admin", "security")).toBe(false);
    expect(managesRole("admin", "admin")).toBe(false);
    expect(managesRole("auditor", "auditor")).toBe(false);
    expect(requiresSecondFactor("security")).toBe(true);
  });
});
