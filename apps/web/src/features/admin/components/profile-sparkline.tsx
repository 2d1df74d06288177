import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { formatPercent } from "@/utils/format";
import "@/features/admin/locales";

const WIDTH = 72;
const HEIGHT = 22;

/** A seasonal profile as a tiny line against the even pace (dashed); none means an even pace. */
export function ProfileSparkline({ profile }: { profile: number[] | null }) {
  const { t } = useTranslation();
  if (!profile) {
    return <span className="admin-muted">{t("admin.indicators.evenPace")}</span>;
  }
  const x = (month: number) => (month / 12) * WIDTH;
  const y = (share: number) => HEIGHT - share * HEIGHT;
  const points = [`0,${HEIGHT}`, ...profile.map((share, i) => `${x(i + 1)},${y(share)}`)].join(" ");
  const title = (
    <div>
      <div>{t("admin.indicators.profileTitle")}</div>
      <div>{profile.map((share, i) => `${i + 1}: ${formatPercent(share)}`).join(" · ")}</div>
    </div>
  );
  return (
    <Tooltip title={title}>
      <svg
        className="admin-sparkline"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t("admin.indicators.profile")}
        data-testid="profile-sparkline"
      >
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={0} stroke="#999" strokeDasharray="2 2" />
        <polyline points={points} fill="none" stroke="#0072B2" strokeWidth={1.5} />
      </svg>
    </Tooltip>
  );
}
