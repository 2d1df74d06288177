import type { TFunction } from "i18next";
import { ApiError, NetworkError } from "./api-client";
import { i18n } from "./i18n";

/** What the user was doing, named in a network error ("保存草稿未完成"). */
export type ErrorAction = "session" | "saveDraft" | "submit" | "save" | "load" | "upload";

const BY_STATUS: Record<number, string> = {
  401: "errors.signedOut",
  403: "errors.forbidden",
  404: "errors.notFound",
  409: "errors.conflict",
  413: "errors.tooLarge",
  415: "errors.unsupported",
  423: "errors.locked",
  429: "errors.rateLimited",
};

/**
 * An error as the user should read it, in the interface's language. The API writes its messages
 * in English for developers; a Chinese screen shows its own text for the status, the rule
 * broken (each rule of a refused password) or the field named, never the API's sentence. An
 * English screen shows the API's message for a refused input, which says more.
 */
export function errorText(error: unknown, t: TFunction, action?: ErrorAction): string {
  if (error instanceof NetworkError) {
    return action
      ? t("errors.networkAction", { action: t(`errors.action.${action}`) })
      : t("errors.network");
  }
  if (!(error instanceof ApiError)) return t("errors.unexpected");
  if (error.status === 503) {
    return error.retryAfter
      ? t("errors.unavailableAfter", { seconds: error.retryAfter })
      : t("errors.unavailable");
  }
  if (error.status >= 500 || error.status === 0) return t("errors.server");
  const known = BY_STATUS[error.status];
  if (known) return t(known);
  if (i18n.language === "en" && error.message) return error.message;
  const rules = (error.problems ?? []).map((p) => p.rule).filter(Boolean);
  if (rules.length === 0 && error.rule) rules.push(error.rule);
  const said = rules.map((rule) => t(`errors.rule.${rule}`, { defaultValue: "" })).filter(Boolean);
  if (said.length > 0) return said.join("；");
  if (error.field) {
    return t("errors.invalidField", {
      field: t(`errors.field.${error.field}`, { defaultValue: error.field }),
    });
  }
  return t("errors.invalid");
}
