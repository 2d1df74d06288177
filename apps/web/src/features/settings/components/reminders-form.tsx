import { REMINDER_LIMITS } from "@jindu/domain";
import { Button, Form, InputNumber, Space, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "@/lib/error-text";
import { type ReportingSettings, useSaveReportingSettings } from "../api/settings";
import "@/features/settings/locales";
import { useMessage } from "@/lib/feedback";

/**
 * When the system itself chases and informs: the reminder before the deadline, the escalation to
 * the province after it, and the day last month's bulletin goes to the leaders.
 */
export function RemindersForm({ code, settings }: { code: string; settings: ReportingSettings }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveReportingSettings();
  const [daysBefore, setDaysBefore] = useState(settings.reminderDaysBefore);
  const [escalate, setEscalate] = useState(settings.escalateAfterDays);
  const [bulletinDay, setBulletinDay] = useState<number | null>(settings.bulletinDay);
  const changed =
    daysBefore !== settings.reminderDaysBefore ||
    escalate !== settings.escalateAfterDays ||
    bulletinDay !== settings.bulletinDay;

  const onSave = () =>
    // Awaited, not mutate's callbacks: the saved settings remount this form (it is keyed on
    // them), and mutate's callbacks never run for an unmounted form, so no message showed.
    save
      .mutateAsync({
        code,
        reminderDaysBefore: daysBefore,
        escalateAfterDays: escalate,
        bulletinDay,
      })
      .then(
        () => message.success(t("settings.saved")),
        (error: unknown) =>
          message.error(t("settings.failed", { message: errorText(error, t, "save") })),
      );

  return (
    <div data-testid="reminder-settings">
      <Typography.Title level={5}>{t("settings.reminders")}</Typography.Title>
      <Form.Item
        label={t("settings.daysBefore")}
        extra={<Typography.Text type="secondary">{t("settings.daysBeforeHelp")}</Typography.Text>}
      >
        <InputNumber
          min={REMINDER_LIMITS.daysBefore.min}
          max={REMINDER_LIMITS.daysBefore.max}
          precision={0}
          value={daysBefore}
          onChange={(v) => setDaysBefore(v ?? settings.reminderDaysBefore)}
          suffix={t("settings.days")}
          aria-label={t("settings.daysBefore")}
          data-testid="reminder-days-before"
        />
      </Form.Item>
      <Form.Item
        label={t("settings.escalateAfter")}
        extra={
          <Typography.Text type="secondary">{t("settings.escalateAfterHelp")}</Typography.Text>
        }
      >
        <InputNumber
          min={REMINDER_LIMITS.escalateAfterDays.min}
          max={REMINDER_LIMITS.escalateAfterDays.max}
          precision={0}
          value={escalate}
          onChange={(v) => setEscalate(v ?? settings.escalateAfterDays)}
          suffix={t("settings.days")}
          aria-label={t("settings.escalateAfter")}
          data-testid="escalate-after-days"
        />
      </Form.Item>
      <Form.Item
        label={t("settings.bulletinPush")}
        extra={<Typography.Text type="secondary">{t("settings.bulletinPushHelp")}</Typography.Text>}
      >
        <Space>
          <Switch
            checked={bulletinDay !== null}
            onChange={(on) => setBulletinDay(on ? (settings.bulletinDay ?? 10) : null)}
            aria-label={t("settings.bulletinPush")}
            data-testid="bulletin-push"
          />
          {bulletinDay !== null ? (
            <Space.Compact>
              <Space.Addon>{t("settings.everyMonth")}</Space.Addon>
              <InputNumber
                min={REMINDER_LIMITS.bulletinDay.min}
                max={REMINDER_LIMITS.bulletinDay.max}
                precision={0}
                value={bulletinDay}
                onChange={(v) => setBulletinDay(v ?? bulletinDay)}
                aria-label={t("settings.bulletinDay")}
                data-testid="bulletin-day"
              />
              <Space.Addon>{t("settings.dayUnit")}</Space.Addon>
            </Space.Compact>
          ) : null}
        </Space>
      </Form.Item>
      <Button
        type="primary"
        onClick={onSave}
        loading={save.isPending}
        disabled={!changed}
        data-testid="save-reminders"
      >
        {t("settings.saveReminders")}
      </Button>
    </div>
  );
}
