import { provinceOf } from "@jindu/domain";
import { Card, Divider, Form, Select, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import type { SessionUser } from "@/lib/auth";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import { useReportingSettings, useSaveReportingSettings } from "../api/settings";
import { CalendarForm } from "./calendar-form";
import { RemindersForm } from "./reminders-form";
import "@/features/settings/locales";
import { useMessage } from "@/lib/feedback";

/**
 * A province's reporting rules, for its officials: a provincial official sees its own province,
 * a national official chooses one.
 */
export function ReportingCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const regions = useRegions();
  const provinces = regions.data?.regions ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const code = user.regionCode
    ? provinceOf(user.regionCode)
    : (chosen ?? provinces[0]?.code ?? null);
  const province = provinces.find((p) => p.code === code);
  const settings = useReportingSettings(code);
  const save = useSaveReportingSettings();

  return (
    <Card
      size="small"
      title={
        province
          ? t("settings.reportingOf", { name: nameOf(province, language) })
          : t("settings.reporting")
      }
      data-testid="reporting-settings"
    >
      {user.regionCode === null ? (
        <Form.Item label={t("settings.province")}>
          <Select
            value={code}
            onChange={setChosen}
            style={{ width: 240 }}
            options={provinces.map((p) => ({ value: p.code, label: nameOf(p, language) }))}
            data-testid="settings-province"
          />
        </Form.Item>
      ) : null}
      <QueryState query={settings}>
        {(data) => (
          <>
            <Form.Item
              label={t("settings.allowPartial")}
              extra={
                <Typography.Text type="secondary">{t("settings.allowPartialHelp")}</Typography.Text>
              }
            >
              <Switch
                checked={data.allowPartialMonths}
                loading={save.isPending}
                checkedChildren={t("settings.on")}
                unCheckedChildren={t("settings.off")}
                data-testid="allow-partial"
                onChange={(allowPartialMonths) =>
                  code &&
                  save.mutate(
                    { code, allowPartialMonths },
                    {
                      onSuccess: () => message.success(t("settings.saved")),
                      onError: (error) =>
                        message.error(
                          t("settings.failed", { message: errorText(error, t, "save") }),
                        ),
                    },
                  )
                }
              />
            </Form.Item>
            {code ? (
              // Keyed so that another province, or what the server saved, starts the form afresh.
              <>
                <CalendarForm key={`${code}:${JSON.stringify(data)}`} code={code} settings={data} />
                <Divider />
                <RemindersForm
                  key={`reminders:${code}:${JSON.stringify(data)}`}
                  code={code}
                  settings={data}
                />
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </Card>
  );
}
