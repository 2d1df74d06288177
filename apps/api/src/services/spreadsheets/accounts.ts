import { type Database, takenUsernames } from "@jindu/db";
import {
  accountScopeProblem,
  DISPLAY_NAME_MAX,
  EMAIL_MAX,
  EMAIL_PATTERN,
  PHONE_MAX,
  PHONE_PATTERN,
  ROLE_REGION,
  ROLES,
  type Role,
  rolesManagedBy,
  USERNAME_MAX,
  USERNAME_MIN,
  USERNAME_PATTERN,
} from "@jindu/domain";
import { regionChainOf } from "../accounts.js";
import type { Grid } from "./grid.js";
import { type CellError, cellErrors } from "./import.js";
import type { GridLimits } from "./sheet-limits.js";
import { newWorkbook } from "./workbook.js";

/*
 * Accounts in bulk: the template, the check of a filled one (every row, all or nothing), and the
 * sheet of one-time passwords. The layout follows the monthly template: titles in row 1 (Chinese,
 * then English), the codes the import reads in row 2, one account a row from row 3.
 */

export const ACCOUNT_COLUMNS = [
  { code: "username", zh: "用户名", en: "Username", width: 18 },
  { code: "displayName", zh: "姓名 / 单位", en: "Name / bureau", width: 24 },
  { code: "role", zh: "角色", en: "Role", width: 22 },
  { code: "regionCode", zh: "地区代码", en: "Region code", width: 12 },
  { code: "phone", zh: "电话（选填）", en: "Phone (optional)", width: 16 },
  { code: "email", zh: "电子邮箱（选填）", en: "E-mail (optional)", width: 26 },
] as const;
type Code = (typeof ACCOUNT_COLUMNS)[number]["code"];
const REQUIRED_COLUMNS: readonly Code[] = ["username", "displayName", "role"];

/** At most this many accounts a file. */
export const MAX_ACCOUNT_ROWS = 2000;
/** Rows besides the accounts (titles, codes, blanks) and columns besides the six (notes). */
export const accountSheetLimits: GridLimits = { rows: MAX_ACCOUNT_ROWS + 20, columns: 12 };

/** The roles' names as the screens say them, which the role column also accepts. */
export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  admin: { zh: "系统管理员", en: "Administrator" },
  province: { zh: "省级主管部门", en: "Provincial department" },
  reporter: { zh: "填报单位", en: "Reporting bureau" },
  leader: { zh: "领导", en: "Leadership" },
  auditor: { zh: "安全审计员", en: "Auditor" },
  security: { zh: "安全保密管理员", en: "Security officer" },
};

/** What the role column offers: "填报单位 reporter". */
const roleChoice = (role: Role) => `${ROLE_NAMES[role].zh} ${role}`;

/** A role as typed: its code, its Chinese or English name, or the template's "名称 code". */
export function parseRole(text: string): Role | null {
  const lower = text.toLowerCase();
  for (const role of ROLES) {
    const { zh, en } = ROLE_NAMES[role];
    if (lower === role || text === zh || lower === en.toLowerCase()) return role;
  }
  const tokens = text.split(/[\s()（）/]+/).filter(Boolean);
  const found = new Set(
    tokens.flatMap((t) => ROLES.filter((r) => t.toLowerCase() === r || t === ROLE_NAMES[r].zh)),
  );
  return found.size === 1 ? ([...found][0] as Role) : null;
}

