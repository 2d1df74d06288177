import { addTexts } from "@/lib/i18n";
export const zhCN = {
  title: "省份设置",
  reporting: "报送规则",
  reportingOf: "{{name}} · 报送规则",
  province: "省份",
  allowPartial: "允许报送不完整的月份",
  allowPartialHelp:
    "关闭（默认）时，有目标任务的指标未全部填报的月份只能保存为草稿，不能报送；打开后可以先报送已填的部分。表单和批量导入执行同一规则。",
  calendar: "报送日历",
  deadlineDay: "截止日",
  nextMonth: "次月",
  dayUnit: "日",
  deadlineDayHelp:
    "每月数据须在次月该日 24:00（北京时间）前报送（默认 5 日，可选 1–28 日）。报送率、及时率、催报名单和填报页面的截止时间都按此计算。",
  graceDays: "宽限天数",
  days: "天",
  graceDaysHelp: "截止日之后的若干天内首次报送，仍计为按时报送（0–15 天，默认 0，即不设宽限）。",
  noReportMonths: "无需报送的月份",
  noReportMonthsHelp:
    "勾选的月份本省各地无需报送（例如季度指标只在季末月份报送）：这些月份不计未报送、不催报，填报页面跳过这些月份。至少保留一个月份需要报送。",
  saveCalendar: "保存报送日历",
  reminders: "自动提醒与推送",
  daysBefore: "截止前提醒",
  daysBeforeHelp:
    "截止日前若干天起，系统每天上午 9 时提醒尚未报送的单位（站内通知及其设置的渠道）；0 表示不提前提醒。",
  escalateAfter: "逾期升级",
  escalateAfterHelp:
    "按时报送期限（截止日加宽限）过后仍未报送满若干天，提醒同时发给本省审核人员（1–30 天，默认 5 天）。",
  bulletinPush: "月度通报推送",
  bulletinPushHelp:
    "打开后，每月该日上午 9 时把上月通报推送给本省领导：站内通知附打印页链接，邮件附通报 .xlsx。",
  everyMonth: "每月",
  bulletinDay: "推送日",
  saveReminders: "保存提醒与推送",
  fourEyes: "审核双人复核",
  fourEyesHelp:
    "打开（默认）时，报送或最后修改某月数据的人不能审核通过该月，须由另一位省级用户审核。此项属于安全设置，只有安全保密管理员可以修改。",
  updatedBy: "最后修改",
  on: "开",
  off: "关",
  saved: "已保存",
  failed: "保存失败：{{message}}",
};

export const en: typeof zhCN = {
  title: "Province settings",
  reporting: "Reporting rules",
  reportingOf: "{{name}} · reporting rules",
  province: "Province",
  allowPartial: "Allow submitting an incomplete month",
  allowPartialHelp:
    "Off (the default): a month with indicators that have a target but no figure can only be saved as a draft, not submitted. On: the part entered can be submitted first. The form and the imports follow the same rule.",
  calendar: "Reporting calendar",
  deadlineDay: "Deadline",
  nextMonth: "Day",
  dayUnit: "of the next month",
  deadlineDayHelp:
    "Each month must be reported by the end of this day of the next month, Beijing time (default the 5th; 1–28). Reporting and on-time rates, the chase list and the entry form's deadline all follow it.",
  graceDays: "Grace days",
  days: "days",
  graceDaysHelp:
    "A month first submitted within this many days after the deadline still counts as on time (0–15; default 0, no grace).",
  noReportMonths: "Months that need no report",
  noReportMonthsHelp:
    "The province's regions do not report the ticked months (e.g. a quarterly indicator reported only at quarter ends): nobody is missing or chased for them, and the entry form skips them. At least one month must stay due.",
  saveCalendar: "Save the calendar",
  reminders: "Reminders and pushed reports",
  daysBefore: "Remind before the deadline",
  daysBeforeHelp:
    "From this many days before the deadline, bureaus that have not reported are reminded every day at 09:00 (inbox and their channels); 0: no early reminder.",
  escalateAfter: "Escalate after",
  escalateAfterHelp:
    "A month still missing this many days after the on-time window (deadline plus grace) is escalated to the province's officials too (1–30 days; default 5).",
  bulletinPush: "Monthly bulletin push",
  bulletinPushHelp:
    "On: on this day each month at 09:00, last month's bulletin goes to the province's leaders, in the inbox with a link to the print page and by e-mail with the .xlsx.",
  everyMonth: "Every month on day",
  bulletinDay: "Push day",
  saveReminders: "Save reminders and push",
  fourEyes: "Four eyes on approvals",
  fourEyesHelp:
    "On (the default): whoever submitted or last changed a month cannot approve it; another provincial official must. A security setting: only the security officer changes it.",
  updatedBy: "Last changed by",
  on: "On",
  off: "Off",
  saved: "Saved",
  failed: "Could not save: {{message}}",
};

addTexts("settings", { zhCN, en });
