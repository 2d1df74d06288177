import type { Row, Worksheet } from "exceljs";
import type { BulletinResponse } from "../../schemas/index.js";
import { newWorkbook } from "./workbook.js";

export type BulletinLanguage = "zh" | "en";

const TEXTS = {
  zh: {
    sheets: {
      summary: "概况",
      indicators: "指标",
      ranking: "排名",
      lagging: "滞后",
      missing: "报送",
    },
    title: (region: string, year: number, month: number, isProvince: boolean) =>
      `${region}住房和城乡建设${isProvince ? "厅" : "局"} ${year}年${month === 1 ? "1月" : `1–${month}月`} 目标任务进度通报`,
    summary: {
      item: "项目",
      value: "数值",
      indicators: "有目标的指标数",
      completed: "已完成指标数",
      green: "达到序时进度指标数",
      yellow: "滞后10个百分点以内指标数",
      red: "滞后超过10个百分点指标数",
      none: "无目标或无数据指标数",
      regions: "参评地区数",
      regionsBehind: "有滞后指标的地区数",
      laggingLines: "滞后事项数",
      submitted: "已报送地区数",
      onTime: "按时报送地区数",
      late: "逾期报送地区数",
      missing: "未报送地区数",
      reportingRate: "报送率",
      timelyRate: "及时率",
      deadline: "报送截止时间",
    },
    indicator: [
      "指标代码",
      "指标",
      "单位",
      "目标",
      "完成（累计或当前值）",
      "完成率",
      "序时进度",
      "滞后（百分点）",
      "状态",
      "完成率第一",
      "完成率末位",
    ],
    ranking: [
      "综合排名",
      "地区代码",
      "地区",
      "综合得分",
      "评价指标数",
      "滞后指标数",
      "最差状态",
      "报送情况",
      "名次变化（较上月）",
      "数据质量",
    ],
    rate: "完成率",
    rank: "名次",
    lagging: [
      "序号",
      "地区代码",
      "地区",
      "指标",
      "完成",
      "目标",
      "完成率",
      "序时进度",
      "滞后（百分点）",
      "状态",
      "连续滞后月数",
      "完成率排名",
      "名次变化（较上月）",
      "完成率较上月（个百分点）",
      "数据质量",
    ],
    missing: ["地区代码", "地区", "报送情况", "首次报送时间"],
    status: { completed: "已完成", green: "正常", yellow: "轻度滞后", red: "严重滞后" },
    timeliness: {
      on_time: "按时报送",
      late: "逾期报送",
      missing: "未报送",
      not_due: "本月无需报送",
    },
    unchanged: "持平",
    note: "综合得分：各指标“完成率÷序时进度”（最高按100%计）的平均值×100；仅计已审核数据。",
  },
  en: {
    sheets: {
      summary: "Summary",
      indicators: "Indicators",
      ranking: "Ranking",
      lagging: "Lagging",
      missing: "Reporting",
    },
    title: (region: string, year: number, month: number, isProvince: boolean) =>
      `${region} ${isProvince ? "Department" : "Bureau"} of Housing and Urban-Rural Development — progress bulletin, ${monthSpan(year, month)}`,
    summary: {
      item: "Item",
      value: "Value",
      indicators: "Indicators with a target",
      completed: "Indicators completed",
      green: "Indicators on schedule",
      yellow: "Indicators up to 10 pp behind",
      red: "Indicators more than 10 pp behind",
      none: "Indicators without target or figure",
      regions: "Regions rated",
      regionsBehind: "Regions behind on some indicator",
      laggingLines: "Lagging lines",
      submitted: "Regions that reported",
      onTime: "Regions on time",
      late: "Regions late",
      missing: "Regions not reported",
      reportingRate: "Reporting rate",
      timelyRate: "Timely rate",
      deadline: "Reporting deadline",
    },
    indicator: [
      "Code",
      "Indicator",
      "Unit",
      "Target",
      "Actual (year to date or current)",
      "Completion",
      "Schedule",
      "Lag (pp)",
      "Status",
      "Highest completion",
      "Lowest completion",
    ],
    ranking: [
      "Overall rank",
      "Region code",
      "Region",
      "Score",
      "Indicators rated",
      "Indicators behind",
      "Worst status",
      "Reporting",
      "Rank change (on last month)",
      "Data quality",
    ],
    rate: "completion",
    rank: "rank",
    lagging: [
      "#",
      "Region code",
      "Region",
      "Indicator",
      "Actual",
      "Target",
      "Completion",
      "Schedule",
      "Lag (pp)",
      "Status",
      "Months behind",
      "Completion rank",
      "Rank change (on last month)",
      "Completion change (pp)",
      "Data quality",
    ],
    missing: ["Region code", "Region", "Reporting", "First submitted"],
    status: {
      completed: "Completed",
      green: "On track",
      yellow: "Slightly behind",
      red: "Far behind",
    },
    timeliness: {
      on_time: "On time",
      late: "Late",
      missing: "Not reported",
      not_due: "No report due",
    },
    unchanged: "unchanged",
    note: "Score: the mean over the indicators of completion ÷ schedule progress (capped at 100%), × 100; approved figures only.",
  },
} as const;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthSpan(year: number, month: number) {
  return month === 1 ? `January ${year}` : `January–${MONTHS[month - 1]} ${year}`;
}

