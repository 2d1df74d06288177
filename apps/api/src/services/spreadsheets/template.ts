import {
  allIndicators,
  type CatalogueScope,
  childRegions,
  type Database,
  listTargets,
} from "@jindu/db";
import { canWarn, provinceOf } from "@jindu/domain";
import { requireRegion } from "../lookups.js";
import type { GridLimits } from "./sheet-limits.js";
import { newWorkbook } from "./workbook.js";

/** Row 2 of the template names each column by code; the import reads that row, not the titles. */
export const CODE_ROW = 2;
export const REGION_COLUMN = "region";

export interface TemplateColumn {
  code: string;
  titleZh: string;
  titleEn: string;
}

/** The unit of a share's parts: floor areas. */
const PART_UNIT = { zh: "万平方米", en: "10k m²" };

/**
 * The figure columns for a year: every indicator in scope, ratios as their two parts, each title naming
 * its unit (a rate's "（%）" means 92.5 is 92.5%); then an explanation column for every indicator
 * whose figures can be warned about, which a warned figure needs before its month is submitted.
 */
export async function templateColumns(
  db: Database,
  scope: CatalogueScope,
): Promise<TemplateColumn[]> {
  const indicators = await allIndicators(db, scope);
  const figures = indicators.flatMap((i) =>
    i.kind === "ratio"
      ? [
          {
            code: `${i.code}.numerator`,
            titleZh: `${i.nameZh}·分子（${PART_UNIT.zh}）`,
            titleEn: `${i.nameEn} — numerator (${PART_UNIT.en})`,
          },
          {
            code: `${i.code}.denominator`,
            titleZh: `${i.nameZh}·分母（${PART_UNIT.zh}）`,
            titleEn: `${i.nameEn} — denominator (${PART_UNIT.en})`,
          },
        ]
      : [
          {
            code: i.code,
            titleZh: `${i.nameZh}（${i.unitZh}）`,
            titleEn: `${i.nameEn} (${i.unitEn})`,
          },
        ],
  );
  const explanations = indicators
    .filter((i) => canWarn(i.kind))
    .map((i) => ({
      code: `${i.code}.explanation`,
      titleZh: `${i.nameZh}·情况说明（预警时必填）`,
      titleEn: `${i.nameEn} — explanation (needed when warned)`,
    }));
  return [...figures, ...explanations];
}

/** Rows a filled sheet may have besides its regions: titles, the code row, blanks, a notes line. */
const SPARE_ROWS = 20;

/**
 * How far an uploaded monthly sheet for a parent is read: its regions plus a few header and
 * spare rows, and the template's columns with room for an explanation beside each figure and a
 * few notes. A value beyond is refused: no real sheet for this parent has one.
 */
export async function monthlySheetLimits(db: Database, parent: string): Promise<GridLimits> {
  await requireRegion(db, parent, "parent");
  const [children, columns] = await Promise.all([
    childRegions(db, parent),
    templateColumns(db, { province: provinceOf(parent) }),
  ]);
  return {
    rows: Math.max(children.length, 1) + SPARE_ROWS,
    columns: 2 + 2 * columns.length + 10,
  };
}

/**
 * The monthly template for a region's children (or the region itself when it has none): Chinese
 * titles, a row of codes the import reads, one row per region, year-to-date figures (1–N月累计).
 */
export async function monthlyTemplate(
  db: Database,
  q: { parent: string; year: number; month: number },
): Promise<Buffer> {
  const parent = await requireRegion(db, q.parent, "parent");
  const children = await childRegions(db, q.parent);
  const regions = children.length > 0 ? children : [parent];
  const columns = await templateColumns(db, { province: provinceOf(parent.code), year: q.year });
  const targets = await listTargets(db, { year: q.year });
  const workbook = await newWorkbook();
  workbook.creator = "Jindu 进度";
  const sheet = workbook.addWorksheet(`${q.year}年${q.month}月`, {
    views: [{ state: "frozen", xSplit: 2, ySplit: CODE_ROW }],
  });
  sheet.addRow(["地区代码 Region code", "地区名称 Region", ...columns.map((c) => c.titleZh)]);
  sheet.addRow([REGION_COLUMN, "name", ...columns.map((c) => c.code)]);
  for (const region of regions) sheet.addRow([region.code, region.nameZh]);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(1).height = 48;
  sheet.getRow(CODE_ROW).font = { color: { argb: "FF888888" }, size: 9 };
  sheet.getColumn(1).width = 12;
  sheet.getColumn(2).width = 12;
  columns.forEach((column, i) => {
    sheet.getColumn(i + 3).width = column.code.endsWith(".explanation") ? 28 : 16;
  });
  const notes = workbook.addWorksheet("说明 Notes");
  notes.addRows([
    [`${parent.nameZh} ${q.year}年1–${q.month}月累计 月报模板`],
    [
      `Monthly report template for ${parent.nameEn}, year-to-date January–month ${q.month} ${q.year}`,
    ],
    ["填写年初至本月末累计数；比例类指标填写分子、分母（万平方米）；不填表示未报。"],
    ["Enter year-to-date figures; for shares enter both parts (10k m²); leave blank to skip."],
    ["单位为“%”的指标按百分数填写：92.5 表示 92.5%。"],
    ["Columns in % take percentages: 92.5 means 92.5%."],
    [
      "数据触发预警（如本月增量超过常值3倍）时，须在该指标的“情况说明”列填写原因，否则只能保存为草稿。",
    ],
    [
      "A figure that is warned about (e.g. an increment over 3× the usual) needs its explanation column filled before the month can be submitted; otherwise it is saved as a draft.",
    ],
    [
      "导入默认保存为草稿；提交审核须在导入预览中选择。Imports save drafts unless you choose to submit in the preview.",
    ],
    ["请勿修改第2行的指标代码。Do not change the codes in row 2."],
    [`本年度已下达目标 ${targets.length} 项 / ${targets.length} targets set for ${q.year}.`],
  ]);
  notes.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
