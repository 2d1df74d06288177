import {
  allIndicators,
  childRegions,
  type Database,
  type FigureToImport,
  figuresOfMonth,
  fourEyesOf,
  type ImportStatus,
  importFigures,
  readTogether,
  regionAncestry,
  submissionStatuses,
  submittersAndEditors,
  withoutJit,
} from "@jindu/db";
import {
  allowedFrom,
  checkMonth,
  isPercentFigure,
  type MonthEvent,
  type MonthProblem,
  parseFigure,
  provinceOf,
  storedFromTyped,
  typedFromStored,
} from "@jindu/domain";
import type { ImportResult } from "../../schemas/index.js";
import { requireRegion } from "../lookups.js";
import { type Figures, monthContexts, monthLines } from "../month-context.js";
import { notifyMonthMoves } from "../submissions.js";
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

type Part = "value" | "numerator" | "denominator" | "explanation";

interface ColumnSpec {
  index: number;
  indicator: string;
  part: Part;
}

export interface ImportRequest {
  parent: string;
  year: number;
  month: number;
  /** What the months become; "draft" unless the person chose otherwise in the preview. */
  action: ImportStatus;
  dryRun: boolean;
  actor: string;
}

const PREVIEW_LIMIT = 2000;

/** The form's action a month moved to this status by a file stands for. */
const ACTION_OF: Partial<Record<ImportStatus, "submit" | "approve">> = {
  submitted: "submit",
  approved: "approve",
};

/** A figure read from a row: stored-terms numbers, the explanation, and where each came from. */
interface RowFigure extends Figures {
  /** undefined: the file has no explanation column for the indicator (the stored one stays). */
  explanation: string | null | undefined;
  cols: Partial<Record<Part, number>>;
}

const sameFigures = (a: Figures, b: Figures) =>
  a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;

/** A percentage typed with its sign ("92.5%") is the same percentage as 92.5. */
const withoutPercentSign = (cell: string | number | null, percent: boolean) =>
  percent && typeof cell === "string" ? cell.replace(/[%％]\s*$/, "") : cell;

/**
 * Checks a whole file before anything is written, with the same month checks as the form
 * (packages/domain checkMonth): the code row, every region and every cell. All-or-nothing: one
 * error and nothing is imported. Submitting (or approving) is a choice; a region whose month
 * the checks would not let be submitted (a warning without explanation, figures missing) is
 * saved as a draft, and `held` says why (listed whatever the choice, for the preview).
 */
