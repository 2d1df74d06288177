import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VersionFrontier } from "../../src/plugins/app/version-frontier.js";

describe("VersionFrontier: versions that commit out of order", () => {
  it("in order, the current version is the latest heard", () => {
    const f = new VersionFrontier(40n);
    expect(f.current()).toBe("40");
    expect(f.heard(41n, 0)).toBe(true);
    expect(f.heard(42n, 0)).toBe(true);
    expect(f.current()).toBe("42");
  });

  it("a version heard before the one below it counts as beyond the frontier until that one comes", () => {
    const f = new VersionFrontier(40n);
    f.heard(42n, 0);
    expect(f.current()).toBe("40~1");
    expect(f.openGapSince()).toBe(0);
    f.heard(41n, 5);
    expect(f.current()).toBe("42");
    expect(f.openGapSince()).toBeNull();
  });

  it("the same announcement heard twice (the process's own commit, then LISTEN) changes nothing", () => {
    const f = new VersionFrontier(40n);
    expect(f.heard(41n, 0)).toBe(true);
    expect(f.heard(41n, 1)).toBe(false);
    expect(f.current()).toBe("41");
  });

  it("a gap left by a change that rolled back closes after the wait; if it comes after all, it is late news", () => {
    const f = new VersionFrontier(40n, 1_000);
    f.heard(42n, 0);
    f.heard(43n, 10);
    expect(f.closeOldGap(999)).toBe(false);
    expect(f.current()).toBe("40~2");
    expect(f.closeOldGap(1_000)).toBe(true);
    expect(f.current()).toBe("43");
    expect(f.heard(41n, 2_000)).toBe(true);
    expect(f.current()).toBe("43.1");
  });

  it("listening again starts from the database's version, never from an earlier current()", () => {
    const f = new VersionFrontier(40n);
    f.heard(41n, 0);
    const before = f.current();
    f.restart(41n);
    expect(f.current()).not.toBe(before);
    f.restart(50n);
    expect(f.current()).toMatch(/^50\./);
  });

  it("property: whatever the order of commits, every new announcement gives a current() never seen before, and the frontier never passes a version not yet heard (within the wait)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            fc.shuffledSubarray(
              Array.from({ length: n }, (_, i) => i + 1),
              { minLength: n, maxLength: n },
            ),
            fc.array(fc.integer({ min: 1, max: n }), { maxLength: 5 }),
          ),
        ),
        ([order, repeats]) => {
          const f = new VersionFrontier(0n, Number.POSITIVE_INFINITY);
          const seen = new Set([f.current()]);
          const heard = new Set<number>();
          let t = 0;
          for (const v of order) {
            expect(f.heard(BigInt(v), t++)).toBe(true);
            heard.add(v);
            const now = f.current();
            expect(seen.has(now)).toBe(false);
            seen.add(now);
            const frontier = Number(now.split(/[~.]/)[0]);
            for (let w = 1; w <= frontier; w++) expect(heard.has(w)).toBe(true);
            // Repeats of announcements already heard are not news.
            for (const r of repeats) if (heard.has(r)) expect(f.heard(BigInt(r), t)).toBe(false);
          }
          expect(f.current()).toBe(String(order.length));
        },
      ),
    );
  });
});
