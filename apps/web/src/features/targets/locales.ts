/** The targets screens' texts, under t("targets.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
