import { describe, expect, it } from "vitest";
import { passwordProblems, passwordRuleProblems } from "../src/security.js";

describe("password rules by code (screens say them in their own language)", () => {
  it("names each broken rule", () => {
    expect(passwordRuleProblems("abc", "x").map((p) => p.rule)).toEqual([
      "password_length",
      "password_classes",
    ]);
    expect(passwordRuleProblems("Wenzhou#2026x", "wenzhou").map((p) => p.rule)).toEqual([
      "password_username",
    ]);
    expect(passwordRuleProblems("Wenzhou#2026", "wz_reporter")).toEqual([]);
  });

  it("the English messages are the rules' messages", () => {
    expect(passwordProblems("abc", "x")).toEqual(
      passwordRuleProblems("abc", "x").map((p) => p.message),
    );
  });
});
