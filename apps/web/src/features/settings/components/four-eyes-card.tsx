import { Card, Switch, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { useLanguage } from "@/hooks/use-language";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import { type ProvinceSetting, useProvinceSettings, useSetFourEyes } from "../api/settings";
import "@/features/settings/locales";
import { useMessage } from "@/lib/feedback";

/** Four eyes on each province's approvals: the security officer's setting. */
export function FourEyesCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const settings = useProvinceSettings(true);
  const setFourEyes = useSetFourEyes();

  return (
    <Card size="small" title={t("settings.fourEyes")} data-testid="four-eyes-settings">
      <Typography.Paragraph type="secondary">{t("settings.fourEyesHelp")}</Typography.Paragraph>
      <QueryState query={settings}>
        {(data) => (
          <Table<ProvinceSetting>
            size="small"
            rowKey="regionCode"
            pagination={false}
            dataSource={data.provinces}
            columns={[
              {
                key: "province",
                title: t("settings.province"),
                render: (_, p) => nameOf(p, language),
              },
              {
                key: "fourEyes",
                title: t("settings.fourEyes"),
                render: (_, p) => (
                  <Switch
                    checked={p.fourEyes}
                    checkedChildren={t("settings.on")}
                    unCheckedChildren={t("settings.off")}
                    data-testid={`four-eyes-${p.regionCode}`}
                    onChange={(fourEyes) =>
                      setFourEyes.mutate(
                        { code: p.regionCode, fourEyes },
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
                ),
              },
              {
                key: "updatedBy",
                title: t("settings.updatedBy"),
                render: (_, p) => p.updatedBy ?? "—",
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