/**
 * A change of rank as the ministry's tables write it: ↑3 (three places up), ↓2, unchanged; empty
 * without last month's rank.
 */
export function rankChangeText(change: number | null, unchanged: string): string | null {
  if (change === null) return null;
  if (change === 0) return unchanged;
  return change > 0 ? `↑${change}` : `↓${-change}`;
}

/** The bulletin's title, as the web page shows it too. */
export function bulletinTitle(bulletin: BulletinResponse, language: BulletinLanguage) {
  const { region, year, month } = bulletin;
  const name = language === "en" ? region.nameEn : region.nameZh;
  return TEXTS[language].title(name, year, month, region.level === "province");
}

const PERCENT = "0.0%";
const POINTS = "0.0";
const QUANTITY = "#,##0.##";

/** Share indicators and rates such as the sludge disposal rate are fractions: shown as %. */
const isShare = (i: { kind: string; unitEn: string }) => i.kind === "ratio" || i.unitEn === "%";

/**
 * A progress line's five cells from column `first`: target and actual in the indicator's own
 * format (a share as a percentage), completion and schedule as percentages, the lag in points.
 */
function formatLine(row: Row, first: number, indicator: { kind: string; unitEn: string }) {
  const figure = isShare(indicator) ? PERCENT : QUANTITY;
  [figure, figure, PERCENT, PERCENT, POINTS].forEach((format, i) => {
    row.getCell(first + i).numFmt = format;
  });
}

function header(sheet: Worksheet, cells: readonly string[]) {
  const row = sheet.addRow([...cells]);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFF3F8" } };
  sheet.views = [{ state: "frozen", ySplit: row.number }];
}

/**
 * The bulletin as a workbook: a summary, the indicator table, the overall ranking with each
 * indicator's completion and rank, the lagging list and the regions missing or late. Every
 * number is the JSON's own (fractions formatted as %, lags in percentage points).
 */
