import "@/features/comparison/standings.css";
import type { ComparisonLine, ProgressResponse, Quality } from "@jindu/api/schemas";
import { Card, Col, Row, Table, type TableColumnsType, Tag, Tooltip } from "antd";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { formatPercent, formatPoints, nameOf } from "@/utils/format";
import "@/features/comparison/locales";

interface StandingsPanelProps {
  data: ProgressResponse;
  hrefFor: (regionCode: string) => string;
}

/** ↑3 / ↓2 / – : places gained since last month; a dash with a reason when there is no change. */
export function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) {
    return (
      <span className="rank-change rank-change-none" title={t("standings.noPrevious")}>
        —
      </span>
    );
  }
  const label =
    change > 0
      ? t("standings.up", { count: change })
      : change < 0
        ? t("standings.down", { count: -change })
        : t("standings.same");
  const text = change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : "–";
  const kind = change > 0 ? "up" : change < 0 ? "down" : "same";
  return (
    <span className={`rank-change rank-change-${kind}`} title={label}>
      <span aria-hidden>{text}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** Change in percentage points, "+1.2 个百分点" / "+1.2 pp"; a dash without last month's figures. */
function PointsChange({ points }: { points: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (points === null) {
    return (
      <span className="points-change muted" title={t("standings.noPrevious")}>
        —
      </span>
    );
  }
  // Below a twentieth of a point it reads as no change, not as "+0.0".
  const shown = Math.abs(points) < 0.05 ? 0 : points;
  return (
    <span
      className={`points-change ${shown > 0 ? "points-up" : shown < 0 ? "points-down" : ""}`}
      data-points={points}
    >
      {formatPoints(shown, language)}
    </span>
  );
}

/** Good, fair, poor: dark text on a light ground, legible at the tag's small size (WCAG AA). */
const qualityBand = (score: number | null) =>
  score === null ? "none" : score >= 90 ? "good" : score >= 75 ? "fair" : "poor";

/** The region's data-quality score as a small tag; its tooltip says what it is made of. */
export function QualityTag({ quality, code }: { quality: Quality; code: string }) {
  const { t } = useTranslation();
  const r = quality.record;
  const tip =
    quality.score === null
      ? t("standings.qualityTipNone")
      : t("standings.qualityTip", {
          score: quality.score,
          reported: r.monthsReported,
          onTime: r.monthsOnTime,
          due: r.monthsDue,
          corrections: r.correctionsAfterApproval,
          unexplained: r.unexplainedWarnings,
          warnings: r.warnings,
        });
  return (
    <Tooltip title={tip}>
      <Tag
        className={`quality-tag quality-${qualityBand(quality.score)}`}
        data-testid={`quality-${code}`}
        data-score={quality.score ?? ""}
        tabIndex={0}
      >
        {quality.score === null
          ? t("standings.qualityNone")
          : t("standings.qualityShort", { score: quality.score })}
      </Tag>
    </Tooltip>
  );
}

type Ranking = "completion" | "lag";

function RankingTable({
  lines,
  by,
  hrefFor,
}: {
  lines: ComparisonLine[];
  by: Ranking;
  hrefFor: (code: string) => string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rankOf = (l: ComparisonLine) =>
    by === "completion" ? l.standing.completionRank : l.standing.lagRank;
  const sorted = [...lines].sort(
    (a, b) =>
      (rankOf(a) ?? Number.POSITIVE_INFINITY) - (rankOf(b) ?? Number.POSITIVE_INFINITY) ||
      a.region.code.localeCompare(b.region.code),
  );
  const columns: TableColumnsType<ComparisonLine> = [
    {
      key: "rank",
      title: t("standings.rank"),
      width: 56,
      align: "right",
      render: (_, l) => <strong>{rankOf(l) ?? "—"}</strong>,
    },
    {
      key: "move",
      title: <span className="sr-only">{t("standings.change")}</span>,
      width: 44,
      render: (_, l) => (
        <RankChange
          change={by === "completion" ? l.standing.completionRankChange : l.standing.lagRankChange}
        />
      ),
    },
    {
      key: "region",
      title: t("standings.region"),
      render: (_, l) => (
        <span className="region-cell">
          <StatusTag status={statusKey(l.status)} compact />
          <Link to={hrefFor(l.region.code)}>{nameOf(l.region, language)}</Link>
          {by === "completion" && l.standing.completedAll ? (
            <Tag color="blue" data-testid={`completed-all-${l.region.code}`}>
              {t("standings.completedAll")}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: "value",
      title: by === "completion" ? t("standings.completion") : t("standings.lag"),
      align: "right",
      render: (_, l) =>
        by === "completion" ? formatPercent(l.completion) : formatPoints(l.lag, language),
    },
    {
      key: "change",
      title: t("standings.change"),
      align: "right",
      render: (_, l) => (
        <PointsChange
          points={by === "completion" ? l.standing.completionChangePp : l.standing.lagChangePp}
        />
      ),
    },
    {
      key: "quality",
      title: t("standings.quality"),
      align: "center",
      render: (_, l) => <QualityTag quality={l.quality} code={l.region.code} />,
    },
  ];
  return (
    <Table<ComparisonLine>
      data-testid={`ranking-${by}`}
      size="small"
      rowKey={(l) => l.region.code}
      rowClassName={(l) =>
        l.standing.fast ? "ranking-fast" : l.standing.slow ? "ranking-slow" : ""
      }
      onRow={(l) => ({ "data-region": l.region.code }) as HTMLAttributes<HTMLElement>}
      columns={columns}
      dataSource={sorted}
      pagination={false}
      scroll={{ x: "max-content" }}
    />
  );
}

/** A fast-five or slow-five list: the regions in order with their completion. */
function FiveList({
  codes,
  lines,
  kind,
}: {
  codes: string[];
  lines: ComparisonLine[];
  kind: "fast" | "slow";
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const byCode = new Map(lines.map((l) => [l.region.code, l]));
  return (
    <div className={`five-list five-${kind}`} data-testid={`${kind}-five`}>
      <span className="five-title">{t(`standings.${kind}`)}</span>
      {codes.length === 0 ? (
        <span className="muted">{t("standings.none")}</span>
      ) : (
        <ol>
          {codes.map((code) => {
            const l = byCode.get(code);
            if (!l) return null;
            return (
              <li key={code} data-region={code}>
                <span className="five-rank">{l.standing.completionRank}</span>
                {nameOf(l.region, language)}
                <span className="muted">{formatPercent(l.completion)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/**
 * Both rankings side by side, as the ministry's monthly release shows its own (by completion of
 * the annual plan, with fast and slow five and 全部完成) and as provinces judge their units (by
 * pace against the schedule), each with the change since last month and the data quality.
 */
export function StandingsPanel({ data, hrefFor }: StandingsPanelProps) {
  const { t } = useTranslation();
  const since = t("standings.since", data.previous);
  return (
    <Card
      size="small"
      className="standings-panel"
      data-testid="standings"
      title={t("standings.title")}
      extra={<span className="muted">{since}</span>}
    >
      <div className="five-lists">
        <FiveList codes={data.fast} lines={data.children} kind="fast" />
        <FiveList codes={data.slow} lines={data.children} kind="slow" />
        <span className="muted five-hint">{t("standings.fastSlowHint")}</span>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <div className="ranking-head">
            <strong>{t("standings.byCompletion")}</strong>
            <span className="muted">{t("standings.byCompletionHint")}</span>
          </div>
          <RankingTable lines={data.children} by="completion" hrefFor={hrefFor} />
        </Col>
        <Col xs={24} xl={12}>
          <div className="ranking-head">
            <strong>{t("standings.byLag")}</strong>
            <span className="muted">{t("standings.byLagHint")}</span>
          </div>
          <RankingTable lines={data.children} by="lag" hrefFor={hrefFor} />
        </Col>
      </Row>
    </Card>
  );
}
