import { Alert, Button, type ButtonProps, Card, Popconfirm, Segmented, Space, Tag } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLeaveGuard } from "@/features/entry/hooks/use-leave-guard";
import { useLanguage } from "@/hooks/use-language";
import { ApiError } from "@/lib/api-client";
import { useUser } from "@/lib/auth";
import { errorText } from "@/lib/error-text";
import { formatBeijingTime, nameOf } from "@/utils/format";
import {
  type EntryInput,
  type SubmissionEntry,
  type SubmissionView,
  useSaveDraft,
  useSubmitMonth,
} from "../api/submissions";
import { checkForm } from "../utils/checks";
import { clearUnsaved, readUnsaved, writeUnsaved } from "../utils/unsaved-figures";
import { EntryLine, type EntryMode, type LineDraft } from "./entry-line";
import { SubmissionStatusTag } from "./submission-status";
import "@/features/entry/locales";
import { useMessage } from "@/lib/feedback";

const draftOf = (e: SubmissionEntry): LineDraft => ({
  value: e.value,
  numerator: e.numerator,
  denominator: e.denominator,
  explanation: e.explanation ?? "",
});

const same = (a: LineDraft, e: SubmissionEntry) =>
  a.value === e.value &&
  a.numerator === e.numerator &&
  a.denominator === e.denominator &&
  a.explanation.trim() === (e.explanation ?? "");

/** The figures of a line as the API takes them: the parts of a share, else the value. */
function inputOf(e: SubmissionEntry, d: LineDraft): EntryInput {
  const explanation = d.explanation.trim() ? { explanation: d.explanation.trim() } : {};
  const part = (key: "value" | "numerator" | "denominator") =>
    d[key] === null ? {} : { [key]: d[key] as number };
  return e.indicator.kind === "ratio"
    ? { indicator: e.indicator.code, ...part("numerator"), ...part("denominator"), ...explanation }
    : { indicator: e.indicator.code, ...part("value"), ...explanation };
}

