import type { Indicator } from "@jindu/api/schemas";
import { seasonalProfileProblem } from "@jindu/domain";
import { Alert, App, Button, Card, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useLanguage } from "@/hooks/use-language";
import { formatMonth, nameOf } from "@/utils/format";
import { useSaveProfile } from "../api/targets";
import { MONTHS } from "../utils";

const evenPace = () => MONTHS.map((m) => Number(((m / 12) * 100).toFixed(1)));
const toPercent = (profile: readonly number[]) => profile.map((f) => Number((f * 100).toFixed(2)));
const toFractions = (percents: readonly (number | null)[]) =>
  percents.map((p) => (p === null ? Number.NaN : Number((p / 100).toFixed(6))));

/** The seasonal profile of a cumulative indicator: 12 cumulative percentages and their curve. */
export function ProfilePanel({ indicator, canEdit }: { indicator: Indicator; canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (indicator.kind !== "cumulative") {
    return <Alert type="info" showIcon title={t("targets.profile.notCumulative")} />;
  }
  return (
    <Card
      size="small"
      title={t("targets.profile.title", { indicator: nameOf(indicator, language) })}
    >
      <ProfileEditor
        key={`${indicator.code}|${JSON.stringify(indicator.seasonalProfile)}`}
        indicator={indicator}
        canEdit={canEdit}
      />
    </Card>
  );
}

function ProfileEditor({ indicator, canEdit }: { indicator: Indicator; canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const save = useSaveProfile();
  const [percents, setPercents] = useState<(number | null)[]>(
    indicator.seasonalProfile ? toPercent(indicator.seasonalProfile) : evenPace(),
  );
  const problem = seasonalProfileProblem(toFractions(percents));
  const even = evenPace();
  const points = MONTHS.map((m, i) => ({
    label: formatMonth(m, language),
    profile: percents[i],
    even: even[i],
  }));

  const submit = async (profile: number[] | null) => {
    try {
      await save.mutateAsync({ code: indicator.code, profile });
      message.success(profile ? t("targets.profile.saved") : t("targets.profile.cleared"));
    } catch (error) {
      message.error(t("targets.saveFailed", { message: (error as Error).message }));
    }
  };

  return (
    <div className="targets-profile">
      <Typography.Paragraph type="secondary">
        {t("targets.profile.description")}{" "}
        {t("targets.profile.current", {
          state: indicator.seasonalProfile
            ? t("targets.profile.stateProfile")
            : t("targets.profile.stateEven"),
        })}
      </Typography.Paragraph>
      <div className="targets-profile-inputs" data-testid="profile-inputs">
        {MONTHS.map((m, i) => (
          <div key={m} className="targets-profile-month">
            <span>{formatMonth(m, language)}</span>
            <InputNumber
              aria-label={`${formatMonth(m, language)} ${t("targets.profile.share")}`}
              min={0}
              max={100}
              step={1}
              size="small"
              value={percents[i]}
              disabled={!canEdit}
              suffix="%"
              onChange={(value) =>
                setPercents((current) => current.map((p, j) => (j === i ? (value ?? null) : p)))
              }
            />
          </div>
        ))}
      </div>
      {problem ? <Alert type="error" showIcon title={problem} className="targets-check" /> : null}
      <div className="targets-profile-chart" data-testid="profile-chart">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis width={44} domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
            <Tooltip formatter={(v) => `${v}%`} />
            <Legend />
            <Line
              type="monotone"
              dataKey="even"
              name={t("targets.profile.even")}
              stroke="#999999"
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="profile"
              name={t("targets.profile.profileLine")}
              stroke="#0072B2"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {canEdit ? (
        <Space wrap>
          <Button
            type="primary"
            data-testid="profile-save"
            disabled={problem !== null}
            loading={save.isPending}
            onClick={() => submit(toFractions(percents))}
          >
            {t("targets.save")}
          </Button>
          <Button onClick={() => setPercents(evenPace())}>{t("targets.profile.useEven")}</Button>
          <Button disabled={!indicator.seasonalProfile} onClick={() => submit(null)}>
            {t("targets.profile.clear")}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary" data-testid="profile-national-only">
          {t("targets.profile.nationalOnly")}
        </Typography.Text>
      )}
    </div>
  );
}
