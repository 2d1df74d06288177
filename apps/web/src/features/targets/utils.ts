import type { Indicator } from "@jindu/api/schemas";
import { isPercentTarget, storedFromTyped, typedFromStored } from "@jindu/domain";

/** Share and rate targets are typed as percentages and stored as fractions: 35 ↔ 0.35. */
export const toInput = (indicator: Indicator, value: number | null | undefined) =>
  value == null ? null : typedFromStored(value, isPercentTarget(indicator));

export const fromInput = (indicator: Indicator, value: number | null | undefined) =>
  value == null ? null : storedFromTyped(value, isPercentTarget(indicator));

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
