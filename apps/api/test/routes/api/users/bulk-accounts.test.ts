import { insertUser, queryRows } from "@jindu/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AccountImportErrors } from "../../../../src/schemas/index.js";
import { hashPassword } from "../../../../src/services/auth.js";
import {
  type Client,
  signIn,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  useTestApp,
} from "../../../helper.js";
import { loadWorkbook, multipartFile, workbookBytes } from "../../../spreadsheet-helpers.js";

const t = useTestApp();

type Row = (string | number | null)[];

/** The template as the API gives it, filled with `rows` from row 3. */
async function filledTemplate(client: Client, rows: Row[]) {
  const res = await client.inject("/api/users/import/template");
  expect(res.statusCode).toBe(200);
  const workbook = await loadWorkbook(res.rawPayload);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  rows.forEach((row, i) => {
    sheet.getRow(3 + i).values = row;
  });
  return workbookBytes(workbook);
}

const upload = (client: Client, bytes: Buffer, filename = "accounts.xlsx") =>
  client.inject({ method: "POST", url: "/api/users/import", ...multipartFile(filename, bytes) });

const userCount = async () =>
  Number(
    (await queryRows<{ n: number }>(t.app.db, sql`select count(*)::int as n from users`))[0]?.n,
  );

const rulesOf = (res: { json(): unknown }) =>
  (res.json() as AccountImportErrors).errors.map((e) => ({
    row: e.row,
    column: e.column,
    field: e.field,
    rule: e.rule,
  }));

