/** The inbox's texts, under t("notifications.…"); English must have the same keys. */
export const zhCN = {
  bell: "通知",
  bellCount: "{{count}} 条未读通知",
  title: "通知",
  empty: "暂无通知",
  readAll: "全部标为已读",
  unread: "未读",
  reason: "原因：{{reason}}",
  loadFailed: "通知加载失败",
};

export const en: typeof zhCN = {
  bell: "Notifications",
  bellCount: "{{count}} unread notifications",
  title: "Notifications",
  empty: "No notifications",
  readAll: "Mark all as read",
  unread: "Unread",
  reason: "Reason: {{reason}}",
  loadFailed: "Could not load notifications",
};
