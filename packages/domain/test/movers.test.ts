import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MoverLine, movers, STATUSES } from "../src/index.js";

const line = (status: MoverLine["status"], lag: number | null): MoverLine => ({
  status,
  completion: lag === null ? null : 0.5 + lag / 100,
  lag,
});

describe("movers since last month", () => {
  // Zhejiang-like: four cities, one indicator; Wenzhou overtakes two, Lishui turns red.
  const table = {
    indicator: "prefab_share",
    regions: ["杭州市", "温州市", "湖州市", "丽水市"],
    before: [line("green", 2), line("yellow", -4), line("green", 1), line("yellow", -3)],
    now: [line("green", 2.5), line("green", 3), line("green", 0.5), line("red", -8)],
  };

  it("names the largest gains and falls in the lag ranking, with places and points", () => {
    const result = movers([table]);
    // Before: 杭 1, 湖 2, 丽 3, 温 4. Now: 温 1, 杭 2, 湖 3, 丽 4.
    expect(result.gains).toEqual([
      { indicator: "prefab_share", region: "温州市", places: 3, rank: 1, lagChangePp: 7 },
    ]);
    expect(result.falls.map((m) => [m.region, m.places])).toEqual([
      ["杭州市", -1],
      ["湖州市", -1],
      ["丽水市", -1],
    ]);
  });

  it("lists who turned red and who recovered", () => {
    const result = movers([table]);
    expect(result.turnedRed).toEqual([
      { indicator: "prefab_share", region: "丽水市", from: "yellow", to: "red" },
    ]);
    expect(result.recovered).toEqual([
      { indicator: "prefab_share", region: "温州市", from: "yellow", to: "green" },
    ]);
  });

  it("says nothing of a region without last month's line", () => {
    const result = movers([{ ...table, before: [null, null, null, null] }]);
    expect(result).toEqual({ gains: [], falls: [], turnedRed: [], recovered: [] });
  });

  const status = fc.constantFrom(...STATUSES);
  const lines = (k: number) =>
    fc.array(
      fc.record({
        status,
        lag: fc.oneof(fc.constant(null), fc.integer({ min: -50, max: 50 })),
      }),
      { minLength: k, maxLength: k },
    );
  const tables = fc.integer({ min: 1, max: 8 }).chain((k) =>
    fc
      .array(
        fc.record({
          regions: fc.constant(Array.from({ length: k }, (_, i) => i)),
          now: lines(k).map((ls) => ls.map((l) => line(l.status, l.lag))),
          before: lines(k).map((ls) => ls.map((l) => line(l.status, l.lag))),
        }),
        { minLength: 1, maxLength: 4 },
      )
      .map((ts) => ts.map((t, i) => ({ ...t, indicator: `indicator_${i}` }))),
  );

  it("never lists a region as both turned red and recovered, and keeps lists short and ordered", () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 1, max: 6 }), (ts, n) => {
        const result = movers(ts, n);
        expect(result.gains.length).toBeLessThanOrEqual(n);
        expect(result.falls.length).toBeLessThanOrEqual(n);
        expect(result.gains.every((m) => m.places > 0)).toBe(true);
        expect(result.falls.every((m) => m.places < 0)).toBe(true);
        for (let i = 1; i < result.gains.length; i++) {
          expect(result.gains[i - 1]?.places ?? 0).toBeGreaterThanOrEqual(
            result.gains[i]?.places ?? 0,
          );
        }
        for (const red of result.turnedRed) {
          expect(red.to).toBe("red");
          expect(
            result.recovered.some((r) => r.indicator === red.indicator && r.region === red.region),
          ).toBe(false);
        }
      }),
    );
  });

  it("ranks gained add up to ranks lost when every region is ranked both months", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 1,
          maxLength: 10,
        }),
        (pairs) => {
          // Distinct lags so that ranks are a permutation (ties share a rank otherwise).
          const now = pairs.map(([a], i) => line("green", a * 100 + i));
          const before = pairs.map(([, b], i) => line("green", b * 100 + i));
          const result = movers(
            [{ indicator: "a", regions: pairs.map((_, i) => i), now, before }],
            pairs.length,
          );
          const up = result.gains.reduce((s, m) => s + m.places, 0);
          const down = result.falls.reduce((s, m) => s - m.places, 0);
          expect(up).toBe(down);
        },
      ),
    );
  });
});
