import {
  allIndicators,
  childRegions,
  type Database,
  figuresOfMonth,
  type ImportedFigure,
  type ImportStatus,
  importFigures,
  previousApprovedFigures,
  submissionStatuses,
} from "@jindu/db";
import { parseFigure, reportProblems } from "@jindu/domain";
import type { ImportResult } from "../../schemas/index.js";
import { requireRegion } from "../lookups.js";
import { columnLetter, type Grid } from "./grid.js";
import { REGION_COLUMN } from "./template.js";

export interface CellError {
  row: number;
  column: string;
  field: string;
  reason: string;
  /** A stable name of what is wrong, and the values its message names: for translations. */
  rule?: string;
  params?: Record<string, string | number>;
}

/**
 * The bad cells of a sheet being read, and how to note one: by its 0-based row and column
 * index (named as Excel names them), the field, the reason in English, and the rule and values
 * a translation needs.
 */
export function cellErrors() {
  const errors: CellError[] = [];
  const err = (
    row: number,
    col: number,
    field: string,
    reason: string,
    rule: string,
    params: Record<string, string | number> = {},
  ) => {
    errors.push({ row: row + 1, column: columnLetter(col), field, reason, rule, params });
  };
  return { errors, err };
}

interface ColumnSpec {
  index: number;
  indicator: string;
  part: "value" | "numerator" | "denominator";
}

export interface ImportRequest {
  parent: string;
  year: number;
  month: number;
  action: ImportStatus;
  dryRun: boolean;
  actor: string;
}

const PREVIEW_LIMIT = 2000;

/**
 * Checks a whole file before anything is written: the code row, every region and every cell,
 * with the domain's rules. All-or-nothing: one error and nothing is imported.
 */
