import { allIndicators, childRegions, type Database, submissionsOfChildren } from "@jindu/db";
import { isPercentTarget, provinceOf, typedFromStored } from "@jindu/domain";
import { requireRegion } from "../lookups.js";
import { monthlyTables, refOf } from "../progress.js";
import { newWorkbook } from "./workbook.js";

const STATUS_ZH: Record<string, string> = {
  draft: "草稿",
  submitted: "已报送",
  approved: "已审核",
  returned: "已退回",
};

/**
 * A month's submissions of a region's children as a workbook: the status of each month, then
 * each indicator's year-to-date figure (shares with their parts) and completion rate. Numbers
 * follow the one convention (packages/domain figures.ts): a column whose title says （%） holds
 * percentages, 92.5 for 92.5%, as the import template takes them.
 */
export async function monthExport(
  db: Database,
  q: {
    parent: string;
    year: number;
    month: number;
    include?: "submitted" | undefined;
    viewerScope: string | null;
  },
): Promise<Buffer> {
  const parent = refOf(await requireRegion(db, q.parent, "parent"));
  const [indicators, children, submissions] = await Promise.all([
    allIndicators(db, { province: provinceOf(parent.code), year: q.year }),
    childRegions(db, q.parent),
    submissionsOfChildren(db, { parentCode: q.parent, year: q.year, month: q.month }),
  ]);
  const tables = await monthlyTables(db, parent, indicators, { ...q, toMonth: q.month });
  const statusOf = new Map(submissions.map((s) => [s.code, s.status]));
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(`${q.year}年${q.month}月`);
  const header = ["地区代码", "地区", "状态 Status"];
  for (const i of indicators) {
    header.push(
      i.kind === "ratio" ? `${i.nameZh}（%）` : `${i.nameZh}（${i.unitZh}）`,
      `${i.nameZh} 完成率（%）`,
    );
  }
  sheet.addRow(header).font = { bold: true };
  children.forEach((child, row) => {
    const cells: (string | number | null)[] = [
      child.code,
      child.nameZh,
      STATUS_ZH[statusOf.get(child.code) ?? ""] ?? "未报",
    ];
    for (const indicator of indicators) {
      const line = tables.get(indicator.code)?.at(-1)?.children[row];
      const percent = (v: number | null | undefined) =>
        v == null ? null : typedFromStored(v, true);
      cells.push(
        isPercentTarget(indicator) ? percent(line?.actual) : (line?.actual ?? null),
        percent(line?.completion),
      );
    }
    sheet.addRow(cells);
  });
  indicators.forEach((indicator, i) => {
    const valueColumn = sheet.getColumn(4 + 2 * i);
    valueColumn.numFmt = isPercentTarget(indicator) ? "0.0##" : "#,##0.##";
    valueColumn.width = 14;
    const rateColumn = sheet.getColumn(5 + 2 * i);
    rateColumn.numFmt = "0.0";
    rateColumn.width = 10;
  });
  sheet.views = [{ state: "frozen", xSplit: 3, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
