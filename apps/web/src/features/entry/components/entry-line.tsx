import { Alert, Input, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import {
  formatMonth,
  formatNumber,
  formatPercent,
  formatQuantity,
  nameOf,
  unitOf,
} from "@/utils/format";
import type { SubmissionEntry } from "../api/submissions";
import {
  type Figures,
  fromTyped,
  type LineCheck,
  problemText,
  toTyped,
  typedAsPercent,
} from "../utils/checks";
import "@/features/entry/locales";

export interface LineDraft extends Figures {
  explanation: string;
}

/** How cumulative figures are typed: year to date (as reported), or this month's increment. */
export type EntryMode = "ytd" | "increment";

interface EntryLineProps {
  entry: SubmissionEntry;
  draft: LineDraft;
  check: LineCheck;
  month: number;
  mode: EntryMode;
  editable: boolean;
  onChange: (change: Partial<LineDraft>) => void;
}

const share = (f: { numerator: number | null; denominator: number | null }) =>
  f.numerator !== null && f.denominator !== null && f.denominator > 0
    ? f.numerator / f.denominator
    : null;

/** Sums and differences of decimal figures without binary-rounding noise (204.4 + 12.3). */
const exact = (v: number) => Math.round(v * 1e8) / 1e8;

/** One indicator of the month's form: what it is, last month, the target, the input, the result. */
export function EntryLine({
  entry,
  draft,
  check,
  month,
  mode,
  editable,
  onChange,
}: EntryLineProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { indicator } = entry;
  const code = indicator.code;
  const ratio = indicator.kind === "ratio";
  const cumulative = indicator.kind === "cumulative";
  // Typed as this month's increment, kept as year to date: the checks and the save see one figure.
  const byIncrement = cumulative && mode === "increment";
  const base = entry.previous.value ?? 0;
  const percent = typedAsPercent(entry);
  const unit = unitOf(indicator, language);
  const fieldError = (field: string) => check.errors.some((p) => p.field === field);
  const previous = ratio
    ? entry.previous.numerator === null
      ? "—"
      : `${formatPercent(share(entry.previous))} (${formatNumber(entry.previous.numerator, language)} / ${formatNumber(entry.previous.denominator, language)})`
    : formatQuantity(entry.previous.value, indicator, language);
  const number = (
    field: "value" | "numerator" | "denominator",
    label: string,
    options: { addon?: string; percent?: boolean; offset?: number } = {},
  ) => (
    <label className="entry-input" htmlFor={`entry-${field}-${code}-input`}>
      <span className="entry-fact-label">{label}</span>
      <InputNumber
        id={`entry-${field}-${code}-input`}
        data-testid={`entry-${field}-${code}`}
        aria-label={`${nameOf(indicator, language)} ${label}`}
        value={
          options.percent
            ? toTyped(draft[field], true)
            : draft[field] === null || !options.offset
              ? draft[field]
              : exact(draft[field] - options.offset)
        }
        onChange={(v) => {
          const n = typeof v === "number" && Number.isFinite(v) ? v : null;
          onChange({
            [field]: options.percent
              ? fromTyped(n, true)
              : n === null || !options.offset
                ? n
                : exact(n + options.offset),
          });
        }}
        disabled={!editable}
        status={fieldError(field) ? "error" : undefined}
        inputMode="decimal"
        suffix={options.addon}
        style={{ width: "100%" }}
      />
    </label>
  );
  const needsExplanation = check.warnings.length > 0 && draft.explanation.trim() === "";

  return (
    <div
      className="entry-line"
      data-testid={`entry-line-${code}`}
      data-errors={check.errors.length}
      data-warnings={check.warnings.length}
    >
      <div className="entry-line-name">
        <strong>{nameOf(indicator, language)}</strong>
        <span className="muted"> · {unit}</span>
      </div>
      <div className="entry-fact">
        <span className="entry-fact-label">
          {cumulative || ratio ? t("entry.previous") : t("entry.previousCurrent")}
        </span>
        <span data-testid={`entry-previous-${code}`}>{previous}</span>
      </div>
      <div className="entry-fact">
        <span className="entry-fact-label">
          {entry.dueMonth !== 12
            ? t("entry.targetDue", { month: entry.dueMonth })
            : t("entry.target")}
        </span>
        <span data-testid={`entry-target-${code}`}>
          {formatQuantity(entry.target, indicator, language)}
        </span>
      </div>
      <div className="entry-inputs">
        {ratio ? (
          <>
            {number("numerator", t("entry.field.numerator"))}
            {number("denominator", t("entry.field.denominator"))}
          </>
        ) : (
          number(
            "value",
            byIncrement
              ? t("entry.incrementInput", { month, monthName: formatMonth(month, language) })
              : cumulative
                ? t("entry.ytd", { month, monthName: formatMonth(month, language) })
                : t("entry.current"),
            percent
              ? { addon: "%", percent: true }
              : { addon: unit, ...(byIncrement ? { offset: base } : {}) },
          )
        )}
      </div>
      <div className="entry-fact entry-result">
        <span className="entry-fact-label">{t("entry.completion")}</span>
        <strong data-testid={`entry-completion-${code}`}>{formatPercent(check.completion)}</strong>
        {check.increment !== null && byIncrement ? (
          <span className="muted entry-increment" data-testid={`entry-ytd-${code}`}>
            {t("entry.ytd", { month, monthName: formatMonth(month, language) })}{" "}
            {formatQuantity(draft.value, indicator, language)}
          </span>
        ) : null}
        {check.increment !== null && !byIncrement ? (
          <span className="muted entry-increment" data-testid={`entry-increment-${code}`}>
            {t("entry.increment")} {formatQuantity(check.increment, indicator, language)}
          </span>
        ) : null}
        {ratio && share(draft) !== null ? (
          <span className="muted entry-increment">
            {t("entry.share")} {formatPercent(share(draft))}
          </span>
        ) : null}
      </div>
      {check.errors.length > 0 ? (
        <div
          className="entry-line-notes entry-errors"
          role="alert"
          data-testid={`entry-error-${code}`}
        >
          {check.errors.map((p) => (
            <div key={`${p.field}-${p.rule}`}>{problemText(t, p, entry, draft, language)}</div>
          ))}
        </div>
      ) : null}
      {check.warnings.length > 0 ? (
        <div className="entry-line-notes" data-testid={`entry-warning-${code}`}>
          <Alert
            type="warning"
            showIcon
            title={check.warnings.map((p) => (
              <div key={p.rule}>{problemText(t, p, entry, draft, language)}</div>
            ))}
          />
          <label className="entry-explanation" htmlFor={`entry-explanation-${code}-input`}>
            <span className="entry-fact-label">{t("entry.explanation")}</span>
            <Input.TextArea
              id={`entry-explanation-${code}-input`}
              data-testid={`entry-explanation-${code}`}
              value={draft.explanation}
              onChange={(e) => onChange({ explanation: e.target.value })}
              placeholder={t("entry.explanationPlaceholder")}
              disabled={!editable}
              status={needsExplanation ? "warning" : undefined}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
            />
          </label>
        </div>
      ) : null}
    </div>
  );
}
