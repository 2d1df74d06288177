/** English, downloaded when chosen (lib/i18n.ts): the shared texts and antd's own. */
export { default as antdEnUS } from "antd/locale/en_US";
export { en } from "./en";
