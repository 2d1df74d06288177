/** The completeness screens' texts, under t("completeness.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
