import { addTexts } from "@/lib/i18n";
/**
 * The comparison's rankings (issue 15), under t("standings.…"); English must have the same keys.
 * The rest of the comparison's texts predate the feature locales and stay in the shared ones.
 */
export const zhCN = {
  title: "两种排名",
  since: "变化较{{year}}年{{month}}月",
  byCompletion: "按完成年度计划排名",
  byCompletionHint: "住房城乡建设部月度通报的口径：累计完成 ÷ 年度计划",
  byLag: "按序时进度排名",
  byLagHint: "完成率减序时进度（个百分点），越不滞后越靠前",
  rank: "名次",
  rankColumn: "完成率排名（较上月）",
  region: "地区",
  completion: "完成率",
  lag: "进度差",
  change: "较上月",
  up: "上升{{count}}位",
  down: "下降{{count}}位",
  same: "名次不变",
  noPrevious: "上月无数据，不计变化",
  fast: "前五（完成最快）",
  slow: "后五（完成最慢）",
  fastSlowHint: "按完成年度计划排名；并列的一并列出",
  none: "无",
  completedAll: "全部完成",
  quality: "数据质量",
  qualityShort: "质量{{score}}",
  qualityNone: "质量—",
  qualityTip:
    "数据质量 {{score}} 分（满分 100），按本年截至本月的报送记录计：报送 {{reported}}/{{due}} 个月（权重 40%），按时 {{onTime}}/{{due}} 个月（30%），审核通过后又修改 {{corrections}} 个月（15%），预警未说明 {{unexplained}}/{{warnings}} 条（15%）。只看数据本身，不看系统使用次数。",
  qualityTipNone: "本年截至本月尚无应报月份，不评数据质量。",
  legend: "颜色：",
};

export const en: typeof zhCN = {
  title: "Both rankings",
  since: "change since {{month}}/{{year}}",
  byCompletion: "Ranked by completion of the annual plan",
  byCompletionHint: "The ministry's monthly releases: year to date ÷ annual plan",
  byLag: "Ranked by pace against schedule",
  byLagHint: "Completion minus schedule progress (pp); least behind first",
  rank: "Rank",
  rankColumn: "Completion rank (change)",
  region: "Region",
  completion: "Completion",
  lag: "Lag",
  change: "Change",
  up: "up {{count}}",
  down: "down {{count}}",
  same: "rank unchanged",
  noPrevious: "no figures last month: no change",
  fast: "Fastest five",
  slow: "Slowest five",
  fastSlowHint: "By completion of the annual plan; ties are all listed",
  none: "none",
  completedAll: "Plan completed",
  quality: "Data quality",
  qualityShort: "Q {{score}}",
  qualityNone: "Q —",
  qualityTip:
    "Data quality {{score}} of 100, from the reporting record of the year to this month: reported {{reported}}/{{due}} months (weight 40%), on time {{onTime}}/{{due}} (30%), changed after approval {{corrections}} months (15%), warnings left unexplained {{unexplained}}/{{warnings}} (15%). Results only, never usage.",
  qualityTipNone: "No month was due yet this year: no data-quality score.",
  legend: "Colours:",
};

addTexts("standings", { zhCN, en });
