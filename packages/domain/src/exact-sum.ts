/** Decimal places of a number as written (0.25 → 2), capped where doubles stop being exact. */
function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const exponent = text.match(/e-(\d+)$/);
  if (exponent)
    return Math.min(12, Number(exponent[1]) + (text.split("e")[0]?.split(".")[1]?.length ?? 0));
  return Math.min(12, text.split(".")[1]?.length ?? 0);
}

/**
 * Sum of decimal figures without binary float noise: 882.4 + 0.1 is 882.5, not 882.5000000000001.
 * Figures are added as integers of their finest decimal place, so reported parts add up exactly.
 */
export function exactSum(values: readonly number[]): number {
  const decimals = Math.max(0, ...values.map(decimalsOf));
  const scale = 10 ** decimals;
  let units = 0;
  for (const v of values) units += Math.round(v * scale);
  if (!Number.isSafeInteger(units)) return values.reduce((a, b) => a + b, 0);
  return units / scale;
}

/** A number that can be shown and sent as JSON, or null (F2: Infinity and NaN never leave here). */
export const finiteOrNull = (value: number | null | undefined): number | null =>
  value != null && Number.isFinite(value) ? value : null;
