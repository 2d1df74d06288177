/** Deterministic pseudo-random numbers, so that every seed run writes the same demo data. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32: a small, well-distributed 32-bit generator; the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded by a name. */
export function randomStream(seed: string): () => number {
  return seededRandom(hashString(seed));
}

/** One draw in [0, 1) for a named purpose. */
export function draw(...key: (string | number)[]): number {
  return randomStream(key.join("|"))();
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * Splits a total over weights so that the parts, rounded to `decimals`, add up exactly
 * (largest-remainder method).
 */
export function apportion(total: number, weights: readonly number[], decimals = 0): number[] {
  const f = 10 ** decimals;
  const units = Math.round(total * f);
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (units * w) / sum : 0));
  const parts = raw.map(Math.floor);
  let rest = units - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    rest--;
  }
  return parts.map((p) => p / f);
}
