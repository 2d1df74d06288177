import { isPercentTarget, typedFromStored } from "@jindu/domain";
import type { LaggingResponse } from "../../schemas/index.js";
import { rankChangeText } from "./bulletin.js";
import { newWorkbook } from "./workbook.js";

export type LaggingLanguage = "zh" | "en";

const TEXTS = {
  zh: {
    sheet: "滞后清单",
    title: (region: string, year: number, month: number) =>
      `${region} ${year}年${month}月 滞后清单`,
    header: [
      "序号",
      "地区代码",
      "地区",
      "指标代码",
      "指标",
      "单位",
      "完成",
      "目标",
      "完成率（%）",
      "序时进度（%）",
      "进度差（个百分点）",
      "状态",
      "预计年末完成率（%）",
      "连续滞后月数",
      "完成率排名",
      "名次变化（较上月）",
      "完成率较上月（个百分点）",
      "数据质量",
    ],
    status: { completed: "已完成", green: "正常", yellow: "轻度滞后", red: "严重滞后" },
    unchanged: "持平",
  },
  en: {
    sheet: "Lagging list",
    title: (region: string, year: number, month: number) =>
      `${region}, lagging list, ${year}-${String(month).padStart(2, "0")}`,
    header: [
      "#",
      "Region code",
      "Region",
      "Indicator code",
      "Indicator",
      "Unit",
      "Actual",
      "Target",
      "Completion (%)",
      "Schedule (%)",
      "Lag (pp)",
      "Status",
      "Projected year-end completion (%)",
      "Months behind",
      "Completion rank",
      "Rank change (on last month)",
      "Completion change (pp)",
      "Data quality",
    ],
    status: {
      completed: "Completed",
      green: "On track",
      yellow: "Slightly behind",
      red: "Far behind",
    },
    unchanged: "unchanged",
  },
};

/**
 * The lagging list as shown (filters applied) as a workbook: one row per line, worst first. The
 * numbers follow the one convention (packages/domain figures.ts), as the month export does: a
 * percentage is written as a percentage, 92.5 for 92.5%, under a header that says (%); a figure
 * in its indicator's unit (a share's figure and target are percentages, its unit says %); the
 * lag in percentage points.
 */
export async function laggingWorkbook(
  lagging: LaggingResponse,
  language: LaggingLanguage = "zh",
): Promise<Buffer> {
  const t = TEXTS[language];
  const name = (x: { nameZh: string; nameEn: string }) => (language === "en" ? x.nameEn : x.nameZh);
  const percent = (v: number | null) => (v === null ? null : typedFromStored(v, true));
  const workbook = await newWorkbook();
  workbook.creator = "Jindu";
  workbook.title = t.title(name(lagging.parent), lagging.year, lagging.month);
  const sheet = workbook.addWorksheet(t.sheet);
  const head = sheet.addRow(t.header);
  head.font = { bold: true };
  head.alignment = { vertical: "middle", wrapText: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFF3F8" } };
  lagging.items.forEach((item, i) => {
    const { indicator, line } = item;
    const inPercent = isPercentTarget(indicator);
    const figure = (v: number | null) => (inPercent ? percent(v) : v);
    const row = sheet.addRow([
      i + 1,
      line.region.code,
      name(line.region),
      indicator.code,
      name(indicator),
      language === "en" ? indicator.unitEn : indicator.unitZh,
      figure(line.actual),
      figure(line.target),
      percent(line.completion),
      percent(line.schedule),
      line.lag,
      line.status ? t.status[line.status] : null,
      percent(line.projection),
      item.monthsBehind,
      item.standing?.completionRank ?? null,
      rankChangeText(item.standing?.completionRankChange ?? null, t.unchanged),
      item.standing?.completionChangePp ?? null,
      item.quality?.score ?? null,
    ]);
    const quantity = inPercent ? "0.0##" : "#,##0.##";
    row.getCell(7).numFmt = quantity;
    row.getCell(8).numFmt = quantity;
    for (const c of [9, 10, 11, 13, 17]) row.getCell(c).numFmt = "0.0";
  });
  [6, 10, 12, 24, 28, 8, 12, 12, 10, 10, 12, 10, 12, 10, 10, 12, 14, 10].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.views = [{ state: "frozen", xSplit: 3, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
