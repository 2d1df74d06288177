import type { Indicator, ProvinceProfile } from "@jindu/api/schemas";
import { seasonalProfileProblem } from "@jindu/domain";
import { Alert, Button, Card, InputNumber, Segmented, Space, Spin, Typography } from "antd";
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
import type { RegionEntry } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { formatMonth, nameOf } from "@/utils/format";
import { useProfiles, useSaveProfile, useSaveProvinceProfile } from "../api/targets";
import { MONTHS } from "../utils";
import "@/features/targets/locales";
import { useMessage } from "@/lib/feedback";

const evenPace = () => MONTHS.map((m) => Number(((m / 12) * 100).toFixed(1)));
const toPercent = (profile: readonly number[]) => profile.map((f) => Number((f * 100).toFixed(2)));
const toFractions = (percents: readonly (number | null)[]) =>
  percents.map((p) => (p === null ? Number.NaN : Number((p / 100).toFixed(6))));

/**
 * The seasonal profile of a cumulative indicator: 12 cumulative percentages and their curve.
 * The national profile is only a default: a province's officials set their province's own
 * (northern provinces stop building in winter), shown beside the national one; a national
 * official sets the national profile, or any province's.
 */
export function ProfilePanel({
  indicator,
  province,
  canEdit,
}: {
  indicator: Indicator;
  /** The province of the region chosen on the screen. */
  province: RegionEntry | undefined;
  /** The user is a provincial-role official (who sets targets). */
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const profiles = useProfiles(indicator.code);
  const national = user.regionCode === null;
  // Someone within a province sees and sets their province's profile; a national official
  // chooses between the national default and the chosen region's province.
  const [scope, setScope] = useState<"national" | "province">(national ? "national" : "province");
  if (indicator.kind !== "cumulative") {
    return <Alert type="info" showIcon title={t("targets.profile.notCumulative")} />;
  }
  const inProvince = scope === "province" && province !== undefined;
  const own = inProvince
    ? (profiles.data?.provinces.find((p) => p.province === province.code) ?? null)
    : null;
  const nationalProfile = profiles.data?.national ?? indicator.seasonalProfile;
  return (
    <Card
      size="small"
      title={t("targets.profile.title", { indicator: nameOf(indicator, language) })}
      extra={
        national && province ? (
          <Segmented
            data-testid="profile-scope"
            value={scope}
            onChange={(value) => setScope(value as "national" | "province")}
            options={[
              { value: "national", label: t("targets.profile.scopeNational") },
              { value: "province", label: nameOf(province, language) },
            ]}
          />
        ) : null
      }
    >
      {profiles.isPending ? (
        <Spin />
      ) : inProvince ? (
        <ProfileEditor
          key={`${indicator.code}|${province.code}|${JSON.stringify(own?.profile ?? null)}`}
          indicator={indicator}
          national={nationalProfile}
          province={{ code: province.code, name: nameOf(province, language), own }}
          canEdit={canEdit}
        />
      ) : (
        <ProfileEditor
          key={`${indicator.code}|${JSON.stringify(nationalProfile)}`}
          indicator={indicator}
          national={nationalProfile}
          province={null}
          canEdit={canEdit && national}
        />
      )}
    </Card>
  );
}

interface EditorProps {
  indicator: Indicator;
  /** The national default; null: an even pace. */
  national: readonly number[] | null;
  /** The province whose own profile is edited; null: the national profile is. */
  province: { code: string; name: string; own: ProvinceProfile | null } | null;
  canEdit: boolean;
}

function ProfileEditor({ indicator, national, province, canEdit }: EditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const saveNational = useSaveProfile();
  const saveProvince = useSaveProvinceProfile();
  const save = province ? saveProvince : saveNational;
  const shown = province ? (province.own?.profile ?? national) : national;
  const [percents, setPercents] = useState<(number | null)[]>(
    shown ? toPercent(shown) : evenPace(),
  );
  const problem = seasonalProfileProblem(toFractions(percents));
  const even = evenPace();
  const nationalPercents = national ? toPercent(national) : null;
  const points = MONTHS.map((m, i) => ({
    label: formatMonth(m, language),
    profile: percents[i],
    even: even[i],
    national: nationalPercents?.[i] ?? null,
  }));

  const submit = async (profile: number[] | null) => {
    try {
      if (province) {
        await saveProvince.mutateAsync({ code: indicator.code, province: province.code, profile });
        message.success(
          profile ? t("targets.profile.savedProvince") : t("targets.profile.resetDone"),
        );
      } else {
        await saveNational.mutateAsync({ code: indicator.code, profile });
        message.success(profile ? t("targets.profile.saved") : t("targets.profile.cleared"));
      }
    } catch (error) {
      message.error(t("targets.saveFailed", { message: (error as Error).message }));
    }
  };

  const state = province
    ? province.own
      ? t("targets.profile.stateProvince", { province: province.name })
      : national
        ? t("targets.profile.stateNationalDefault")
        : t("targets.profile.stateEven")
    : national
      ? t("targets.profile.stateProfile")
      : t("targets.profile.stateEven");

  return (
    <div className="targets-profile">
      <Typography.Paragraph type="secondary">
        {t("targets.profile.description")}{" "}
        <span data-testid="profile-state">{t("targets.profile.current", { state })}</span>
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
            {province && nationalPercents ? (
              <Line
                type="monotone"
                dataKey="national"
                name={t("targets.profile.nationalLine")}
                stroke="#E69F00"
                strokeDasharray="2 3"
                dot={false}
                isAnimationActive={false}
              />
            ) : null}
            <Line
              type="monotone"
              dataKey="profile"
              name={
                province
                  ? t("targets.profile.provinceLine", { province: province.name })
                  : t("targets.profile.profileLine")
              }
              stroke="#0072B2"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {canEdit && province ? (
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
          <Button onClick={() => setPercents(national ? toPercent(national) : evenPace())}>
            {t("targets.profile.useNational")}
          </Button>
          <Button onClick={() => setPercents(evenPace())}>{t("targets.profile.useEven")}</Button>
          <Button data-testid="profile-reset" disabled={!province.own} onClick={() => submit(null)}>
            {t("targets.profile.reset")}
          </Button>
        </Space>
      ) : canEdit ? (
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
          <Button disabled={!national} onClick={() => submit(null)}>
            {t("targets.profile.clear")}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary" data-testid="profile-national-only">
          {province ? t("targets.profile.provinceOnly") : t("targets.profile.nationalOnly")}
        </Typography.Text>
      )}
    </div>
  );
}
