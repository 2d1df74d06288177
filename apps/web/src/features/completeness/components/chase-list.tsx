import { Button, Checkbox, Empty, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import type { CompletenessLine, CompletenessResponse } from "../api/get-completeness";
import { useSendChase } from "../api/send-chase";
import { daysLate, formatDateTime, TimelinessTag } from "./timeliness";
import "@/features/completeness/locales";
import { useMessage } from "@/lib/feedback";

/** As the API bounds one 催报's message (CHASE_LIMITS). */
const MESSAGE_MAX = 500;

interface ChaseListProps {
  data: CompletenessResponse;
  onOpen: (line: CompletenessLine) => void;
}

/** When a region was last reminded for the month, by whom, and whether its bureau read it. */
function LastChased({ chase }: { chase: NonNullable<CompletenessLine["lastChase"]> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state =
    chase.recipients === 0 ? (
      <Tag color="warning">{t("completeness.chaseNoRecipient")}</Tag>
    ) : chase.read > 0 ? (
      <Tag color="success" title={formatDateTime(chase.readAt, language)}>
        {t("completeness.chaseRead")}
      </Tag>
    ) : (
      <Tag>{t("completeness.chaseUnread")}</Tag>
    );
  return (
    <span className="chase-last muted" data-testid="last-chased" title={chase.message ?? undefined}>
      {t("completeness.lastChased", {
        by: chase.byName ?? chase.by,
        time: formatDateTime(chase.at, language),
      })}
      {state}
    </span>
  );
}

/**
 * 催报: the regions still missing (as the API lists them, most overdue first), then those that
 * reported late. An official picks missing bureaus and reminds them in the app (the list then
 * shows when and whether they read it); the notice stays ready to paste into a chat group.
 */
export function ChaseList({ data, onOpen }: ChaseListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const toast = useMessage();
  const canChase = useUser().role === "province";
  const send = useSendChase();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState("");
  const byCode = new Map(data.regions.map((line) => [line.region.code, line]));
  const missing = data.chase.flatMap((ref) => byCode.get(ref.code) ?? []);
  const late = data.regions.filter((line) => line.timeliness === "late");
  const lines = [...missing, ...late];
  if (lines.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t(data.due ? "completeness.chaseEmpty" : "completeness.notDueMonth")}
        data-testid={data.due ? undefined : "chase-not-due"}
      />
    );
  }
  const separator = language === "en" ? ", " : "、";
  const names = (refs: { nameZh: string; nameEn: string }[]) =>
    refs.map((ref) => nameOf(ref, language)).join(separator);
  const notice =
    missing.length > 0
      ? t("completeness.chaseNotice", {
          regions: names(missing.map((line) => line.region)),
          year: data.year,
          month: data.month,
          date: formatDateTime(data.deadline, language, false),
        })
      : null;
  // Only regions still missing this month can be chosen (another month's picks drop out).
  const chosen = missing.filter((line) => picked.has(line.region.code)).map((l) => l.region.code);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    setPicked(next);
  };
  const sendChase = async () => {
    try {
      const result = await send.mutateAsync({
        parent: data.parent.code,
        year: data.year,
        month: data.month,
        regions: chosen,
        ...(note.trim() ? { message: note.trim() } : {}),
      });
      if (result.chased.length > 0) {
        toast.success(t("completeness.chaseSent", { count: result.chased.length }));
      }
      if (result.alreadyToday.length > 0) {
        toast.info(t("completeness.chaseAlready", { regions: names(result.alreadyToday) }));
      }
      setPicked(new Set());
      setNote("");
    } catch (error) {
      toast.error(errorText(error, t, "save"));
    }
  };
  return (
    <>
      {canChase && missing.length > 0 ? (
        <div className="chase-tools" data-testid="chase-tools">
          <Checkbox
            data-testid="chase-select-all"
            checked={chosen.length === missing.length}
            indeterminate={chosen.length > 0 && chosen.length < missing.length}
            onChange={(e) =>
              setPicked(new Set(e.target.checked ? missing.map((l) => l.region.code) : []))
            }
          >
            {t("completeness.chaseSelectAll", { count: missing.length })}
          </Checkbox>
          <Input.TextArea
            data-testid="chase-message"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={MESSAGE_MAX}
            showCount
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder={t("completeness.chaseMessage")}
            aria-label={t("completeness.chaseMessage")}
          />
          <Button
            type="primary"
            data-testid="chase-send"
            disabled={chosen.length === 0}
            loading={send.isPending}
            onClick={sendChase}
          >
            {t("completeness.chaseSend", { count: chosen.length })}
          </Button>
        </div>
      ) : null}
      <ul className="chase-list" data-testid="chase-list">
        {lines.map((line) => (
          <li key={line.region.code} data-region={line.region.code}>
            {canChase && line.timeliness === "missing" ? (
              <Checkbox
                data-testid="chase-pick"
                checked={picked.has(line.region.code)}
                onChange={(e) => toggle(line.region.code, e.target.checked)}
                aria-label={t("completeness.chasePick", {
                  region: nameOf(line.region, language),
                })}
              />
            ) : null}
            <button type="button" className="chase-region" onClick={() => onOpen(line)}>
              {nameOf(line.region, language)}
            </button>
            <TimelinessTag value={line.timeliness} />
            {line.timeliness === "late" ? (
              <span className="muted">
                {t("completeness.daysLate", {
                  count: daysLate(line.firstSubmittedAt, data.onTimeUntil),
                })}
              </span>
            ) : null}
            {line.lastChase ? <LastChased chase={line.lastChase} /> : null}
          </li>
        ))}
      </ul>
      {notice ? (
        <Typography.Paragraph
          className="chase-notice"
          data-testid="chase-notice"
          copyable={{ text: notice, tooltips: [t("completeness.copy"), "✓"] }}
        >
          {notice}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
