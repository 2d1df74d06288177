import { addTexts } from "@/lib/i18n";
/** The five-year plan card's texts, under t("plans.…"); English must have the same keys. */
export const zhCN = {
  title: "十四五规划进度",
  titleOther: "五年规划进度",
  years: "{{from}}—{{to}}年",
  done: "累计完成 {{done}} / 规划总量 {{total}}",
  hint: "累计完成：已过各年的年末累计数加本年截至当月数。序时进度：已过各年的全年任务加本年任务乘本年序时进度，除以规划总量。竖线标出序时进度。",
  barLabel: "{{indicator}}：规划完成率 {{completion}}，序时进度 {{schedule}}",
};

export const en: typeof zhCN = {
  title: "Five-year plan progress",
  titleOther: "Five-year plan progress",
  years: "{{from}}–{{to}}",
  done: "Done {{done}} / plan total {{total}}",
  hint: "Done: each finished year's year-end figure plus this year's so far. Schedule: the finished years' shares plus this year's share times its schedule progress, over the plan total. The tick marks the schedule.",
  barLabel: "{{indicator}}: {{completion}} of the plan done, schedule {{schedule}}",
};

addTexts("plans", { zhCN, en });
