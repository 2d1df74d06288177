/** The entry screens' texts, under t("entry.…"); English must have the same keys. */
export const zhCN = {};

export const en: typeof zhCN = {};
