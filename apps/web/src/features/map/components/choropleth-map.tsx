import "../map.css";
import { baseMapBounds, labelPoint, type Polygon } from "@jindu/domain";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { formatPercent } from "@/utils/format";
import type { BaseMap } from "../api/get-base-map";
import type { MapItem } from "./tile-map";
import "@/features/map/locales";

interface ChoroplethMapProps {
  map: BaseMap;
  items: readonly MapItem[];
  onSelect: (code: string) => void;
  large?: boolean;
}

/** Width of the drawing in SVG units; its height follows the map's shape. */
const WIDTH = 1000;

/**
 * The province's own approved map drawn as SVG: an equirectangular projection with longitude
 * shrunk by the cosine of the middle latitude, each region coloured by its status and labelled
 * with its name and completion; the approval number (审图号) shown below, as the law requires.
 */
export function ChoroplethMap({ map, items, onSelect, large = false }: ChoroplethMapProps) {
  const { t } = useTranslation();
  const regions = map.regions as { code: string; polygons: Polygon[] }[];
  const [west, south, east, north] = baseMapBounds(regions);
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * shrink, 1e-9);
  const scale = WIDTH / spanX;
  const height = Math.max((north - south) * scale, 1);
  const project = ([lon, lat]: [number, number]) =>
    [(lon - west) * shrink * scale, (north - lat) * scale] as const;
  const pathOf = (polygons: Polygon[]) =>
    polygons
      .flatMap((polygon) =>
        polygon.map(
          (ring) =>
            `M${ring
              .map((p) =>
                project(p)
                  .map((v) => v.toFixed(1))
                  .join(","),
              )
              .join("L")}Z`,
        ),
      )
      .join("");
  const byCode = new Map(items.map((item) => [item.code, item]));
  const fontSize = Math.max(14, Math.min(30, WIDTH / 28)) * (large ? 1.2 : 1);
  const keyed = (code: string) => (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(code);
    }
  };
  return (
    <figure className="choropleth" data-testid="choropleth">
      <svg viewBox={`-10 -10 ${WIDTH + 20} ${height + 20}`} className="choropleth-svg">
        <title>{t("map.choroplethLabel")}</title>
        {regions.map((region) => {
          const item = byCode.get(region.code);
          const status = statusKey(item?.line?.status);
          const value = formatPercent(item?.line?.completion);
          const name = item?.name ?? region.code;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
            <g
              key={region.code}
              role="button"
              tabIndex={0}
              className="choropleth-region"
              data-testid="choropleth-region"
              data-region={region.code}
              data-status={status}
              aria-label={t("map.tileLabel", { name, status: t(`status.${status}`), value })}
              onClick={() => onSelect(region.code)}
              onKeyDown={keyed(region.code)}
            >
              <path
                d={pathOf(region.polygons)}
                fill={STATUS_STYLE[status].color}
                stroke="#ffffff"
                strokeWidth={2}
                fillRule="evenodd"
              />
            </g>
          );
        })}
        {/* Labels above every shape, so that no neighbour's fill covers them. */}
        {regions.map((region) => {
          const item = byCode.get(region.code);
          const [x, y] = project(labelPoint(region));
          // The tiles' own text colour on the status colour, haloed in that colour where a
          // label crosses a border.
          const style = STATUS_STYLE[statusKey(item?.line?.status)];
          return (
            <text
              key={region.code}
              x={x}
              y={y}
              textAnchor="middle"
              className="choropleth-label"
              fill={style.text}
              stroke={style.color}
              fontSize={fontSize}
              aria-hidden
              pointerEvents="none"
            >
              <tspan x={x} dy={-fontSize * 0.15}>
                {item?.name ?? region.code}
              </tspan>
              <tspan x={x} dy={fontSize * 1.1} fontWeight={700} data-testid="choropleth-value">
                {formatPercent(item?.line?.completion)}
              </tspan>
            </text>
          );
        })}
      </svg>
      <figcaption className="approval-number" data-testid="approval-number">
        {t("map.approvalNumber", { number: map.approvalNumber })}
      </figcaption>
    </figure>
  );
}
