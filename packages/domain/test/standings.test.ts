import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastAndSlow, type StandingInput, standings } from "../src/index.js";

describe("both rankings with their change since last month", () => {
  it("ranks by completion of plan and by lag, with the points and places moved", () => {
    // Three cities: A steady, B overtakes A on completion, C falls behind on lag.
    const september: StandingInput[] = [
      { completion: 0.6, lag: -5 },
      { completion: 0.5, lag: -2 },
      { completion: 0.4, lag: 1 },
    ];
    const october: StandingInput[] = [
      { completion: 0.65, lag: -8.3 },
      { completion: 0.7, lag: -3.3 },
      { completion: 0.42, lag: -12.5 },
    ];
    const s = standings(october, september);
    expect(s.map((x) => x.completionRank)).toEqual([2, 1, 3]);
    expect(s.map((x) => x.completionRankChange)).toEqual([-1, 1, 0]);
    expect(s.map((x) => x.completionChangePp)).toEqual([5, 20, 2]);
    expect(s.map((x) => x.lagRank)).toEqual([2, 1, 3]);
    expect(s.map((x) => x.lagRankChange)).toEqual([1, 1, -2]);
    expect(s.map((x) => x.lagChangePp)).toEqual([-3.3, -1.3, -13.5]);
    expect(s.every((x) => !x.completedAll)).toBe(true);
  });

  it("labels 全部完成 at 100% and leaves the change empty without last month", () => {
    const [done, fresh] = standings(
      [
        { completion: 1.02, lag: 10 },
        { completion: 0.3, lag: -4 },
      ],
      [{ completion: 0.95, lag: 6 }, null],
    );
    expect(done).toMatchObject({ completedAll: true, completionRank: 1, completionRankChange: 0 });
    expect(done?.completionChangePp).toBeCloseTo(7, 9);
    expect(fresh).toMatchObject({
      completionRank: 2,
      completionRankChange: null,
      completionChangePp: null,
      lagChangePp: null,
    });
  });

  it("rank changes add up: places gained and lost balance when the same regions are ranked both months", () => {
    const entry = fc.record({
      completion: fc.double({ min: 0, max: 1.5, noNaN: true }),
      lag: fc.double({ min: -100, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, entry), { minLength: 1, maxLength: 30 }), (pairs) => {
        const s = standings(
          pairs.map(([now]) => now),
          pairs.map(([, before]) => before),
        );
        // With distinct values, ranks are a permutation, so the moves sum to zero.
        const distinct = (xs: number[]) => new Set(xs).size === xs.length;
        const now = pairs.map(([c]) => c.completion);
        const before = pairs.map(([, b]) => b.completion);
        if (distinct(now) && distinct(before)) {
          expect(s.reduce((sum, x) => sum + (x.completionRankChange ?? 0), 0)).toBe(0);
        }
        for (const [i, x] of s.entries()) {
          const [c, b] = pairs[i] as [StandingInput, StandingInput];
          expect(x.completedAll).toBe((c.completion ?? 0) >= 1);
          expect(Math.sign(x.completionChangePp ?? 0)).toBe(
            Math.sign(Math.round(((c.completion ?? 0) - (b.completion ?? 0)) * 1e11)),
          );
        }
      }),
    );
  });
});

describe("the fastest and slowest five", () => {
  it("takes the top and bottom five by completion, ties at the edge kept", () => {
    const c = [0.9, 0.1, 0.5, 0.7, 0.3, 0.8, 0.2, 0.6, 0.4, null, 0.5, 0.05];
    const { fast, slow } = fastAndSlow(c);
    expect(fast.map((i) => c[i])).toEqual([0.9, 0.8, 0.7, 0.6, 0.5, 0.5]);
    expect(slow.map((i) => c[i])).toEqual([0.05, 0.1, 0.2, 0.3, 0.4]);
  });

  it("never puts a region on both lists, nor an unranked one on either", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (values, n) => {
          const { fast, slow } = fastAndSlow(values, n);
          expect(fast.filter((i) => slow.includes(i))).toEqual([]);
          for (const i of [...fast, ...slow]) expect(values[i]).not.toBeNull();
          const ranked = values.filter((v) => v !== null).length;
          expect(fast.length).toBeGreaterThanOrEqual(Math.min(n, ranked));
          // Everyone on the fast list is at least as far along as anyone on the slow list.
          for (const f of fast)
            for (const s of slow) expect(values[f] as number).toBeGreaterThan(values[s] as number);
        },
      ),
    );
  });
});
