import type { Indicator } from "@jindu/api/schemas";
import { isShare } from "@/utils/format";

/** Shares are stored as fractions and edited as percentages: 0.35 ↔ 35. */
export const toInput = (indicator: Indicator, value: number | null | undefined) =>
  value == null ? null : isShare(indicator) ? Number((value * 100).toFixed(6)) : value;

export const fromInput = (indicator: Indicator, value: number | null | undefined) =>
  value == null ? null : isShare(indicator) ? Number((value / 100).toFixed(8)) : value;

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