export async function importGrid(
  db: Database,
  grid: Grid,
  req: ImportRequest,
  now = new Date(),
): Promise<ImportResult> {
  const parent = await requireRegion(db, req.parent, "parent");
  const [indicators, children] = await Promise.all([
    allIndicators(db),
    childRegions(db, req.parent),
  ]);
  const allowedRegions = new Map(
    (children.length > 0 ? children : [parent]).map((r) => [r.code, r]),
  );
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const { errors, err } = cellErrors();

  const codeRow = grid.findIndex(
    (row, i) =>
      i < 10 &&
      String(row[0] ?? "")
        .trim()
        .toLowerCase() === REGION_COLUMN,
  );
  const result = (extra: Partial<ImportResult>): ImportResult => ({
    ok: false,
    dryRun: req.dryRun,
    year: req.year,
    month: req.month,
    rows: 0,
    changed: 0,
    regions: 0,
    errors,
    preview: [],
    ...extra,
  });
  if (codeRow < 0) {
    err(
      1,
      0,
      REGION_COLUMN,
      "no row of indicator codes starting with 'region' (row 2 of the template)",
      "no_code_row",
    );
    return result({});
  }
  const columns: ColumnSpec[] = [];
  (grid[codeRow] ?? []).forEach((cell, index) => {
    const text = String(cell ?? "").trim();
    if (index < 2 || text === "") return;
    const [indicator = "", part] = text.split(".");
    const known = byCode.get(indicator);
    const expected: (string | undefined)[] =
      known?.kind === "ratio" ? ["numerator", "denominator"] : [undefined];
    if (!known || !expected.includes(part)) {
      err(codeRow, index, text, `unknown column code "${text}"`, "unknown_column", { code: text });
      return;
    }
    columns.push({ index, indicator, part: (part as ColumnSpec["part"]) ?? "value" });
  });

  const dataRows = grid
    .map((row, index) => ({ row, index }))
    .filter(({ row, index }) => index > codeRow && row.some((c) => String(c ?? "").trim() !== ""));
  const regionCodes = dataRows.map(({ row }) => String(row[0] ?? "").trim());
  const known = regionCodes.filter((c) => allowedRegions.has(c));
  const [previous, statuses, current] = await Promise.all([
    previousApprovedFigures(db, { regionCodes: known, year: req.year, month: req.month }),
    submissionStatuses(db, { regionCodes: known, year: req.year, month: req.month }),
    figuresOfMonth(db, { regionCodes: known, year: req.year, month: req.month }),
  ]);
  const key = (region: string, indicator: string) => `${region}|${indicator}`;
  const previousOf = new Map(previous.map((p) => [key(p.regionCode, p.indicatorCode), p]));
  const currentOf = new Map(current.map((c) => [key(c.regionCode, c.indicatorCode), c]));
  const locked = new Set(statuses.filter((s) => s.status === "approved").map((s) => s.regionCode));

  const figures: ImportedFigure[] = [];
  const seen = new Set<string>();
  for (const { row, index } of dataRows) {
    const code = String(row[0] ?? "").trim();
    if (!allowedRegions.has(code)) {
      err(
        index,
        0,
        REGION_COLUMN,
        `${code || "(blank)"} is not a region under ${parent.code} ${parent.nameZh}`,
        "region_outside",
        { code: code || "—", parent: parent.nameZh },
      );
      continue;
    }
    if (seen.has(code)) {
      err(index, 0, REGION_COLUMN, `${code} appears more than once`, "duplicate_region", { code });
      continue;
    }
    seen.add(code);
    const parts = new Map<
      string,
      Partial<Record<ColumnSpec["part"], { value: number; col: number }>>
    >();
    for (const column of columns) {
      const parsed = parseFigure(row[column.index] ?? null);
      if (parsed === null) continue;
      if (Number.isNaN(parsed)) {
        err(
          index,
          column.index,
          `${column.indicator}.${column.part}`,
          `"${row[column.index]}" is not a number`,
          "not_a_number",
          { text: String(row[column.index]) },
        );
        continue;
      }
      parts.set(column.indicator, {
        ...parts.get(column.indicator),
        [column.part]: { value: parsed, col: column.index },
      });
    }
    for (const [indicatorCode, p] of parts) {
      const indicator = byCode.get(indicatorCode);
      if (!indicator) continue;
      const firstCol = (p.value ?? p.numerator ?? p.denominator)?.col ?? 0;
      if (indicator.kind === "ratio" && (!p.numerator || !p.denominator)) {
        err(
          index,
          firstCol,
          indicatorCode,
          `${indicatorCode} needs both numerator and denominator`,
          "ratio_parts",
        );
        continue;
      }
      const figure = {
        value: p.value?.value ?? null,
        numerator: p.numerator?.value ?? null,
        denominator: p.denominator?.value ?? null,
      };
      const problems = reportProblems(figure, {
        indicator,
        year: req.year,
        month: req.month,
        today: now,
        previous: previousOf.get(key(code, indicatorCode)) ?? null,
      });
      for (const problem of problems) {
        const col =
          (problem.field === "value" ||
          problem.field === "numerator" ||
          problem.field === "denominator"
            ? p[problem.field]?.col
            : undefined) ?? firstCol;
        const previous = previousOf.get(key(code, indicatorCode));
        err(index, col, `${indicatorCode}.${problem.field}`, problem.message, problem.rule, {
          value: String(p[problem.field as ColumnSpec["part"]]?.value ?? ""),
          ...(previous?.value != null ? { previous: previous.value } : {}),
          unitZh: indicator.unitZh,
          unitEn: indicator.unitEn,
        });
      }
      if (problems.length > 0) continue;
      const stored = currentOf.get(key(code, indicatorCode));
      const same =
        stored?.value === figure.value &&
        stored?.numerator === figure.numerator &&
        stored?.denominator === figure.denominator;
      // An approved month is locked, but the same figures again are no change at all.
      if (locked.has(code) && same) continue;
      if (locked.has(code)) {
        err(
          index,
          firstCol,
          indicatorCode,
          `${code} ${req.year}-${req.month} is approved and locked; ask the province to reopen it`,
          "month_locked",
          { code },
        );
        continue;
      }
      figures.push({ regionCode: code, indicatorCode, ...figure });
    }
  }
  if (dataRows.length === 0) {
    err(codeRow + 1, 0, REGION_COLUMN, "the file has no rows of figures", "no_rows");
  }
  const rows = dataRows.length;
  if (errors.length > 0) return result({ rows });

  const preview = figures
    .filter((f) => {
      const old = currentOf.get(key(f.regionCode, f.indicatorCode));
      return (
        !old ||
        old.value !== f.value ||
        old.numerator !== f.numerator ||
        old.denominator !== f.denominator
      );
    })
    .map((f) => {
      const old = currentOf.get(key(f.regionCode, f.indicatorCode));
      return {
        region: f.regionCode,
        indicator: f.indicatorCode,
        old: old
          ? { value: old.value, numerator: old.numerator, denominator: old.denominator }
          : null,
        new: { value: f.value, numerator: f.numerator, denominator: f.denominator },
      };
    });
  if (req.dryRun) {
    return result({
      ok: true,
      rows,
      changed: preview.length,
      regions: new Set(preview.map((p) => p.region)).size,
      preview: preview.slice(0, PREVIEW_LIMIT),
    });
  }
  const outcome = await importFigures(db, {
    year: req.year,
    month: req.month,
    figures,
    status: req.action,
    actor: req.actor,
  });
  if ("locked" in outcome) {
    for (const region of outcome.locked)
      err(
        0,
        0,
        REGION_COLUMN,
        `${region} was approved while importing; nothing was imported`,
        "approved_meanwhile",
        { code: region },
      );
    return result({ rows });
  }
  return result({
    ok: true,
    rows,
    changed: outcome.changed,
    regions: outcome.regions,
    preview: preview.slice(0, PREVIEW_LIMIT),
  });
}
