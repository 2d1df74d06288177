import {
  allIndicators,
  allRegions,
  type Database,
  listTargets,
  saveTargets,
  type TargetWrite,
} from "@jindu/db";
import {
  DEFAULT_DUE_MONTH,
  isPercentTarget,
  parseFigure,
  provinceOf,
  storedFromTyped,
  targetProblems,
  typedFromStored,
} from "@jindu/domain";
import type { TargetImportResult } from "../../schemas/index.js";
import { requireIndicator, requireRegion } from "../lookups.js";
import type { Grid } from "./grid.js";
import { cellErrors } from "./import.js";
import type { GridLimits } from "./sheet-limits.js";
import { CODE_ROW, REGION_COLUMN } from "./template.js";
import { newWorkbook } from "./workbook.js";

/** The columns of a targets sheet, by the codes in its row 2; the import reads the codes. */
export const TARGET_COLUMNS = [
  { code: REGION_COLUMN, zh: "地区代码", en: "Region code", width: 12 },
  { code: "name", zh: "地区名称", en: "Region", width: 14 },
  { code: "indicator", zh: "指标代码", en: "Indicator code", width: 24 },
  { code: "indicator_name", zh: "指标名称", en: "Indicator", width: 28 },
  { code: "year", zh: "年度", en: "Year", width: 8 },
  { code: "value", zh: "目标值", en: "Target", width: 14 },
  { code: "due_month", zh: "完成月份", en: "Due month", width: 10 },
  { code: "linear", zh: "按线性序时", en: "Linear pace", width: 12 },
] as const;

/** How a sheet says a target is (or is not) held to an even pace; blank leaves it as it is. */
const YES = new Set(["是", "1", "y", "yes", "true", "✓", "√"]);
const NO = new Set(["否", "0", "n", "no", "false"]);

type ColumnCode = (typeof TARGET_COLUMNS)[number]["code"];
const REQUIRED: ColumnCode[] = [REGION_COLUMN, "indicator", "year", "value"];
const PREVIEW_LIMIT = 2000;

/** A region and everything below it, from the whole catalogue. */
async function subtreeOf(db: Database, code: string) {
  const regions = await allRegions(db);
  const children = new Map<string, typeof regions>();
  for (const r of regions) {
    if (!r.parentCode) continue;
    children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r]);
  }
  const out = regions.filter((r) => r.code === code);
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]?.code ?? "") ?? []));
  return out;
}

/** Years one targets sheet may carry (a five-year plan) and rows besides its targets. */
const PLAN_YEARS = 5;
const SPARE_ROWS = 20;

/**
 * How far an uploaded targets sheet is read: a row per region of the parent's subtree, indicator
 * and year of a five-year plan, plus spare rows; the template's columns and a few more.
 */
export async function targetSheetLimits(db: Database, parent: string): Promise<GridLimits> {
  await requireRegion(db, parent, "parent");
  const [regions, indicators] = await Promise.all([
    subtreeOf(db, parent),
    allIndicators(db, { province: provinceOf(parent) }),
  ]);
  return {
    rows: regions.length * indicators.length * PLAN_YEARS + SPARE_ROWS,
    columns: TARGET_COLUMNS.length + 10,
  };
}

/**
 * The targets template for a region and its direct sub-regions: one row per region and indicator
 * (or the one indicator asked for), current targets filled in, so a sheet downloaded, edited and
 * uploaded again changes just what was edited. Shares are fractions (0.3), or "30%".
 */