/** The month's form for one region: grouped by category, checked as the user types. */
export function MonthForm({ view }: { view: SubmissionView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const user = useUser();
  const key = { region: view.region.code, year: view.year, month: view.month };
  const kept = { userId: user.id, ...key };
  const save = useSaveDraft(key);
  const submit = useSubmitMonth(key);
  const editable = view.status === null || view.status === "draft" || view.status === "returned";
  // Figures typed before a session ended or the connection dropped come back, where they still
  // differ from what is stored.
  const [{ initial, restored }] = useState(() => {
    const stored = editable ? readUnsaved(kept) : {};
    const fromView = Object.fromEntries(view.entries.map((e) => [e.indicator.code, draftOf(e)]));
    const back = view.entries.filter((e) => {
      const draft = stored[e.indicator.code];
      return draft !== undefined && !same(draft, e);
    });
    for (const e of back) fromView[e.indicator.code] = stored[e.indicator.code] as LineDraft;
    return { initial: fromView, restored: back.length };
  });
  const [drafts, setDrafts] = useState<Record<string, LineDraft>>(initial);
  const [mode, setMode] = useState<EntryMode>("ytd");
  const hasCumulative = view.entries.some((e) => e.indicator.kind === "cumulative");
  const { lines, month } = useMemo(() => {
    const current = view.entries.map((entry) => drafts[entry.indicator.code] ?? draftOf(entry));
    const checked = checkForm(view, current);
    return {
      month: checked.month,
      lines: view.entries.map((entry, i) => ({
        entry,
        draft: current[i] as LineDraft,
        check: checked.lines[i] as (typeof checked.lines)[number],
      })),
    };
  }, [view, drafts]);
  const groups = useMemo(() => {
    const byCategory = new Map<string, typeof lines>();
    for (const line of lines) {
      const c = line.entry.indicator.category;
      byCategory.set(c, [...(byCategory.get(c) ?? []), line]);
    }
    return [...byCategory];
  }, [lines]);

  const entered = lines.filter((l) => l.check.entered);
  const errors = lines.reduce((n, l) => n + l.check.errors.length, 0);
  const unexplained = month.lines.filter((l) => l.unexplained).length;
  // A month with figures missing stays a draft unless the province allows partial months.
  const partial = month.submitProblems.some((p) => p.rule === "partial_month");
  const changed = lines.filter((l) => l.check.entered && !same(l.draft, l.entry));
  const busy = save.isPending || submit.isPending;
  // Every keystroke's figures are kept in the browser until the month is saved.
  const unsavedJson = JSON.stringify(
    editable ? Object.fromEntries(changed.map((l) => [l.entry.indicator.code, l.draft])) : {},
  );
  useEffect(() => {
    const month = { userId: user.id, region: view.region.code, year: view.year, month: view.month };
    writeUnsaved(month, JSON.parse(unsavedJson));
  }, [unsavedJson, user.id, view.region.code, view.year, view.month]);
  // Saving or submitting sends them; until the form reloads they still count as unsaved.
  const leaveGuard = useLeaveGuard(editable && changed.length > 0 && !busy);

  const fail = (action: "saveDraft" | "submit") => (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) message.warning(t("entry.stale"));
    // The sign-in page takes over, and the figures wait in the browser.
    else if (error instanceof ApiError && error.status === 401) return;
    else message.error(t("entry.keptLocally", { problem: errorText(error, t, action) }));
  };
  const saved = (text: string) => () => {
    clearUnsaved(kept);
    message.success(text);
  };
  const onSave = () =>
    save.mutate(
      { baseVersion: view.version, entries: changed.map((l) => inputOf(l.entry, l.draft)) },
      { onSuccess: saved(t("entry.saved")), onError: fail("saveDraft") },
    );
  const onSubmit = () =>
    submit.mutate(
      {
        version: view.version,
        entries: changed.length > 0 ? changed.map((l) => inputOf(l.entry, l.draft)) : null,
      },
      { onSuccess: saved(t("entry.submittedOk")), onError: fail("submit") },
    );

  const categoryName = (c: string) =>
    t(`entry.category.${c}`, { defaultValue: t("entry.category.other") });

  return (
    <div className="entry-form" data-testid="entry-form" data-status={view.status ?? "none"}>
      {leaveGuard}
      {restored > 0 ? (
        <Alert
          className="entry-restored"
          type="info"
          showIcon
          closable
          data-testid="entry-restored"
          title={t("entry.restored", { count: restored })}
          description={t("entry.restoredHint")}
        />
      ) : null}
      {view.status === "returned" && view.reason ? (
        <Alert
          className="entry-returned"
          type="error"
          showIcon
          title={t("entry.returnedTitle")}
          description={
            <span>
              {t("entry.returnedReason")}
              <strong data-testid="entry-returned-reason">{view.reason}</strong>
            </span>
          }
        />
      ) : null}
      {view.status === "submitted" ? (
        <Alert type="info" showIcon title={t("entry.submittedNotice")} />
      ) : null}
      {view.status === "approved" ? (
        <Alert type="success" showIcon title={t("entry.approvedNotice")} />
      ) : null}
      <div className="entry-summary" data-testid="entry-summary">
        <strong>{nameOf(view.region, language)}</strong>
        <SubmissionStatusTag status={view.status} />
        <span className="muted">
          {view.due
            ? t("entry.deadline", { date: formatBeijingTime(view.deadline, language) })
            : t("entry.notDue")}
        </span>
        {view.submittedAt ? (
          <span className="muted">
            {t("entry.submittedAt", { date: formatBeijingTime(view.submittedAt, language) })}
          </span>
        ) : null}
        <span>{t("entry.summary.entered", { count: entered.length, total: lines.length })}</span>
        {editable && hasCumulative ? (
          <Segmented<EntryMode>
            size="small"
            data-testid="entry-mode"
            value={mode}
            onChange={setMode}
            options={[
              { value: "ytd", label: t("entry.mode.ytd") },
              { value: "increment", label: t("entry.mode.increment") },
            ]}
          />
        ) : null}
        {errors > 0 ? (
          <Tag color="error">{t("entry.summary.errors", { count: errors })}</Tag>
        ) : null}
        {unexplained > 0 ? (
          <Tag color="warning">{t("entry.summary.warnings", { count: unexplained })}</Tag>
        ) : null}
      </div>
      {groups.map(([category, group]) => (
        <Card key={category} size="small" className="entry-category" title={categoryName(category)}>
          {group.map(({ entry, draft, check }) => (
            <EntryLine
              key={entry.indicator.code}
              entry={entry}
              draft={draft}
              check={check}
              month={view.month}
              mode={mode}
              editable={editable && !busy}
              onChange={(change) =>
                setDrafts((all) => ({
                  ...all,
                  [entry.indicator.code]: { ...draft, ...change },
                }))
              }
            />
          ))}
        </Card>
      ))}
      {editable ? (
        <div className="entry-actions">
          <span className="entry-actions-note">
            {errors > 0
              ? t("entry.fixErrors")
              : unexplained > 0
                ? t("entry.explanationNeeded")
                : partial
                  ? t("entry.partialMonth", {
                      count: month.missing.length,
                      total: month.expected,
                    })
                  : changed.length > 0
                    ? t("entry.unsaved")
                    : null}
          </span>
          <Space wrap>
            <Button
              data-testid="entry-save"
              onClick={onSave}
              loading={save.isPending}
              disabled={busy || errors > 0 || changed.length === 0}
            >
              {t("entry.save")}
            </Button>
            <Popconfirm
              title={t("entry.submitConfirm")}
              onConfirm={onSubmit}
              disabled={busy}
              okButtonProps={{ "data-testid": "entry-submit-confirm" } as ButtonProps}
            >
              <Button
                type="primary"
                data-testid="entry-submit"
                loading={submit.isPending}
                disabled={busy || month.submitProblems.length > 0}
              >
                {t("entry.submit")}
              </Button>
            </Popconfirm>
          </Space>
        </div>
      ) : null}
    </div>
  );
}
