import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { keepRegionsOf } from "../../services/region-memory.js";

/** Values kept at most; a process that keeps more starts again (a bound, not a cache policy). */
const MAX_KEPT = 100_000;

/**
 * Values computed from one region's own rows and the catalogue (its data quality over a year),
 * kept in memory until a change to that region: a change announced with the regions it touched
 * (a month's save, submit or approval) forgets those alone; any other change, a catalogue change
 * and a lost connection forget everything. Kept and used only while this process listens to the
 * announcements. A read that overlapped a change to its region is not kept: it may hold what was
 * there before.
 */
export default fp(
  async function regionMemory(app: FastifyInstance) {
    const kept = new Map<string, Map<string, unknown>>();
    let size = 0;
    /** Counts forgettings; when everything, and each region, was last forgotten. */
    let tick = 0;
    let allForgottenAt = 0;
    const forgottenAt = new Map<string, number>();
    const forgetAll = () => {
      tick++;
      allForgottenAt = tick;
      forgottenAt.clear();
      kept.clear();
      size = 0;
    };
    app.changes.onRegionChange((regions) => {
      if (regions === null) return forgetAll();
      tick++;
      for (const region of regions) {
        forgottenAt.set(region, tick);
        const values = kept.get(region);
        if (values) {
          size -= values.size;
          kept.delete(region);
        }
      }
    });
    keepRegionsOf(app.database.db, {
      async perRegion<T>(
        scope: string,
        regions: readonly string[],
        read: (regions: readonly string[]) => Promise<Map<string, T>>,
      ): Promise<Map<string, T>> {
        if (app.changes.version() === null) return read(regions);
        const out = new Map<string, T>();
        const missing: string[] = [];
        for (const region of regions) {
          const values = kept.get(region);
          if (values?.has(scope)) out.set(region, values.get(scope) as T);
          else missing.push(region);
        }
        if (missing.length === 0) return out;
        const started = tick;
        const fresh = await read(missing);
        const keep = app.changes.version() !== null && allForgottenAt <= started;
        for (const region of missing) {
          const value = fresh.get(region) as T;
          out.set(region, value);
          if (!keep || !fresh.has(region) || (forgottenAt.get(region) ?? 0) > started) continue;
          if (size >= MAX_KEPT) forgetAll();
          const values = kept.get(region) ?? new Map<string, unknown>();
          kept.set(region, values);
          if (!values.has(scope)) size++;
          values.set(scope, Object.freeze(value));
        }
        // In the order asked for, as a read of them all would answer.
        return new Map(regions.map((region) => [region, out.get(region) as T]));
      },
    });
  },
  { name: "region-memory", dependencies: ["database", "changes"] },
);