export async function targetsTemplate(
  db: Database,
  q: { parent: string; year: number; indicator?: string | undefined },
): Promise<Buffer> {
  const parent = await requireRegion(db, q.parent, "parent");
  if (q.indicator) await requireIndicator(db, q.indicator, "indicator", q.parent);
  const regions = (await subtreeOf(db, q.parent)).filter(
    (r) => r.code === parent.code || r.parentCode === parent.code,
  );
  const indicators = (
    await allIndicators(db, { province: provinceOf(parent.code), year: q.year })
  ).filter((i) => !q.indicator || i.code === q.indicator);
  const current = await listTargets(db, { year: q.year, within: q.parent });
  const stored = new Map(current.map((t) => [`${t.regionCode}|${t.indicatorCode}`, t]));
  const workbook = await newWorkbook();
  workbook.creator = "Jindu 进度";
  const sheet = workbook.addWorksheet(`${q.year}年目标`, {
    views: [{ state: "frozen", xSplit: 2, ySplit: CODE_ROW }],
  });
  sheet.addRow(TARGET_COLUMNS.map((c) => `${c.zh} ${c.en}`));
  sheet.addRow(TARGET_COLUMNS.map((c) => c.code));
  for (const indicator of indicators) {
    for (const region of regions) {
      const target = stored.get(`${region.code}|${indicator.code}`);
      sheet.addRow([
        region.code,
        region.nameZh,
        indicator.code,
        `${indicator.nameZh}（${indicator.unitZh}）`,
        q.year,
        // A share or rate target as a percentage, as it is typed back (figures.ts).
        target ? typedFromStored(target.value, isPercentTarget(indicator)) : null,
        target?.dueMonth ?? null,
        target ? (target.linear ? "是" : "否") : null,
      ]);
    }
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(CODE_ROW).font = { color: { argb: "FF888888" }, size: 9 };
  TARGET_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  const notes = workbook.addWorksheet("说明 Notes");
  notes.addRows([
    [
      `${parent.nameZh} ${q.year}年目标任务导入模板 / Targets template for ${parent.nameEn}, ${q.year}`,
    ],
    [
      "每行一个地区、指标、年度的目标；单位为“%”的指标按百分数填写（30 或 30% 均表示 30%）；完成月份不填为12月。",
    ],
    [
      "One target per row; targets in % as percentages (30 or 30% both mean 30%); a blank due month is December.",
    ],
    [
      "按线性序时填“是”则该目标的序时进度按月均匀推进，不按季节分布；填“否”按季节分布；不填保持不变。",
    ],
    [
      "Linear pace “是” (yes): the target's schedule is even month by month, ignoring seasonal profiles; “否” (no): it follows them; blank: unchanged.",
    ],
    ["目标值为空的行不导入。Rows without a target are skipped."],
    ["请勿修改第2行的列代码。Do not change the codes in row 2."],
  ]);
  notes.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads a targets sheet: every row checked (region under the parent, known indicator, year, value
 * by the indicator's rules, due month) before anything is written; one error and nothing is.
 */
export async function importTargets(
  db: Database,
  grid: Grid,
  req: { parent: string; dryRun: boolean },
): Promise<TargetImportResult> {
  await requireRegion(db, req.parent, "parent");
  const [regions, indicators] = await Promise.all([
    subtreeOf(db, req.parent),
    allIndicators(db, { province: provinceOf(req.parent) }),
  ]);
  const allowed = new Set(regions.map((r) => r.code));
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const { errors, err } = cellErrors();
  const result = (extra: Partial<TargetImportResult>): TargetImportResult => ({
    ok: false,
    dryRun: req.dryRun,
    rows: 0,
    changed: 0,
    errors,
    preview: [],
    ...extra,
  });

  const codeRow = grid.findIndex(
    (row, i) =>
      i < 10 &&
      row.some(
        (c) =>
          String(c ?? "")
            .trim()
            .toLowerCase() === REGION_COLUMN,
      ),
  );
  if (codeRow < 0) {
    err(
      CODE_ROW - 1,
      0,
      REGION_COLUMN,
      "no row of column codes with 'region' (row 2 of the template)",
      "no_code_row",
    );
    return result({});
  }
  const at = new Map<string, number>();
  (grid[codeRow] ?? []).forEach((cell, index) => {
    const code = String(cell ?? "")
      .trim()
      .toLowerCase();
    if (code && !at.has(code)) at.set(code, index);
  });
  for (const code of REQUIRED) {
    if (!at.has(code)) {
      err(codeRow, at.size, code, `no column "${code}" in row ${codeRow + 1}`, "missing_column", {
        code,
      });
    }
  }
  if (errors.length > 0) return result({});
  const col = (code: ColumnCode) => at.get(code) ?? -1;
  const text = (row: Grid[number], code: ColumnCode) => String(row[col(code)] ?? "").trim();

  const dataRows = grid
    .map((row, index) => ({ row, index }))
    .filter(({ row, index }) => index > codeRow && REQUIRED.some((code) => text(row, code) !== ""));
  const writes: (TargetWrite & { value: number })[] = [];
  const seen = new Map<string, number>();
  for (const { row, index } of dataRows) {
    const region = text(row, REGION_COLUMN);
    const code = text(row, "indicator");
    const valueText = text(row, "value");
    // A template row left without a target is not a target.
    if (valueText === "") continue;
    let bad = false;
    const fail = (
      column: ColumnCode,
      reason: string,
      rule: string,
      params: Record<string, string | number> = {},
    ) => {
      err(index, col(column), column, reason, rule, params);
      bad = true;
    };
    if (!allowed.has(region))
      fail(
        REGION_COLUMN,
        `${region || "(blank)"} is not a region under ${req.parent}`,
        "region_outside",
        {
          code: region || "—",
          parent: req.parent,
        },
      );
    const indicator = byCode.get(code);
    if (!indicator) fail("indicator", `unknown indicator "${code}"`, "unknown_column", { code });
    const year = parseFigure(row[col("year")] ?? null);
    if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100) {
      fail("year", `"${text(row, "year")}" is not a year`, "not_a_year", {
        text: text(row, "year"),
      });
    }
    const percent = /[%％]$/.test(valueText);
    let value = parseFigure(
      percent ? valueText.replace(/[%％]$/, "") : (row[col("value")] ?? null),
    );
    if (value === null || Number.isNaN(value)) {
      fail("value", `"${valueText}" is not a number`, "not_a_number", { text: valueText });
    } else if (indicator) {
      // One convention: a share's or a rate's target is typed as a percentage, sign or not.
      if (isPercentTarget(indicator)) value = storedFromTyped(value, true);
      else if (percent) {
        fail("value", `${code} is not a share: give a number, not a percentage`, "not_a_share", {
          code,
        });
      }
      for (const problem of targetProblems(value, indicator)) {
        fail("value", problem.message, problem.rule, {
          value: valueText,
          unitZh: indicator.unitZh,
          unitEn: indicator.unitEn,
        });
      }
    }
    const dueText = col("due_month") >= 0 ? text(row, "due_month") : "";
    const due = dueText === "" ? null : parseFigure(dueText);
    if (due !== null && (!Number.isInteger(due) || due < 1 || due > 12)) {
      fail("due_month", `"${dueText}" is not a month (1–12)`, "not_a_month", { text: dueText });
    }
    const linearText = col("linear") >= 0 ? text(row, "linear").toLowerCase() : "";
    const linear = YES.has(linearText) ? true : NO.has(linearText) ? false : undefined;
    if (linearText !== "" && linear === undefined) {
      fail("linear", `"${linearText}" is not 是/否 (yes/no)`, "not_yes_no", { text: linearText });
    }
    if (bad || value === null || year === null) continue;
    const key = `${region}|${code}|${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(REGION_COLUMN, `${region} ${code} ${year} is also on row ${first}`, "duplicate_target", {
        code: region,
        indicator: code,
        year,
        first,
      });
      continue;
    }
    seen.set(key, index + 1);
    writes.push({
      indicatorCode: code,
      regionCode: region,
      year,
      value,
      dueMonth: due ?? DEFAULT_DUE_MONTH,
      linear,
    });
  }
  const rows = dataRows.length;
  if (writes.length === 0 && errors.length === 0) {
    err(codeRow + 1, col("value"), "value", "the file has no targets", "no_targets");
  }
  if (errors.length > 0) return result({ rows });

  const years = [...new Set(writes.map((w) => w.year))];
  const current = (
    await Promise.all(years.map((year) => listTargets(db, { year, within: req.parent })))
  ).flat();
  const stored = new Map(current.map((t) => [`${t.regionCode}|${t.indicatorCode}|${t.year}`, t]));
  const changes = writes.filter((w) => {
    const old = stored.get(`${w.regionCode}|${w.indicatorCode}|${w.year}`);
    return (
      !old ||
      old.value !== w.value ||
      old.dueMonth !== w.dueMonth ||
      (w.linear !== undefined && old.linear !== w.linear)
    );
  });
  const preview = changes.slice(0, PREVIEW_LIMIT).map((w) => {
    const old = stored.get(`${w.regionCode}|${w.indicatorCode}|${w.year}`);
    return {
      region: w.regionCode,
      indicator: w.indicatorCode,
      year: w.year,
      old: old ? { value: old.value, dueMonth: old.dueMonth, linear: old.linear } : null,
      new: { value: w.value, dueMonth: w.dueMonth, linear: w.linear ?? old?.linear ?? false },
    };
  });
  if (req.dryRun) return result({ ok: true, rows, changed: changes.length, preview });
  const changed = await saveTargets(db, changes);
  return result({ ok: true, rows, changed, preview });
}
