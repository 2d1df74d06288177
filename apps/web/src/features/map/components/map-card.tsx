import { provinceOf } from "@jindu/domain";
import { Card, Segmented, Select, Space } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "@/components/ui/query-state";
import { useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import { useBaseMap } from "../api/get-base-map";
import { useMapLines } from "../api/get-map-lines";
import { CITY_GRID, cityItems, PROVINCE_GRID } from "../grid-positions";
import { ChoroplethMap } from "./choropleth-map";
import { type MapItem, TileMap } from "./tile-map";
import "@/features/map/locales";

// Only officials who may upload see it: its dialog and form are not part of every overview's code.
const BaseMapUpload = lazy(() =>
  import("./base-map-upload").then((module) => ({ default: module.BaseMapUpload })),
);

interface IndicatorChoice {
  code: string;
  nameZh: string;
  nameEn: string;
}

interface MapCardProps {
  /** The province the overview shows. */
  region: string;
  year: number;
  month: number;
  indicators: readonly IndicatorChoice[];
  /** The chosen indicator (the address's), else the first. */
  indicator: string | undefined;
  onIndicator: (code: string) => void;
  /** Where a city's tile leads (its detail), and a province's (its overview). */
  cityHref: (code: string, indicator: string) => string;
  provinceHref: (code: string) => string;
  cockpitHref: string;
  navigate: (href: string) => void;
}

/**
 * The overview's map: each city of the province (or, for national accounts, each province) as a
 * tile coloured by its status on one indicator, or the province's own approved map when it has
 * uploaded one. A click opens the region.
 */
export function MapCard(props: MapCardProps) {
  const { region, year, month, indicators } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const regions = useRegions();
  const national = user.regionCode === null;
  const [scope, setScope] = useState<"province" | "country">("province");
  const indicator = props.indicator ?? indicators[0]?.code;
  const province = provinceOf(region);
  const showCountry = national && scope === "country";
  const provinces = (regions.data?.regions ?? []).map((r) => r.code);
  const lines = useMapLines(
    {
      indicator: indicator ?? "",
      province: showCountry ? null : province,
      provinces,
      year,
      month,
    },
    indicator !== undefined && (!showCountry || provinces.length > 0),
  );
  const baseMap = useBaseMap(showCountry ? null : province);
  const [view, setView] = useState<"tiles" | "base">("base");
  const map = baseMap.data?.map ?? null;
  const drawBase = !showCountry && map !== null && view === "base";
  const canUpload =
    (user.role === "province" && (user.regionCode === null || user.regionCode === province)) ||
    user.role === "admin";
  const provinceNode = regions.data?.regions.find((r) => r.code === province);
  const provinceName = provinceNode ? nameOf(provinceNode, language) : province;
  const chosen = indicators.find((i) => i.code === indicator);

  const itemsOf = (): MapItem[] => {
    const data = lines.data?.lines ?? [];
    if (showCountry) {
      const byCode = new Map(data.map((line) => [line.region.code, line]));
      return Object.entries(PROVINCE_GRID).map(([code, cell]) => ({
        code,
        name: language === "en" ? cell.en : cell.zh,
        line: byCode.get(code) ?? null,
      }));
    }
    return cityItems(data, province, language);
  };
  const select = (code: string) =>
    props.navigate(showCountry ? props.provinceHref(code) : props.cityHref(code, indicator ?? ""));

  return (
    <Card
      size="small"
      className="map-card"
      data-testid="map-card"
      title={chosen ? `${t("map.title")} · ${nameOf(chosen, language)}` : t("map.title")}
      extra={
        <Space wrap size={8}>
          <Select
            size="small"
            className="map-indicator"
            aria-label={t("map.indicator")}
            data-testid="map-indicator"
            value={indicator}
            popupMatchSelectWidth={false}
            options={indicators.map((i) => ({ value: i.code, label: nameOf(i, language) }))}
            onChange={props.onIndicator}
          />
          {national ? (
            <Segmented
              size="small"
              value={scope}
              onChange={(value) => setScope(value as "province" | "country")}
              options={[
                { value: "province", label: t("map.scopeProvince") },
                { value: "country", label: t("map.scopeCountry") },
              ]}
            />
          ) : null}
          {map && !showCountry ? (
            <Segmented
              size="small"
              value={view}
              data-testid="map-view"
              onChange={(value) => setView(value as "tiles" | "base")}
              options={[
                { value: "base", label: t("map.viewBase") },
                { value: "tiles", label: t("map.viewTiles") },
              ]}
            />
          ) : null}
          {canUpload && !showCountry ? (
            <Suspense fallback={null}>
              <BaseMapUpload
                province={province}
                provinceName={provinceName}
                hasMap={map !== null}
              />
            </Suspense>
          ) : null}
          <Link to={props.cockpitHref} data-testid="cockpit-link">
            {t("map.cockpit")}
          </Link>
        </Space>
      }
    >
      <QueryState query={lines} skeletonRows={6}>
        {() =>
          drawBase && map ? (
            <ChoroplethMap map={map} items={itemsOf()} onSelect={select} />
          ) : (
            <TileMap
              items={itemsOf()}
              table={showCountry ? PROVINCE_GRID : CITY_GRID[province]}
              onSelect={select}
            />
          )
        }
      </QueryState>
      <div className="muted map-hint">
        {drawBase ? t("map.hintBase") : t(showCountry ? "map.hintCountry" : "map.hintTiles")}
      </div>
    </Card>
  );
}
