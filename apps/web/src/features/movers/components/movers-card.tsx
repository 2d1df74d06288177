import type { MoversResponse } from "@jindu/api/schemas";
import { Card, Col, Empty, Row, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusTag } from "@/components/ui/status-tag";
import { paths } from "@/config/paths";
import { statusKey } from "@/config/status";
import { KindTag } from "@/features/supervision/components/record-bits";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import { formatPoints, nameOf } from "@/utils/format";
import { useMovers } from "../api/get-movers";
import "@/features/movers/locales";

type Move = MoversResponse["gains"][number];
type Turn = MoversResponse["turnedRed"][number];

const SHOWN = 6;

/** One list of the card: its first lines, and how many more there are. */
function Section<T>(props: {
  title: string;
  testId: string;
  items: T[];
  render: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.items.length === 0) return null;
  const more = props.items.length - SHOWN;
  return (
    <Col xs={24} md={12} xl={8} data-testid={props.testId}>
      <h4 className="movers-heading">
        {props.title} <span className="muted">{props.items.length}</span>
      </h4>
      <ul className="movers-list">{props.items.slice(0, SHOWN).map(props.render)}</ul>
      {more > 0 ? <div className="muted">{t("movers.more", { count: more })}</div> : null}
    </Col>
  );
}

/**
 * What changed since last month under the region (本月变动): rank gains and falls, lines newly
 * red and back on schedule, supervision opened; each line opens the region's detail. Nothing
 * when the region has no sub-regions to compare.
 */
export function MoversCard({
  region,
  year,
  month,
}: {
  region: string;
  year: number;
  month: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { hrefTo } = useDashboardParams();
  const movers = useMovers({ region, year, month });
  const data = movers.data;
  if (!data) return null;
  const link = (x: { region: Move["region"]; indicator: Move["indicator"] }) => (
    <Link to={hrefTo(paths.region, { region: x.region.code, indicator: x.indicator.code })}>
      {nameOf(x.region, language)} · {nameOf(x.indicator, language)}
    </Link>
  );
  const move = (m: Move) => (
    <li key={`${m.indicator.code}:${m.region.code}`} data-testid="mover">
      <span className={m.places > 0 ? "movers-up" : "movers-down"}>
        {t(m.places > 0 ? "movers.places_up" : "movers.places_down", {
          count: Math.abs(m.places),
        })}
      </span>
      {link(m)}
      <span className="muted">
        {t("movers.rankNow", { rank: m.rank })} · {formatPoints(m.lagChangePp, language)}
      </span>
    </li>
  );
  const turn = (x: Turn) => (
    <li key={`${x.indicator.code}:${x.region.code}`} data-testid="mover-turn">
      <StatusTag status={statusKey(x.from)} compact />
      <span aria-hidden="true">→</span>
      <StatusTag status={statusKey(x.to)} compact />
      {link(x)}
    </li>
  );
  const empty =
    data.gains.length +
      data.falls.length +
      data.turnedRed.length +
      data.recovered.length +
      data.newSupervision.length ===
    0;
  return (
    <Card
      size="small"
      className="movers-card"
      data-testid="movers"
      title={
        <Tooltip title={t("movers.hint")}>
          <span>{t("movers.title")}</span>
        </Tooltip>
      }
      extra={
        <span className="muted">
          {t("movers.since", { year: data.previous.year, month: data.previous.month })}
        </span>
      }
    >
      {empty ? (
        <Empty description={t("movers.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Row gutter={[24, 8]}>
          <Section
            title={t("movers.gains")}
            testId="movers-gains"
            items={data.gains}
            render={move}
          />
          <Section
            title={t("movers.falls")}
            testId="movers-falls"
            items={data.falls}
            render={move}
          />
          <Section
            title={t("movers.turnedRed")}
            testId="movers-red"
            items={data.turnedRed}
            render={turn}
          />
          <Section
            title={t("movers.recovered")}
            testId="movers-recovered"
            items={data.recovered}
            render={turn}
          />
          <Section
            title={t("movers.newSupervision")}
            testId="movers-supervision"
            items={data.newSupervision}
            render={(s) => (
              <li key={s.id}>
                <KindTag kind={s.kind} />
                <Link to={`${paths.supervision}?record=${s.id}`}>{nameOf(s.region, language)}</Link>
                <span className="muted">{s.heldOn}</span>
              </li>
            )}
          />
        </Row>
      )}
    </Card>
  );
}
