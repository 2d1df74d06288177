import "../map.css";
import type { ProgressLine } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import { statusIcon } from "@/components/ui/status-tag";
import { STATUS_STYLE, statusKey } from "@/config/status";
import { formatPercent } from "@/utils/format";
import { type GridCell, placeOnGrid } from "../grid-positions";
import "@/features/map/locales";

export interface MapItem {
  code: string;
  /** The short name shown on the tile (杭州). */
  name: string;
  /** The region's progress on the map's indicator; null when it has none. */
  line: ProgressLine | null;
}

interface TileMapProps {
  items: readonly MapItem[];
  table: Record<string, GridCell> | undefined;
  onSelect: (code: string) => void;
  /** The cockpit's wall display draws bigger tiles. */
  large?: boolean;
}

/**
 * One equal square per region, placed roughly as the regions lie, coloured by status: a map that
 * needs no boundaries. Each tile is a button (status in words too, for screen readers).
 */
export function TileMap({ items, table, onSelect, large = false }: TileMapProps) {
  const { t } = useTranslation();
  const { placed, cols, rows } = placeOnGrid(items, table);
  return (
    <div
      className={large ? "tile-map tile-map-large" : "tile-map"}
      data-testid="tile-map"
      style={{
        gridTemplateColumns: `repeat(${cols}, var(--tile-size))`,
        gridTemplateRows: `repeat(${rows}, var(--tile-size))`,
      }}
    >
      {placed.map(({ code, col, row, item }) => {
        const status = statusKey(item.line?.status);
        const style = STATUS_STYLE[status];
        const value = formatPercent(item.line?.completion);
        return (
          <button
            key={code}
            type="button"
            className="map-tile"
            data-testid="map-tile"
            data-region={code}
            data-status={status}
            style={{
              gridColumn: col + 1,
              gridRow: row + 1,
              background: style.color,
              color: style.text,
            }}
            onClick={() => onSelect(code)}
          >
            {/* Named by what it shows, the status in words between (axe: the visible text
                must be part of the name). */}
            <span
              className={
                item.name.length > 9 ? "map-tile-name map-tile-name-long" : "map-tile-name"
              }
            >
              {item.name}
            </span>
            <span className="sr-only">
              {t("map.tileStatus", { status: t(`status.${status}`) })}
            </span>
            <span className="map-tile-value" data-testid="map-tile-value">
              {value}
            </span>
            <span className="map-tile-icon" aria-hidden>
              {statusIcon(status)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
