/** The approvals screens' texts, under t("approvals.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
