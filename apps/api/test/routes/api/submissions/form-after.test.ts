import { watchStatements } from "@jindu/db";
import { beforeAll, describe, expect, it } from "vitest";
import type { SubmissionView } from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";

const t = useTestApp();

const URL = "/api/submissions/330300/2023/2";
const starts = { indicator: "shantytown_starts", value: 300 };
const prefab = { indicator: "prefab_share", numerator: 30, denominator: 150 };

/** The month's form as a reload reads it. */
async function reloaded(): Promise<SubmissionView> {
  const res = await t.api.inject({ url: URL });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** What a statement that reads the month's whole form looks like (monthFiguresJson in @jindu/db). */
const readsTheForm = (text: string) => /from "reports" r\s+where r\.region_code/.test(text);
/** Not the month's: transaction control, the session's check, the region's ancestry (kept). */
const aside = (text: string) =>
  /^\s*(begin|commit|rollback)\b/i.test(text) ||
  text.includes('"sessions"') ||
  text.includes("with recursive chain");

/**
 * Sends a change and answers its form, the statements it sent, and the form a reload reads
 * right after (which the change's answer must equal: it is derived from what it wrote).
 */
async function change(client: Client, method: "PUT" | "POST", url: string, payload: object) {
  const texts: string[] = [];
  const stop = watchStatements((text) => texts.push(text));
  const res = await client.inject({ method, url, payload }).finally(stop);
  expect(res.statusCode, res.body).toBe(200);
  return { answer: res.json() as SubmissionView, texts, reload: await reloaded() };
}

describe("a change's answer is the month's form after it, without reading it again", () => {
  let bureau: Client;
  let province: Client;
  beforeAll(async () => {
    bureau = await t.as("wz_reporter");
    province = await t.as("zj_official");
    const target = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "shantytown_starts", region: "330300", year: 2023, value: 2400 },
    });
    expect(target.statusCode, target.body).toBe(201);
  });

  it("through every step of the month: save, save unchanged, correct, submit, return, approve, reopen", async () => {
    const steps: [string, Client, "PUT" | "POST", string, (v: SubmissionView) => object][] = [
      ["first save", bureau, "PUT", URL, () => ({ baseVersion: 0, entries: [starts, prefab] })],
      ["same figures", bureau, "PUT", URL, (v) => ({ baseVersion: v.version, entries: [starts] })],
      [
        "one figure corrected, one explained",
        bureau,
        "PUT",
        URL,
        (v) => ({
          baseVersion: v.version,
          entries: [
            { ...starts, value: 310 },
            { ...prefab, numerator: 30.25, explanation: "含两个大型项目" },
          ],
        }),
      ],
      ["submit", bureau, "POST", `${URL}/submit`, (v) => ({ version: v.version })],
      [
        "return",
        province,
        "POST",
        `${URL}/return`,
        (v) => ({ version: v.version, reason: "与台账不符" }),
      ],
      [
        "save after return",
        bureau,
        "PUT",
        URL,
        (v) => ({ baseVersion: v.version, entries: [{ ...starts, value: 305 }] }),
      ],
      ["submit again", bureau, "POST", `${URL}/submit`, (v) => ({ version: v.version })],
      ["approve (four eyes)", province, "POST", `${URL}/approve`, (v) => ({ version: v.version })],
      [
        "reopen",
        province,
        "POST",
        `${URL}/reopen`,
        (v) => ({ version: v.version, reason: "更正棚改数" }),
      ],
    ];
    let form = await reloaded();
    expect(form.status).toBeNull();
    for (const [step, client, method, url, payload] of steps) {
      const { answer, texts, reload } = await change(client, method, url, payload(form));
      expect(answer, step).toEqual(reload);
      // The form before (the audit's old value and the checks) is the only read of the form.
      expect(texts.filter(readsTheForm), step).toHaveLength(1);
      const statements = texts.filter((text) => !aside(text));
      // Saves: context and form (one statement), month row, the write, the audit row with the
      // version (the figures as read with the form: the month's version had not moved). Moves:
      // context and form, the move with its figures', who hears of it, their notification, the
      // audit row; an approval also reads the province's four eyes, the month and its last
      // editor (and moves month and figures apart), and the region's supervision; a reopen its
      // supervision.
      const most =
        method === "PUT" ? 4 : step.startsWith("approve") ? 10 : step === "reopen" ? 6 : 5;
      expect(statements.length, `${step}: ${statements.join("\n---\n")}`).toBeLessThanOrEqual(most);
      form = answer;
    }
    expect(form.status).toBe("returned");
    expect(form.entries.find((e) => e.indicator.code === "shantytown_starts")?.value).toBe(305);
    expect(form.entries.find((e) => e.indicator.code === "prefab_share")?.explanation).toBe(
      "含两个大型项目",
    );
  });
});