export async function importGrid(
  db: Database,
  grid: Grid,
  req: ImportRequest,
  now = new Date(),
): Promise<ImportResult> {
  await withoutJit(db);
  const parent = await requireRegion(db, req.parent, "parent");
  const [indicatorRows, children] = await Promise.all([
    allIndicators(db, { province: provinceOf(parent.code), year: req.year }),
    childRegions(db, req.parent),
  ]);
  const indicators = new Map(indicatorRows.map((i) => [i.code, i]));
  const allowedRegions = new Map(
    (children.length > 0 ? children : [parent]).map((r) => [r.code, r]),
  );
  const { errors, err } = cellErrors();
  const held = cellErrors();
  const warned = cellErrors();

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
    action: req.action,
    rows: 0,
    changed: 0,
    regions: 0,
    errors,
    warnings: warned.errors,
    held: held.errors,
    months: [],
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

  const dataRows = grid
    .map((row, index) => ({ row, index }))
    .filter(({ row, index }) => index > codeRow && row.some((c) => String(c ?? "").trim() !== ""));
  const regionCodes = dataRows.map(({ row }) => String(row[0] ?? "").trim());
  const known = [...new Set(regionCodes.filter((c) => allowedRegions.has(c)))];
  const monthOf = { regionCodes: known, year: req.year, month: req.month };
  const approving = req.action === "approved";
  const [contexts, statuses, current, fourEyes, people] = await readTogether(
    db,
    () => monthContexts(db, { ...req, regionCodes: known, settingsRegion: req.parent }),
    () => submissionStatuses(db, monthOf),
    () => figuresOfMonth(db, monthOf),
    // Four eyes (the province's setting, as for the approvals route): an approval by file is
    // refused for a month the importer submitted or edited, this file's changes included.
    () =>
      approving
        ? regionAncestry(db, req.parent).then((chain) => fourEyesOf(db, chain.at(-1) ?? req.parent))
        : Promise.resolve(false),
    () => (approving ? submittersAndEditors(db, monthOf) : Promise.resolve([])),
  );
  const peopleOf = new Map(people.map((p) => [p.regionCode, p]));

  const columns: ColumnSpec[] = [];
  (grid[codeRow] ?? []).forEach((cell, index) => {
    const text = String(cell ?? "").trim();
    if (index < 2 || text === "") return;
    const [indicator = "", part] = text.split(".");
    const found = indicators.get(indicator);
    const expected: (string | undefined)[] =
      found?.kind === "ratio"
        ? ["numerator", "denominator", "explanation"]
        : [undefined, "explanation"];
    if (!found || !expected.includes(part)) {
      err(codeRow, index, text, `unknown column code "${text}"`, "unknown_column", { code: text });
      return;
    }
    columns.push({ index, indicator, part: (part as Part | undefined) ?? "value" });
  });

  // What is stored, by region and then indicator (a file's 100,000 figures look up their own).
  type Stored = (typeof current)[number];
  const currentOf = new Map<string, Map<string, Stored>>();
  for (const c of current) {
    const ofRegion = currentOf.get(c.regionCode);
    if (ofRegion) ofRegion.set(c.indicatorCode, c);
    else currentOf.set(c.regionCode, new Map([[c.indicatorCode, c]]));
  }
  const nothingStored = new Map<string, Stored>();
  const statusOf = new Map(statuses.map((s) => [s.regionCode, s.status]));
  // A month the form could not change, the import cannot either (the province may approve).
  const editable: readonly string[] =
    req.action === "approved" ? [...allowedFrom("save"), "submitted"] : allowedFrom("save");

  const figures: FigureToImport[] = [];
  const months: ImportResult["months"] = [];
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
    const ctx = contexts.get(code);
    if (!ctx) continue;

    // The row's figures, in stored terms (a percentage typed 92.5 is 0.925: figures.ts).
    const inFile = new Map<string, RowFigure>();
    const explanations = new Map<string, { text: string | null; col: number }>();
    // An indicator with a cell that is no number is left out of the checks (its error is that),
    // so the row's other cells are still checked and every bad cell of the file is listed.
    const unreadable = new Set<string>();
    for (const column of columns) {
      const indicator = ctx.indicators.get(column.indicator);
      const cell = row[column.index] ?? null;
      if (ctx.unassigned.has(column.indicator) && String(cell ?? "").trim() !== "") {
        err(
          index,
          column.index,
          `${column.indicator}.${column.part}`,
          `${code} carries no ${column.indicator} task in ${req.year}: leave the cell empty`,
          "not_assigned",
          { code, indicator: column.indicator },
        );
        continue;
      }
      if (!indicator) continue;
      if (column.part === "explanation") {
        explanations.set(column.indicator, {
          text: String(cell ?? "").trim() || null,
          col: column.index,
        });
        continue;
      }
      const percent = column.part === "value" && isPercentFigure(indicator);
      const parsed = parseFigure(withoutPercentSign(cell, percent));
      if (parsed === null) continue;
      if (Number.isNaN(parsed)) {
        unreadable.add(column.indicator);
        err(
          index,
          column.index,
          `${column.indicator}.${column.part}`,
          `"${cell}" is not a number`,
          "not_a_number",
          { text: String(cell) },
        );
        continue;
      }
      // A literal, not a spread of one: a spread costs ten times as much, 100,000 times over.
      let figure = inFile.get(column.indicator);
      if (!figure) {
        figure = {
          value: null,
          numerator: null,
          denominator: null,
          explanation: undefined,
          cols: {},
        };
        inFile.set(column.indicator, figure);
      }
      figure[column.part] = storedFromTyped(parsed, percent);
      figure.cols[column.part] = column.index;
    }
    for (const indicator of unreadable) inFile.delete(indicator);
    if (inFile.size === 0) continue;
    for (const [indicator, figure] of inFile) {
      const explained = explanations.get(indicator);
      if (explained) {
        figure.explanation = explained.text;
        figure.cols.explanation = explained.col;
      }
    }

    // The month as it would be: what is stored, with the file's figures over it.
    const storedOfRow = currentOf.get(code) ?? nothingStored;
    const month = new Map<string, Figures & { explanation: string | null }>();
    for (const [indicator, stored] of storedOfRow) {
      if (ctx.indicators.has(indicator)) month.set(indicator, stored);
    }
    for (const [indicator, figure] of inFile) {
      const stored = storedOfRow.get(indicator);
      month.set(indicator, {
        value: figure.value,
        numerator: figure.numerator,
        denominator: figure.denominator,
        explanation:
          figure.explanation === undefined ? (stored?.explanation ?? null) : figure.explanation,
      });
    }
    const check = checkMonth(monthLines(ctx, month), {
      year: req.year,
      month: req.month,
      today: now,
      allowPartial: ctx.allowPartial,
    });
    const colOf = (p: MonthProblem) => {
      const figure = p.indicator ? inFile.get(p.indicator) : undefined;
      if (!figure) return 0;
      const part = p.field as Part;
      return (
        figure.cols[part] ??
        figure.cols.value ??
        figure.cols.numerator ??
        figure.cols.denominator ??
        0
      );
    };
    let rowErrors = 0;
    for (const problem of check.errors) {
      const figure = problem.indicator ? inFile.get(problem.indicator) : undefined;
      // A stored figure the file does not touch is the form's business, not this file's.
      if (!figure || !problem.indicator) continue;
      rowErrors++;
      const indicator = ctx.indicators.get(problem.indicator);
      const previous = ctx.previous.get(problem.indicator);
      const part = problem.field as Part;
      err(
        index,
        colOf(problem),
        `${problem.indicator}.${problem.field}`,
        problem.message,
        problem.rule,
        {
          // The value as the person typed it: 925, not 9.25, for a rate.
          value: String(
            typedFromStored(
              figure[part as "value"] ?? Number.NaN,
              part === "value" && indicator !== undefined && isPercentFigure(indicator),
            ),
          ).replace("NaN", ""),
          ...(previous?.value != null ? { previous: previous.value } : {}),
          unitZh: indicator?.unitZh ?? "",
          unitEn: indicator?.unitEn ?? "",
        },
      );
    }
    if (rowErrors > 0) continue;
    check.lines.forEach((line) => {
      if (!inFile.has(line.indicator)) return;
      for (const w of line.warnings) {
        warned.err(
          index,
          colOf({ ...w, indicator: line.indicator }),
          `${line.indicator}.${w.field}`,
          w.message,
          w.rule,
        );
      }
    });

    // Figures the file changes; the same figures again are no change.
    const changes = [...inFile].filter(([indicator, figure]) => {
      const stored = storedOfRow.get(indicator);
      const explanation = month.get(indicator)?.explanation ?? null;
      return (
        !stored || !sameFigures(stored, figure) || (stored.explanation ?? null) !== explanation
      );
    });
    const status = statusOf.get(code) ?? null;
    if (status !== null && !editable.includes(status)) {
      if (changes.length === 0) continue;
      for (const [indicator, figure] of changes) {
        err(
          index,
          figure.cols.value ?? figure.cols.numerator ?? figure.cols.denominator ?? 0,
          indicator,
          status === "approved"
            ? `${code} ${req.year}-${req.month} is approved and locked; ask the province to reopen it`
            : `${code} ${req.year}-${req.month} is submitted and waiting for review; ask the province to return it`,
          status === "approved" ? "month_locked" : "month_submitted",
          { code },
        );
      }
      continue;
    }

    // Submitting is a choice, and only a month that passes the form's checks is submitted.
    // What would keep it back is listed whatever the choice, so the preview can say so.
    const blocking = check.submitProblems.filter((p) => p.rule !== "nothing_entered");
    for (const p of blocking) {
      const col =
        p.rule === "explanation_required"
          ? (inFile.get(p.indicator ?? "")?.cols.explanation ?? colOf(p))
          : 0;
      held.err(
        index,
        col,
        p.indicator ? `${p.indicator}.${p.field}` : p.field,
        p.message,
        p.rule,
        p.rule === "partial_month"
          ? { entered: check.entered, expected: check.expected, missing: check.missing.join(", ") }
          : { code: p.indicator ?? "" },
      );
    }
    const ends: ImportStatus = blocking.length > 0 ? "draft" : req.action;
    if (fourEyes && ends === "approved") {
      const who = peopleOf.get(code);
      if (changes.length > 0 || who?.submittedBy === req.actor || who?.lastEditor === req.actor) {
        err(
          index,
          0,
          REGION_COLUMN,
          `four eyes: you ${changes.length > 0 ? "change figures of" : "submitted or last edited"} ${code}'s month, so another official must approve it; import it as submitted instead`,
          "four_eyes",
          { code },
        );
        continue;
      }
    }

    months.push({ region: code, row: index + 1, status: ends, missing: check.missing });
    for (const [indicator, figure] of inFile) {
      figures.push({
        regionCode: code,
        indicatorCode: indicator,
        value: figure.value,
        numerator: figure.numerator,
        denominator: figure.denominator,
        explanation: month.get(indicator)?.explanation ?? null,
        status: ends,
      });
    }
  }
  if (dataRows.length === 0) {
    err(codeRow + 1, 0, REGION_COLUMN, "the file has no rows of figures", "no_rows");
  }
  const rows = dataRows.length;
  if (errors.length > 0) return result({ rows, warnings: [], held: [] });

  // What changes: counted whole, listed up to the preview's limit.
  const preview: ImportResult["preview"] = [];
  const touched = new Set<string>();
  let changed = 0;
  for (const f of figures) {
    const old = currentOf.get(f.regionCode)?.get(f.indicatorCode);
    if (old && sameFigures(old, f) && (old.explanation ?? null) === f.explanation) continue;
    changed++;
    touched.add(f.regionCode);
    if (preview.length < PREVIEW_LIMIT)
      preview.push({
        region: f.regionCode,
        indicator: f.indicatorCode,
        old: old
          ? { value: old.value, numerator: old.numerator, denominator: old.denominator }
          : null,
        new: { value: f.value, numerator: f.numerator, denominator: f.denominator },
        explanation: f.explanation,
      });
  }
  const moving = months.filter((m) => (statusOf.get(m.region) ?? null) !== m.status);
  for (const m of moving) touched.add(m.region);
  if (req.dryRun) {
    return result({
      ok: true,
      rows,
      changed,
      regions: touched.size,
      months,
      preview,
    });
  }
  const outcome = await importFigures(db, {
    year: req.year,
    month: req.month,
    figures,
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
    return result({ rows, warnings: [], held: [] });
  }
  // A month the file submitted or approved is news to the same people as by the form: one read
  // and one write for all of them (one each per month cost most of a large file's import).
  const events: MonthEvent[] = [];
  for (const move of outcome.moved) {
    const region = allowedRegions.get(move.regionCode);
    const action = ACTION_OF[move.to];
    if (!region || !action) continue;
    events.push({
      action,
      region,
      provinceCode: provinceOf(region.code),
      year: req.year,
      month: req.month,
      version: move.version,
    });
  }
  await notifyMonthMoves(db, events);
  return result({
    ok: true,
    rows,
    changed: outcome.changed,
    regions: outcome.regions,
    months,
    preview,
  });
}
