/** The import screens' texts, under t("import.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
