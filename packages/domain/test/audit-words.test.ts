import { describe, expect, it } from "vitest";
import { auditActionWords, auditEntityWords, auditReasonWords } from "../src/index.js";

describe("the audit log in words", () => {
  it("names actions, with or without the route's trailing slash", () => {
    expect(auditActionWords("POST /api/users")).toEqual({ zh: "创建用户", en: "Create user" });
    expect(auditActionWords("POST /api/users/")).toEqual({ zh: "创建用户", en: "Create user" });
    expect(auditActionWords("login")?.zh).toBe("登录");
    expect(auditActionWords("POST /api/submissions/:region/:year/:month/return")?.zh).toBe(
      "退回修改",
    );
    expect(auditActionWords("GET /api/unknown")).toBeNull();
  });

  it("names entities", () => {
    expect(auditEntityWords("submission")).toEqual({ zh: "月度报表", en: "Month" });
    expect(auditEntityWords(null)).toBeNull();
  });

  it("gives refusals' reasons in both languages", () => {
    expect(auditReasonWords("wrong password")).toEqual({ zh: "密码错误", en: "wrong password" });
    expect(auditReasonWords("a province account may not do this")?.zh).toBe("省厅账号无此权限");
    expect(auditReasonWords("an admin account may not do this")?.zh).toBe("系统管理员无此权限");
    expect(auditReasonWords("region 440100 is outside your scope")?.zh).toBe(
      "地区 440100 超出本账号的管辖范围",
    );
    expect(auditReasonWords("HTTP 500")?.zh).toBe("请求失败（HTTP 500）");
    expect(auditReasonWords("目标值不能为负数")).toEqual({
      zh: "目标值不能为负数",
      en: "目标值不能为负数",
    });
    expect(auditReasonWords(null)).toBeNull();
  });
});