/** The template an account of `actor`'s role fills in: its role column offers its roles only. */
export async function accountsTemplate(actor: Role): Promise<Buffer> {
  const roles = rolesManagedBy(actor);
  const workbook = await newWorkbook();
  workbook.creator = "Jindu 进度";
  const sheet = workbook.addWorksheet("账号 Accounts", {
    views: [{ state: "frozen", ySplit: 2 }],
  });
  sheet.addRow(ACCOUNT_COLUMNS.map((c) => `${c.zh} ${c.en}`));
  sheet.addRow(ACCOUNT_COLUMNS.map((c) => c.code));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(1).height = 32;
  sheet.getRow(2).font = { color: { argb: "FF888888" }, size: 9 };
  ACCOUNT_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    // Codes and phone numbers stay text: Excel would drop a leading 0 or show 1.38E+10.
    if (c.code !== "displayName" && c.code !== "role") column.numFmt = "@";
  });
  const roleColumn = ACCOUNT_COLUMNS.findIndex((c) => c.code === "role") + 1;
  const letter = String.fromCharCode(64 + roleColumn);
  for (let row = 3; row <= MAX_ACCOUNT_ROWS + 2; row++) {
    sheet.getCell(`${letter}${row}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${roles.map(roleChoice).join(",")}"`],
      showErrorMessage: true,
      errorTitle: "角色 Role",
      error: `请从列表中选择 Choose one of: ${roles.join(", ")}`,
    };
  }
  const notes = workbook.addWorksheet("说明 Notes");
  notes.addRows([
    ["批量导入账号 Accounts in bulk"],
    [
      "每行一个账号；第2行的代码请勿修改。有任何一行出错时不会创建任何账号。Do not change the codes in row 2; one bad row and no account is created.",
    ],
    [
      `用户名：${USERNAME_MIN}–${USERNAME_MAX}位字母、数字或 . _ @ -，不能与已有账号或本文件中的其他行重复。Username: ${USERNAME_MIN}–${USERNAME_MAX} letters, digits or . _ @ -, unique.`,
    ],
    [
      `姓名 / 单位：不超过${DISPLAY_NAME_MAX}个字符。Name / bureau: at most ${DISPLAY_NAME_MAX} characters.`,
    ],
    [
      `电话、电子邮箱选填。Phone (at most ${PHONE_MAX}) and e-mail (at most ${EMAIL_MAX}) are optional.`,
    ],
    [
      "地区代码为6位行政区划代码（GB/T 2260），须在您的管辖范围内。Region codes are six-digit GB/T 2260 codes within your scope.",
    ],
    [],
    ["角色 Role", "代码 Code", "地区代码 Region code"],
    ...roles.map((r) => [
      `${ROLE_NAMES[r].zh} ${ROLE_NAMES[r].en}`,
      r,
      {
        required: "必填：所属市或县 Required: the bureau's city or county",
        optional: "选填：留空表示全国 Optional: blank means nationwide",
        none: "不填 Leave blank",
      }[ROLE_REGION[r]],
    ]),
    [],
    [
      "导入成功后将下载一次性密码表，密码只提供这一次；用户首次登录时必须修改密码。After the import you download the one-time passwords, once; each user must change it at first sign-in.",
    ],
  ]);
  notes.getColumn(1).width = 60;
  notes.getColumn(2).width = 12;
  notes.getColumn(3).width = 50;
  notes.getRow(8).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface AccountRow {
  /** The sheet's row (1-based, as Excel numbers it). */
  row: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  phone: string | null;
  email: string | null;
}

const text = (cell: string | number | null | undefined) =>
  typeof cell === "number" ? String(cell) : String(cell ?? "").trim();

const fits = (value: string, max: number, pattern: string, min = 1) =>
  [...value].length >= min && [...value].length <= max && new RegExp(pattern).test(value);

/**
 * Checks every row of a filled template before anything is created: formats and lengths, the
 * username unique in the file and among existing accounts, and the role and region by the one
 * account scope rule (packages/domain accountScopeProblem) that the single create uses too.
 */
