import { provinceOf } from "@jindu/domain";

// Region codes (GB/T 2260) carry their province in the first two digits: 330302 (a district of
// Wenzhou) belongs to 330000 (Zhejiang). The rules live in the domain package.
export { dashboardProvince, provinceOf } from "@jindu/domain";

export const withinProvince = (province: string | null, code: string) =>
  province === null || provinceOf(code) === province;
