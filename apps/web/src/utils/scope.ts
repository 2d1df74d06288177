/**
 * Region codes (GB/T 2260) carry their province in the first two digits: 330302 (a district of
 * Wenzhou) belongs to 330000 (Zhejiang).
 */
export const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/**
 * The province whose dashboards a user may read, or null for the whole country. The API lets
 * every dashboard reader see their whole province: a city bureau reads its province too.
 */
export const dashboardProvince = (regionCode: string | null) =>
  regionCode === null ? null : provinceOf(regionCode);

export const withinProvince = (province: string | null, code: string) =>
  province === null || provinceOf(code) === province;
