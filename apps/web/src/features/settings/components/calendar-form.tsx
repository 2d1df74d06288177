import { CALENDAR_LIMITS } from "@jindu/domain";
import { Button, Checkbox, Form, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { errorText } from "@/lib/error-text";
import { formatMonth } from "@/utils/format";
import { type ReportingSettings, useSaveReportingSettings } from "../api/settings";
import "@/features/settings/locales";
import { useMessage } from "@/lib/feedback";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * A province's reporting calendar: the deadline day of the next month, the grace days, and the
 * months that owe no report. Saved together with one button (numbers are typed, not toggled).
 */
export function CalendarForm({ code, settings }: { code: string; settings: ReportingSettings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const save = useSaveReportingSettings();
  const [deadlineDay, setDeadlineDay] = useState(settings.deadlineDay);
  const [graceDays, setGraceDays] = useState(settings.graceDays);
  const [noReportMonths, setNoReportMonths] = useState<number[]>(settings.noReportMonths);
  const full = noReportMonths.length >= CALENDAR_LIMITS.noReportMonths.maxItems;
  const changed =
    deadlineDay !== settings.deadlineDay ||
    graceDays !== settings.graceDays ||
    noReportMonths.join() !== settings.noReportMonths.join();

  const onSave = () =>
    // Awaited, not mutate's callbacks: the saved settings remount this form (it is keyed on
    // them), and mutate's callbacks never run for an unmounted form, so no message showed.
    save.mutateAsync({ code, deadlineDay, graceDays, noReportMonths }).then(
      () => message.success(t("settings.saved")),
      (error: unknown) =>
        message.error(t("settings.failed", { message: errorText(error, t, "save") })),
    );

  return (
    <div data-testid="reporting-calendar">
      <Typography.Title level={5}>{t("settings.calendar")}</Typography.Title>
      <Form.Item
        label={t("settings.deadlineDay")}
        extra={<Typography.Text type="secondary">{t("settings.deadlineDayHelp")}</Typography.Text>}
      >
        <Space.Compact>
          <Space.Addon>{t("settings.nextMonth")}</Space.Addon>
          <InputNumber
            min={CALENDAR_LIMITS.deadlineDay.min}
            max={CALENDAR_LIMITS.deadlineDay.max}
            precision={0}
            value={deadlineDay}
            onChange={(v) => setDeadlineDay(v ?? settings.deadlineDay)}
            aria-label={t("settings.deadlineDay")}
            data-testid="deadline-day"
          />
          <Space.Addon>{t("settings.dayUnit")}</Space.Addon>
        </Space.Compact>
      </Form.Item>
      <Form.Item
        label={t("settings.graceDays")}
        extra={<Typography.Text type="secondary">{t("settings.graceDaysHelp")}</Typography.Text>}
      >
        <InputNumber
          min={CALENDAR_LIMITS.graceDays.min}
          max={CALENDAR_LIMITS.graceDays.max}
          precision={0}
          value={graceDays}
          onChange={(v) => setGraceDays(v ?? settings.graceDays)}
          suffix={t("settings.days")}
          aria-label={t("settings.graceDays")}
          data-testid="grace-days"
        />
      </Form.Item>
      <Form.Item
        label={t("settings.noReportMonths")}
        extra={
          <Typography.Text type="secondary">{t("settings.noReportMonthsHelp")}</Typography.Text>
        }
      >
        <Checkbox.Group
          value={noReportMonths}
          onChange={(months) => setNoReportMonths([...months].sort((a, b) => a - b))}
          // At least one month must stay due: the last unticked month cannot be ticked.
          options={MONTHS.map((m) => ({
            value: m,
            label: formatMonth(m, language),
            disabled: full && !noReportMonths.includes(m),
          }))}
          data-testid="no-report-months"
        />
      </Form.Item>
      <Button
        type="primary"
        onClick={onSave}
        loading={save.isPending}
        disabled={!changed}
        data-testid="save-calendar"
      >
        {t("settings.saveCalendar")}
      </Button>
    </div>
  );
}