export async function bulletinWorkbook(
  bulletin: BulletinResponse,
  language: BulletinLanguage = "zh",
): Promise<Buffer> {
  const t = TEXTS[language];
  const name = (x: { nameZh: string; nameEn: string }) => (language === "en" ? x.nameEn : x.nameZh);
  const unit = (x: { unitZh: string; unitEn: string }) => (language === "en" ? x.unitEn : x.unitZh);
  const status = (s: string | null) => (s ? t.status[s as keyof typeof t.status] : "—");
  const workbook = await newWorkbook();
  workbook.title = bulletinTitle(bulletin, language);
  workbook.creator = "Jindu";

  // Summary.
  const summary = workbook.addWorksheet(t.sheets.summary);
  summary.addRow([bulletinTitle(bulletin, language)]).font = { bold: true, size: 14 };
  summary.addRow([]);
  header(summary, [t.summary.item, t.summary.value]);
  const { statuses, regions, reporting } = bulletin.summary;
  const lines: [string, number | string, string?][] = [
    [t.summary.indicators, bulletin.summary.indicators],
    [t.summary.completed, statuses.completed],
    [t.summary.green, statuses.green],
    [t.summary.yellow, statuses.yellow],
    [t.summary.red, statuses.red],
    [t.summary.none, statuses.none],
    [t.summary.regions, bulletin.ranking.length],
    [t.summary.regionsBehind, regions.yellow + regions.red],
    [t.summary.laggingLines, bulletin.summary.laggingLines],
    [t.summary.submitted, reporting.submitted],
    [t.summary.onTime, reporting.onTime],
    [t.summary.late, reporting.late],
    [t.summary.missing, reporting.missing],
    [t.summary.reportingRate, reporting.reportingRate, PERCENT],
    [t.summary.timelyRate, reporting.timelyRate, PERCENT],
    [t.summary.deadline, bulletin.deadline],
  ];
  for (const [label, value, format] of lines) {
    const row = summary.addRow([label, value]);
    if (format) row.getCell(2).numFmt = format;
  }
  summary.addRow([]);
  summary.addRow([t.note]);
  summary.getColumn(1).width = 34;
  summary.getColumn(2).width = 26;

  // Indicators.
  const indicators = workbook.addWorksheet(t.sheets.indicators);
  header(indicators, t.indicator);
  for (const x of bulletin.indicators) {
    const row = indicators.addRow([
      x.indicator.code,
      name(x.indicator),
      isShare(x.indicator) ? "%" : unit(x.indicator),
      x.line.target,
      x.line.actual,
      x.line.completion,
      x.line.schedule,
      x.line.lag,
      status(x.line.status),
      x.best ? name(x.best) : null,
      x.worst ? name(x.worst) : null,
    ]);
    formatLine(row, 4, x.indicator);
  }
  [16, 30, 10, 12, 14, 10, 10, 12, 12, 14, 14].forEach((w, i) => {
    indicators.getColumn(i + 1).width = w;
  });

  // Ranking: overall, then each indicator's completion and rank.
  const ranking = workbook.addWorksheet(t.sheets.ranking);
  header(ranking, [
    ...t.ranking,
    ...bulletin.indicators.flatMap((x) => [
      `${name(x.indicator)} ${t.rate}`,
      `${name(x.indicator)} ${t.rank}`,
    ]),
  ]);
  for (const r of bulletin.ranking) {
    const row = ranking.addRow([
      r.rank,
      r.region.code,
      name(r.region),
      r.score,
      r.rated,
      r.behind,
      status(r.worst),
      t.timeliness[r.timeliness],
      rankChangeText(r.rankChange, t.unchanged),
      r.quality.score,
      ...r.cells.flatMap((c) => [c.completion, c.rank]),
    ]);
    row.getCell(4).numFmt = "0.0";
    r.cells.forEach((_, i) => {
      row.getCell(11 + 2 * i).numFmt = PERCENT;
    });
  }
  ranking.getColumn(3).width = 16;
  ranking.views = [{ state: "frozen", xSplit: 3, ySplit: 1 }];

  // Lagging list.
  const lagging = workbook.addWorksheet(t.sheets.lagging);
  header(lagging, t.lagging);
  bulletin.lagging.forEach((item, i) => {
    const row = lagging.addRow([
      i + 1,
      item.line.region.code,
      name(item.line.region),
      name(item.indicator),
      item.line.actual,
      item.line.target,
      item.line.completion,
      item.line.schedule,
      item.line.lag,
      status(item.line.status),
      item.monthsBehind,
      item.standing?.completionRank ?? null,
      rankChangeText(item.standing?.completionRankChange ?? null, t.unchanged),
      item.standing?.completionChangePp ?? null,
      item.quality?.score ?? null,
    ]);
    formatLine(row, 5, item.indicator);
    row.getCell(14).numFmt = POINTS;
  });
  [6, 10, 14, 30, 12, 12, 10, 10, 12, 10, 12, 10, 12, 14, 10].forEach((w, i) => {
    lagging.getColumn(i + 1).width = w;
  });

  // Regions not reported, then late.
  const missing = workbook.addWorksheet(t.sheets.missing);
  header(missing, t.missing);
  for (const region of bulletin.missing) {
    missing.addRow([region.code, name(region), t.timeliness.missing, null]);
  }
  for (const { region, firstSubmittedAt } of bulletin.late) {
    missing.addRow([region.code, name(region), t.timeliness.late, firstSubmittedAt]);
  }
  [12, 16, 14, 26].forEach((w, i) => {
    missing.getColumn(i + 1).width = w;
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
