/** The supervision screens' texts, under t("supervision.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
