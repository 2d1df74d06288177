/** The admin screens' texts, under t("admin.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
