import { describe, expect, it } from "vitest";
import { accountScopeProblem, EMAIL_PATTERN, PHONE_PATTERN } from "../src/index.js";

const admin = { role: "admin" as const, regionCode: null };
const zhejiangAdmin = { role: "admin" as const, regionCode: "330000" };
const NINGBO = ["330200", "330000"];
const GUANGZHOU = ["440100", "440000"];

describe("account scope: the one rule every way of creating an account checks", () => {
  it("gives a region where the role needs one, and none where it has none", () => {
    expect(
      accountScopeProblem(admin, { role: "reporter", regionCode: "330200" }, NINGBO),
    ).toBeNull();
    expect(accountScopeProblem(admin, { role: "leader", regionCode: null }, [])).toBeNull();
    expect(accountScopeProblem(admin, { role: "reporter", regionCode: null }, [])?.rule).toBe(
      "region_required",
    );
    const security = { role: "security" as const, regionCode: null };
    expect(
      accountScopeProblem(security, { role: "auditor", regionCode: "330200" }, NINGBO)?.rule,
    ).toBe("region_not_allowed");
  });

  it("keeps roles within the actor's duties and regions within its scope", () => {
    expect(accountScopeProblem(admin, { role: "auditor", regionCode: null }, [])).toMatchObject({
      field: "role",
      rule: "role_not_yours",
    });
    expect(accountScopeProblem(admin, { role: "reporter", regionCode: "999999" }, [])?.rule).toBe(
      "region_unknown",
    );
    expect(
      accountScopeProblem(zhejiangAdmin, { role: "reporter", regionCode: "330200" }, NINGBO),
    ).toBeNull();
    expect(
      accountScopeProblem(zhejiangAdmin, { role: "reporter", regionCode: "440100" }, GUANGZHOU)
        ?.rule,
    ).toBe("region_outside_scope");
    expect(accountScopeProblem(zhejiangAdmin, { role: "leader", regionCode: null }, [])?.rule).toBe(
      "region_outside_scope",
    );
  });

  it("bounds phone numbers and e-mail addresses", () => {
    const phone = new RegExp(PHONE_PATTERN);
    const email = new RegExp(EMAIL_PATTERN);
    for (const ok of ["13812345678", "0571-87654321", "+86 138 1234 5678"])
      expect(phone.test(ok)).toBe(true);
    for (const bad of ["12", "call me", "138-1234<script>"]) expect(phone.test(bad)).toBe(false);
    expect(email.test("li.ming@zjjs.gov.cn")).toBe(true);
    expect(email.test("li ming@zjjs")).toBe(false);
  });
});
