/** The bulletin screens' texts, under t("bulletin.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
