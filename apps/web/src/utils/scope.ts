import { provinceOf } from "@jindu/domain";

/** Whether a region lies in `province` (null: the whole country). */
export const withinProvince = (province: string | null, code: string) =>
  province === null || provinceOf(code) === province;