describe("accounts in bulk: a template in, one-time passwords out, all or nothing", () => {
  it("gives a template with Chinese and English titles, a code row and the admin's roles only", async () => {
    const admin = await t.as("sysadmin");
    const res = await admin.inject("/api/users/import/template");
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    const workbook = await loadWorkbook(res.rawPayload);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("用户名 Username");
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      "username",
      "displayName",
      "role",
      "regionCode",
      "phone",
      "email",
    ]);
    const choices = String(sheet?.getCell("C3").dataValidation?.formulae?.[0]);
    expect(choices).toContain("填报单位 reporter");
    expect(choices).not.toContain("auditor");
    expect(workbook.worksheets[1]?.name).toBe("说明 Notes");
  });

  it("refuses a file with one bad row among good ones: every problem listed, nothing created", async () => {
    const admin = await t.as("sysadmin");
    const before = await userCount();
    const bytes = await filledTemplate(admin, [
      ["bulk_ok1", "宁波市住建局", "填报单位 reporter", "330200", "13812345678", "nb@zjjs.gov.cn"],
      ["bulk_bad", "无此地区", "reporter", "999999", "not a phone", "nb@"],
      ["bulk_ok2", "浙江领导", "leader", null, null, null],
    ]);
    const res = await upload(admin, bytes);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ ok: false, rows: 3 });
    expect(rulesOf(res)).toEqual([
      { row: 4, column: "D", field: "regionCode", rule: "region_unknown" },
      { row: 4, column: "E", field: "phone", rule: "phone_format" },
      { row: 4, column: "F", field: "email", rule: "email_format" },
    ]);
    expect((res.json() as AccountImportErrors).errors[0]?.reason).toMatch(/999999/);
    expect(await userCount()).toBe(before);
    // The refusal is in the log, as a failure.
    const [logged] = await queryRows<{ result: string }>(
      t.app.db,
      sql`select result from audit_log where action = 'POST /api/users/import' order by id desc limit 1`,
    );
    expect(logged?.result).toBe("failure");
  });

  it("creates every account of a good file with a one-time password that signs in once and must be changed", async () => {
    const admin = await t.as("sysadmin");
    const before = await userCount();
    const bytes = await filledTemplate(admin, [
      ["bulk_nb", "宁波市住建局", "填报单位 reporter", 330200, 13812345678, "nb@zjjs.gov.cn"],
      ["bulk_hz", "杭州市住建局", "reporter", "330100", "0571-87654321", null],
      ["bulk_lead", "浙江领导", "领导", "330000", null, null],
    ]);
    const res = await upload(admin, bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(res.headers["x-accounts-created"]).toBe("3");
    // The passwords are kept by no browser or proxy.
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(await userCount()).toBe(before + 3);
    const sheet = (await loadWorkbook(res.rawPayload)).worksheets[0];
    const passwords = new Map<string, string>();
    sheet?.eachRow((row, n) => {
      if (n > 1) passwords.set(String(row.getCell(1).value), String(row.getCell(5).value));
    });
    expect([...passwords.keys()]).toEqual(["bulk_nb", "bulk_hz", "bulk_lead"]);
    expect(new Set(passwords.values()).size).toBe(3);
    for (const [username, password] of passwords) {
      expect(password).toMatch(/^.{12}$/);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      expect(login.statusCode, login.body).toBe(200);
      expect(login.json().user.mustChangePassword).toBe(true);
    }
    const list = (await admin.inject("/api/users")).json() as {
      users: { username: string; role: string; regionCode: string | null; phone: string | null }[];
    };
    expect(list.users.find((u) => u.username === "bulk_nb")).toMatchObject({
      role: "reporter",
      regionCode: "330200",
      phone: "13812345678",
    });
    expect(list.users.find((u) => u.username === "bulk_lead")?.role).toBe("leader");
    // One audit row per account, never a password.
    const rows = await queryRows<{ entity_id: string; new_value: unknown }>(
      t.app.db,
      sql`select entity_id, new_value from audit_log where action = 'POST /api/users/import' and entity = 'user'`,
    );
    expect(rows).toHaveLength(3);
    const log = JSON.stringify(
      await queryRows(t.app.db, sql`select new_value, old_value, reason from audit_log`),
    );
    for (const password of passwords.values()) expect(log).not.toContain(password);
  });

  it("refuses a username twice in the file and one that exists already", async () => {
    const admin = await t.as("sysadmin");
    const before = await userCount();
    const bytes = await filledTemplate(admin, [
      ["bulk_twice", "甲", "reporter", "330200"],
      ["wz_reporter", "温州", "reporter", "330300"],
      ["bulk_twice", "乙", "reporter", "330200"],
      ["x", "", "boss", "330200"],
    ]);
    const res = await upload(admin, bytes);
    expect(res.statusCode).toBe(422);
    expect(rulesOf(res)).toEqual([
      { row: 4, column: "A", field: "username", rule: "username_taken" },
      { row: 5, column: "A", field: "username", rule: "username_duplicate" },
      { row: 6, column: "A", field: "username", rule: "username_format" },
      { row: 6, column: "B", field: "displayName", rule: "required" },
      { row: 6, column: "C", field: "role", rule: "role_unknown" },
    ]);
    expect((res.json() as AccountImportErrors).errors[1]?.params).toMatchObject({ first: 3 });
    expect(await userCount()).toBe(before);
  });

  it("refuses a region outside the administrator's scope, by the rule the single create uses", async () => {
    await insertUser(t.app.db, {
      username: "zj_admin",
      displayName: "浙江系统管理员",
      role: "admin",
      regionCode: "330000",
      passwordHash: await hashPassword(TEST_PASSWORD),
      mustChangePassword: false,
      totpSecret: TEST_TOTP_SECRET,
      totpEnabled: true,
    });
    const zhejiang = await signIn(t.app, "zj_admin");
    const before = await userCount();
    const bytes = await filledTemplate(zhejiang, [
      ["bulk_zj", "宁波", "reporter", "330200"],
      ["bulk_gd", "广州", "reporter", "440100"],
      ["bulk_all", "全国领导", "leader", null],
      ["bulk_noregion", "无地区", "reporter", null],
      ["bulk_audit", "审计", "auditor", null],
    ]);
    const res = await upload(zhejiang, bytes);
    expect(res.statusCode).toBe(422);
    expect(rulesOf(res)).toEqual([
      { row: 4, column: "D", field: "regionCode", rule: "region_outside_scope" },
      { row: 5, column: "D", field: "regionCode", rule: "region_outside_scope" },
      { row: 6, column: "D", field: "regionCode", rule: "region_required" },
      { row: 7, column: "C", field: "role", rule: "role_not_yours" },
    ]);
    expect(await userCount()).toBe(before);
    // The single create says the same, with the same rule.
    const one = await zhejiang.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "one_gd",
        displayName: "广州",
        role: "reporter",
        regionCode: "440100",
        password: "First#Pass2026",
      },
    });
    expect([one.statusCode, one.json().field, one.json().rule]).toEqual([
      400,
      "regionCode",
      "region_outside_scope",
    ]);
  });

  it("refuses a file past the template's rows, or larger than 20 MB, or with too many accounts", async () => {
    const admin = await t.as("sysadmin");
    const before = await userCount();
    const workbook = await loadWorkbook(
      await filledTemplate(admin, [["bulk_far", "远", "reporter", "330200"]]),
    );
    const first = workbook.worksheets[0];
    if (first) first.getCell("A5000").value = "far";
    const far = await upload(admin, await workbookBytes(workbook));
    expect(far.statusCode).toBe(413);
    expect(far.json()).toMatchObject({ field: "file", rule: "sheet_too_large" });

    const huge = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(21 * 1024 * 1024, 1)]);
    const big = await upload(admin, huge);
    expect(big.statusCode).toBe(413);

    const many = await filledTemplate(
      admin,
      Array.from({ length: 2001 }, (_, i) => [`bulk_many${i}`, "多", "reporter", "330200"]),
    );
    const tooMany = await upload(admin, many);
    expect(tooMany.statusCode).toBe(422);
    expect(rulesOf(tooMany)).toEqual([
      { row: 3, column: "A", field: "username", rule: "too_many_rows" },
    ]);
    expect(await userCount()).toBe(before);
  });

  it("is the administrator's and the security officer's only", async () => {
    const reporter = await t.as("wz_reporter");
    expect((await reporter.inject("/api/users/import/template")).statusCode).toBe(403);
    const res = await upload(reporter, Buffer.from("username\n"), "a.csv");
    expect(res.statusCode).toBe(403);
  });
});