export async function checkAccountSheet(
  db: Database,
  grid: Grid,
  actor: { role: Role; regionCode: string | null },
): Promise<{ errors: CellError[]; accounts: AccountRow[]; rows: number }> {
  const { errors, err } = cellErrors();
  const codeRow = grid.findIndex((row, i) => i < 10 && text(row[0]).toLowerCase() === "username");
  if (codeRow < 0) {
    err(
      1,
      0,
      "username",
      "no row of column codes starting with 'username' (row 2 of the template)",
      "no_code_row",
    );
    return { errors, accounts: [], rows: 0 };
  }
  const columnOf = new Map<Code, number>();
  (grid[codeRow] ?? []).forEach((cell, index) => {
    const code = text(cell);
    if (code === "") return;
    const known = ACCOUNT_COLUMNS.find((c) => c.code.toLowerCase() === code.toLowerCase());
    if (!known || columnOf.has(known.code)) {
      err(codeRow, index, code, `unknown column code "${code}"`, "unknown_column", { code });
      return;
    }
    columnOf.set(known.code, index);
  });
  for (const code of REQUIRED_COLUMNS) {
    if (!columnOf.has(code)) {
      err(codeRow, 0, code, `the code row has no "${code}" column`, "missing_column", { code });
    }
  }
  if (errors.length > 0) return { errors, accounts: [], rows: 0 };

  const dataRows = grid
    .map((row, index) => ({ row, index }))
    .filter(({ row, index }) => index > codeRow && row.some((c) => text(c) !== ""));
  if (dataRows.length === 0) {
    err(codeRow + 1, 0, "username", "the file has no accounts", "no_rows");
  }
  if (dataRows.length > MAX_ACCOUNT_ROWS) {
    err(
      codeRow + 1,
      0,
      "username",
      `the file has ${dataRows.length} accounts; at most ${MAX_ACCOUNT_ROWS} a file`,
      "too_many_rows",
      {
        count: dataRows.length,
        max: MAX_ACCOUNT_ROWS,
      },
    );
    return { errors, accounts: [], rows: dataRows.length };
  }

  const usernames = dataRows.map(({ row }) => text(row[columnOf.get("username") ?? 0]));
  const taken = new Set(
    await takenUsernames(
      db,
      [...new Set(usernames)].filter((u) => fits(u, USERNAME_MAX, USERNAME_PATTERN, USERNAME_MIN)),
    ),
  );
  // One query per region the file names (the same one the single create makes).
  const chains = new Map<string, readonly string[]>();
  const chainOf = async (code: string) => {
    let chain = chains.get(code);
    if (!chain) {
      chain = /^[0-9]{6}$/.test(code) ? await regionChainOf(db, code) : [];
      chains.set(code, chain);
    }
    return chain;
  };

  const firstRowOf = new Map<string, number>();
  const accounts: AccountRow[] = [];
  for (const { row, index } of dataRows) {
    const at = (code: Code) => columnOf.get(code) ?? 0;
    const cell = (code: Code) => (columnOf.has(code) ? text(row[at(code)]) : "");
    const before = errors.length;
    const bad = (
      code: Code,
      reason: string,
      rule: string,
      params: Record<string, string | number> = {},
    ) => err(index, at(code), code, reason, rule, params);

    const username = cell("username");
    if (username === "") bad("username", "the username is missing", "required");
    else if (!fits(username, USERNAME_MAX, USERNAME_PATTERN, USERNAME_MIN)) {
      bad(
        "username",
        `"${username}" is not ${USERNAME_MIN}–${USERNAME_MAX} letters, digits or . _ @ -`,
        "username_format",
        { text: username },
      );
    } else if (firstRowOf.has(username)) {
      bad(
        "username",
        `${username} is also on row ${firstRowOf.get(username)}`,
        "username_duplicate",
        { username, first: firstRowOf.get(username) ?? 0 },
      );
    } else if (taken.has(username)) {
      bad("username", `the username ${username} is taken`, "username_taken", { username });
    }
    if (username !== "" && !firstRowOf.has(username)) firstRowOf.set(username, index + 1);

    const displayName = cell("displayName");
    if (displayName === "") bad("displayName", "the name is missing", "required");
    else if ([...displayName].length > DISPLAY_NAME_MAX) {
      bad("displayName", `the name is longer than ${DISPLAY_NAME_MAX} characters`, "too_long", {
        max: DISPLAY_NAME_MAX,
      });
    }

    const roleText = cell("role");
    const role = roleText === "" ? null : parseRole(roleText);
    if (roleText === "") bad("role", "the role is missing", "required");
    else if (!role)
      bad("role", `"${roleText}" is not a role (${ROLES.join(", ")})`, "role_unknown", {
        text: roleText,
      });

    const regionText = cell("regionCode");
    const regionCode = regionText === "" ? null : regionText;
    if (role) {
      const problem = accountScopeProblem(
        actor,
        { role, regionCode },
        regionCode ? await chainOf(regionCode) : [],
      );
      if (problem) {
        bad(problem.field === "role" ? "role" : "regionCode", problem.message, problem.rule, {
          role,
          code: regionCode ?? "",
        });
      }
    }

    const phone = cell("phone");
    if (phone !== "" && !fits(phone, PHONE_MAX, PHONE_PATTERN)) {
      bad("phone", `"${phone}" is not a phone number`, "phone_format", { text: phone });
    }
    const email = cell("email");
    if (email !== "" && !fits(email, EMAIL_MAX, EMAIL_PATTERN)) {
      bad("email", `"${email}" is not an e-mail address`, "email_format", { text: email });
    }

    if (errors.length === before && role) {
      accounts.push({
        row: index + 1,
        username,
        displayName,
        role,
        regionCode,
        phone: phone || null,
        email: email || null,
      });
    }
  }
  return { errors, accounts: errors.length > 0 ? [] : accounts, rows: dataRows.length };
}

/** The accounts created and their one-time passwords: handed out once, kept nowhere else. */
export async function passwordsWorkbook(
  accounts: readonly (AccountRow & { password: string })[],
): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "Jindu 进度";
  const sheet = workbook.addWorksheet("一次性密码 Passwords", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.addRow([
    "用户名 Username",
    "姓名 / 单位 Name / bureau",
    "角色 Role",
    "地区代码 Region code",
    "一次性密码 One-time password",
  ]).font = { bold: true };
  for (const a of accounts) {
    sheet.addRow([a.username, a.displayName, roleChoice(a.role), a.regionCode ?? "", a.password]);
  }
  [18, 24, 22, 14, 22].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const notes = workbook.addWorksheet("说明 Notes");
  notes.addRows([
    ["这些密码只提供这一次，系统中不保存明文；请分发后妥善删除本文件。"],
    [
      "These passwords are given this once and stored nowhere in clear; delete this file once they are handed out.",
    ],
    ["用户首次登录时必须修改密码。Each user must change the password at first sign-in."],
  ]);
  notes.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
