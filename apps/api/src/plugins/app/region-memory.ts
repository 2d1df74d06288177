import { monthPlace, placeOf, type RegionMonthKey } from "@jindu/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { keepRegionsOf } from "../../services/region-memory.js";

/**
 * What is kept at most, counted in the values' weights (a month's quality facts weigh one and a
 * figure each, a region's progress rows one each; ~100 bytes a figure or row); a process that
 * keeps more starts again (a bound, not a cache policy). So are the marks of what changed when:
 * at most this many regions and months.
 */
const MAX_KEPT = 300_000;
const MAX_MARKS = 200_000;

/** Values of one region or month, by scope, and what they weigh together. */
interface Kept {
  values: Map<string, unknown>;
  weight: number;
}

/**
 * Values computed from one region's own rows and the catalogue (its data quality over a year),
 * kept in memory until a change to that region; values of one month of a region (the facts
 * quality is made of), kept until a change to that month; and values of a region as of a month
 * (its progress rows), kept until a change to that month or an earlier one of its year. A change
 * announced with the places it touched (a month's save, submit or approval names its month)
 * forgets the values of those regions and those months alone; one naming a whole region forgets
 * all of its months too; any other change, a catalogue change and a lost connection forget
 * everything. Kept and used only while this process listens to the announcements. A read that
 * overlapped a change to what it read is not kept: it may hold what was there before.
 */
