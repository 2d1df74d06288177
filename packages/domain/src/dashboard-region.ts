import { provinceOf } from "./indicator.js";

/**
 * The province a national account's dashboards show when the address names none: Guangdong,
 * whose provincial bulletin the demo data reproduces. (Every other account sees its own
 * province.)
 */
export const NATIONAL_DEFAULT_REGION = "440000";

/**
 * The province whose dashboards a user may read, or null for the whole country. The API lets
 * every dashboard reader see their whole province: a city bureau reads its province too.
 */
export const dashboardProvince = (regionCode: string | null): string | null =>
  regionCode === null ? null : provinceOf(regionCode);

/**
 * The region a dashboard shows when its address names none: the user's own province, or for
 * national accounts the default one. One rule for the web app's screens and for the page the
 * API answers with their first answers.
 */
export const defaultDashboardRegion = (userRegion: string | null | undefined): string =>
  dashboardProvince(userRegion ?? null) ?? NATIONAL_DEFAULT_REGION;
