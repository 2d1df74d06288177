import type { BulletinRankingRow } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import "@/features/bulletin/locales";

/** The chart's width fits an A4 page's text width, so that it prints as it shows. */
const WIDTH = 640;
const HEIGHT = 210;

/** Each region's overall score, best first, coloured by its worst status. */
export function ScoreChart({ ranking }: { ranking: BulletinRankingRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const data = ranking
    .filter((row) => row.score !== null)
    .map((row) => ({
      code: row.region.code,
      name: nameOf(row.region, language),
      score: Math.round((row.score as number) * 10) / 10,
      status: statusKey(row.worst),
    }));
  if (data.length === 0) return null;
  // The axis starts at 0: bars whose length is not the score would overstate small differences.
  const ticks = [0, 20, 40, 60, 80, 100];
  return (
    <figure className="bulletin-chart" data-testid="bulletin-chart">
      <figcaption>{t("bulletin.chart")}</figcaption>
      <BarChart
        width={WIDTH}
        height={HEIGHT}
        data={data}
        margin={{ top: 16, right: 8, bottom: 4, left: 0 }}
        role="img"
        aria-label={t("bulletin.chart")}
      >
        <CartesianGrid vertical={false} stroke="#e8e8e8" />
        <XAxis
          dataKey="name"
          interval={0}
          angle={-40}
          textAnchor="end"
          height={language === "en" ? 62 : 46}
          tick={{ fontSize: 10 }}
        />
        <YAxis domain={[0, 100]} ticks={ticks} tick={{ fontSize: 10 }} width={32} />
        <Bar dataKey="score" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.code} fill={STATUS_STYLE[d.status].color} />
          ))}
          <LabelList dataKey="score" position="top" style={{ fontSize: 8, fill: "#595959" }} />
        </Bar>
      </BarChart>
    </figure>
  );
}