export default fp(
  async function regionMemory(app: FastifyInstance) {
    /** By region code, and by month place (`330100@2026-03`). */
    const regions = new Map<string, Kept>();
    const months = new Map<string, Kept>();
    /** Values as of a month of a region, by month place. */
    const asOf = new Map<string, Kept>();
    /** The month places of each region in `months`, to forget them with it. */
    const monthsOf = new Map<string, Set<string>>();
    /** The month places of each region in `asOf`: a change forgets its month and the later ones. */
    const asOfPlacesOf = new Map<string, Set<string>>();
    let size = 0;
    /** Counts forgettings; when everything, each region and each month was last forgotten. */
    let tick = 0;
    let allForgottenAt = 0;
    /** Any change to the region (region values), the whole region (its months too), a month. */
    const regionChangedAt = new Map<string, number>();
    const wholeRegionChangedAt = new Map<string, number>();
    const monthChangedAt = new Map<string, number>();

    const forgetAll = () => {
      tick++;
      allForgottenAt = tick;
      for (const marks of [regionChangedAt, wholeRegionChangedAt, monthChangedAt]) marks.clear();
      for (const kept of [regions, months, asOf]) kept.clear();
      monthsOf.clear();
      asOfPlacesOf.clear();
      size = 0;
    };
    const drop = (kept: Map<string, Kept>, key: string) => {
      const values = kept.get(key);
      if (!values) return;
      size -= values.weight;
      kept.delete(key);
    };

    app.changes.onRegionChange((places) => {
      if (places === null) return forgetAll();
      tick++;
      for (const place of places) {
        const { region, month } = placeOf(place);
        regionChangedAt.set(region, tick);
        drop(regions, region);
        if (month === null) {
          wholeRegionChangedAt.set(region, tick);
          for (const key of monthsOf.get(region) ?? []) drop(months, key);
          for (const key of asOfPlacesOf.get(region) ?? []) drop(asOf, key);
          monthsOf.delete(region);
          asOfPlacesOf.delete(region);
        } else {
          monthChangedAt.set(place, tick);
          drop(months, place);
          monthsOf.get(region)?.delete(place);
          // Values as of this month or a later one of its year: `2026-03` ≤ `2026-11`.
          const places = asOfPlacesOf.get(region);
          for (const key of places ?? []) {
            const asOfMonth = placeOf(key).month as string;
            if (asOfMonth.slice(0, 4) !== month.slice(0, 4) || asOfMonth < month) continue;
            drop(asOf, key);
            places?.delete(key);
          }
        }
      }
      if (regionChangedAt.size + monthChangedAt.size > MAX_MARKS) forgetAll();
    });

    /** Keeps `value` under `key` and `scope`, unless a forgetting since `started` touched it. */
    function keep(kept: Map<string, Kept>, key: string, scope: string, value: unknown, weight = 1) {
      if (size + weight > MAX_KEPT) forgetAll();
      const values = kept.get(key) ?? { values: new Map<string, unknown>(), weight: 0 };
      kept.set(key, values);
      if (values.values.has(scope)) return;
      values.values.set(scope, Object.freeze(value));
      values.weight += weight;
      size += weight;
    }
    const listening = () => app.changes.version() !== null;

    /**
     * The values of `asked` regions under `scope`, kept ones from `kept` (under each region's
     * key), the others read; a read is kept unless a change since it started touched it.
     */
    async function throughMemory<T>(
      kept: Map<string, Kept>,
      scope: string,
      asked: readonly string[],
      how: {
        keyOf: (region: string) => string;
        changedAt: (region: string) => number;
        read: (regions: readonly string[]) => Promise<Map<string, T>>;
        weigh: (value: T) => number;
        onKept?: (region: string, key: string) => void;
      },
    ): Promise<Map<string, T>> {
      if (!listening()) return how.read(asked);
      const out = new Map<string, T>();
      const missing: string[] = [];
      for (const region of asked) {
        const values = kept.get(how.keyOf(region))?.values;
        if (values?.has(scope)) out.set(region, values.get(scope) as T);
        else missing.push(region);
      }
      if (missing.length === 0) return out;
      const started = tick;
      const fresh = await how.read(missing);
      const keeping = listening() && allForgottenAt <= started;
      for (const region of missing) {
        const value = fresh.get(region) as T;
        out.set(region, value);
        if (!keeping || !fresh.has(region) || how.changedAt(region) > started) continue;
        const key = how.keyOf(region);
        keep(kept, key, scope, value, how.weigh(value));
        how.onKept?.(region, key);
      }
      // In the order asked for, as a read of them all would answer.
      return new Map(asked.map((region) => [region, out.get(region) as T]));
    }

    keepRegionsOf(app.database.db, {
      perRegion<T>(
        scope: string,
        asked: readonly string[],
        read: (regions: readonly string[]) => Promise<Map<string, T>>,
        weigh: (value: T) => number = () => 1,
      ): Promise<Map<string, T>> {
        return throughMemory(regions, scope, asked, {
          keyOf: (region) => region,
          changedAt: (region) => regionChangedAt.get(region) ?? 0,
          read,
          weigh,
        });
      },

      asOfMonth<T>(
        scope: string,
        period: { year: number; month: number },
        asked: readonly string[],
        read: (regions: readonly string[]) => Promise<Map<string, T>>,
        weigh: (value: T) => number = () => 1,
      ): Promise<Map<string, T>> {
        return throughMemory(asOf, scope, asked, {
          keyOf: (region) => monthPlace(region, period.year, period.month),
          // The whole region, or any month of the year up to this one.
          changedAt: (region) => {
            let at = wholeRegionChangedAt.get(region) ?? 0;
            for (let m = 1; m <= period.month; m++) {
              at = Math.max(at, monthChangedAt.get(monthPlace(region, period.year, m)) ?? 0);
            }
            return at;
          },
          read,
          weigh,
          onKept: (region, key) => {
            const places = asOfPlacesOf.get(region) ?? new Set<string>();
            asOfPlacesOf.set(region, places.add(key));
          },
        });
      },

      async perMonth<T>(
        scope: string,
        keys: readonly RegionMonthKey[],
        read: (keys: readonly RegionMonthKey[]) => Promise<T[]>,
        weigh: (value: T) => number,
      ): Promise<T[]> {
        if (!listening()) return read(keys);
        const places = keys.map((k) => monthPlace(k.regionCode, k.year, k.month));
        const out: T[] = new Array(keys.length);
        const missing: number[] = [];
        places.forEach((place, i) => {
          const values = months.get(place)?.values;
          if (values?.has(scope)) out[i] = values.get(scope) as T;
          else missing.push(i);
        });
        if (missing.length === 0) return out;
        const started = tick;
        const fresh = await read(missing.map((i) => keys[i] as RegionMonthKey));
        const kept = listening() && allForgottenAt <= started;
        missing.forEach((at, j) => {
          const value = fresh[j] as T;
          out[at] = value;
          const place = places[at] as string;
          const region = (keys[at] as RegionMonthKey).regionCode;
          const changed = Math.max(
            wholeRegionChangedAt.get(region) ?? 0,
            monthChangedAt.get(place) ?? 0,
          );
          if (!kept || j >= fresh.length || changed > started) return;
          keep(months, place, scope, value, weigh(value));
          const ofRegion = monthsOf.get(region) ?? new Set<string>();
          monthsOf.set(region, ofRegion.add(place));
        });
        return out;
      },
    });
  },
  { name: "region-memory", dependencies: ["database", "changes"] },
);
