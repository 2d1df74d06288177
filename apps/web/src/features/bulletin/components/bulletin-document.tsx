import type { BulletinResponse } from "@jindu/api/schemas";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { StatusLegend } from "@/components/ui/status-legend";
import { useLanguage } from "@/hooks/use-language";
import type { Language } from "@/lib/i18n";
import { formatPercent, nameOf } from "@/utils/format";
import { formatDate } from "../format";
import { IndicatorTable } from "./indicator-table";
import { LaggingList } from "./lagging-list";
import { RankingTable } from "./ranking-table";
import { ReportingList } from "./reporting-list";
import { ScoreChart } from "./score-chart";
import "@/features/bulletin/locales";

const MONTH_NAMES = new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" });
const monthName = (month: number) => MONTH_NAMES.format(new Date(Date.UTC(2000, month - 1, 1)));

/** The document's title in two parts: who issues it, and what it is. */
export function bulletinTitle(bulletin: BulletinResponse, t: TFunction, language: Language) {
  const { region, year, month } = bulletin;
  const issuer = t(
    region.level === "province" ? "bulletin.issuerProvince" : "bulletin.issuerOther",
    {
      region: nameOf(region, language),
    },
  );
  const heading = t(month === 1 ? "bulletin.headingJanuary" : "bulletin.heading", {
    year,
    month,
    monthName: monthName(month),
  });
  return { issuer, heading };
}

function Summary({ bulletin }: { bulletin: BulletinResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { summary, ranking, month } = bulletin;
  const names = (rows: typeof ranking) =>
    rows.map((r) => nameOf(r.region, language)).join(t("bulletin.listSeparator"));
  const ranked = ranking.filter((r) => r.rank !== null);
  const lastRank = ranked.at(-1)?.rank;
  const first = names(ranked.filter((r) => r.rank === 1));
  const last = names(ranked.filter((r) => r.rank === lastRank));
  const { statuses, regions, reporting } = summary;
  const childLevel = ranking[0]?.region.level === "county" ? "levelCounty" : "levelCity";
  return (
    <div className="bulletin-summary" data-testid="bulletin-summary">
      <p>
        {t("bulletin.summaryIndicators", {
          month,
          monthName: monthName(month),
          region: nameOf(bulletin.region, language),
          indicators: summary.indicators,
          completed: statuses.completed,
          green: statuses.green,
          behind: statuses.yellow + statuses.red,
          red: statuses.red,
        })}
      </p>
      {ranking.length > 0 ? (
        <p>
          {t("bulletin.summaryRegions", {
            total: ranking.length,
            level: t(`bulletin.${childLevel}`),
            behindRegions: regions.yellow + regions.red,
            lines: summary.laggingLines,
            first: first || "—",
            last: last || "—",
          })}
        </p>
      ) : null}
      {reporting.total > 0 ? (
        <p>
          {t("bulletin.summaryReporting", {
            ...reporting,
            reportingRate: formatPercent(reporting.reportingRate),
            timelyRate: formatPercent(reporting.timelyRate),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** The bulletin as a document: what prints on A4, and what the screen shows as a page. */
export function BulletinDocument({ bulletin }: { bulletin: BulletinResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { issuer, heading } = bulletinTitle(bulletin, t, language);
  const hasFigures = bulletin.indicators.some((x) => x.line?.actual != null);
  return (
    <article className="bulletin-doc" data-testid="bulletin-document">
      <header className="bulletin-head">
        <h1 className="bulletin-title" data-testid="bulletin-title">
          <span className="bulletin-issuer">{issuer}</span> <span>{heading}</span>
        </h1>
        <p className="bulletin-meta">
          {t(bulletin.due ? "bulletin.meta" : "bulletin.metaNotDue", {
            year: bulletin.year,
            month: bulletin.month,
            monthName: monthName(bulletin.month),
            deadline: formatDate(bulletin.deadline, language),
          })}
        </p>
      </header>

      {hasFigures ? (
        <>
          <section className="bulletin-section">
            <h2>{t("bulletin.sections.summary")}</h2>
            <Summary bulletin={bulletin} />
            {bulletin.ranking.length > 0 ? <ScoreChart ranking={bulletin.ranking} /> : null}
          </section>

          <section className="bulletin-section">
            <h2>{t("bulletin.sections.indicators")}</h2>
            <IndicatorTable indicators={bulletin.indicators} />
            <div className="bulletin-legend">
              <StatusLegend />
            </div>
          </section>

          <section className="bulletin-section">
            <h2>{t("bulletin.sections.ranking")}</h2>
            <RankingTable ranking={bulletin.ranking} />
          </section>

          <section className="bulletin-section">
            <h2>{t("bulletin.sections.lagging")}</h2>
            <LaggingList items={bulletin.lagging} />
          </section>
        </>
      ) : (
        // Nothing approved yet: one sentence rather than tables of dashes; who has not reported
        // still matters.
        <section className="bulletin-section">
          <p className="bulletin-no-figures" data-testid="bulletin-no-figures">
            {t("bulletin.noFigures")}
          </p>
        </section>
      )}

      <section className="bulletin-section">
        <h2>
          {t(hasFigures ? "bulletin.sections.reporting" : "bulletin.sections.reportingAlone")}
        </h2>
        <ReportingList bulletin={bulletin} ranked={hasFigures} />
      </section>

      <footer className="bulletin-foot">
        <p>{t("bulletin.scoreNote")}</p>
        <p className="bulletin-issued">
          {t("bulletin.issued", { date: formatDate(new Date(), language) })}
        </p>
      </footer>
    </article>
  );
}
