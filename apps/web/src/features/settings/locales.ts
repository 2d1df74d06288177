export const zhCN = {
  title: "省份设置",
  reporting: "报送规则",
  reportingOf: "{{name}} · 报送规则",
  province: "省份",
  allowPartial: "允许报送不完整的月份",
  allowPartialHelp:
    "关闭（默认）时，有目标任务的指标未全部填报的月份只能保存为草稿，不能报送；打开后可以先报送已填的部分。表单和批量导入执行同一规则。",
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
  fourEyes: "Four eyes on approvals",
  fourEyesHelp:
    "On (the default): whoever submitted or last changed a month cannot approve it; another provincial official must. A security setting: only the security officer changes it.",
  updatedBy: "Last changed by",
  on: "On",
  off: "Off",
  saved: "Saved",
  failed: "Could not save: {{message}}",
};
