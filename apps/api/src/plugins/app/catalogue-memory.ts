import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { keepCatalogueOf } from "../../services/catalogue-memory.js";

/** Reads kept at most; a process that reads more starts again (a bound, not a cache policy). */
const MAX_KEPT = 2_000;

/**
 * The catalogue's reads (indicators, task lists, child regions, seasonal profiles) kept in memory
 * between catalogue changes: a dashboard's first read after an approval then sends its figures'
 * query alone. Emptied on every change that may have touched the catalogue (changes.ts), kept and
 * used only while this process listens to the announcements; a read that overlapped a change is
 * not kept (it may hold what was there before).
 */
export default fp(
  async function catalogueMemory(app: FastifyInstance) {
    const kept = new Map<string, unknown>();
    app.changes.onCatalogueChange(() => kept.clear());
    keepCatalogueOf(app.database.db, {
      async remember<T>(key: string, read: () => Promise<T>): Promise<T> {
        if (app.changes.version() === null) return read();
        if (kept.has(key)) return kept.get(key) as T;
        const before = app.changes.catalogueChanges();
        const value = await read();
        if (app.changes.version() !== null && app.changes.catalogueChanges() === before) {
          if (kept.size >= MAX_KEPT) kept.clear();
          kept.set(key, value);
        }
        return value;
      },
    });
  },
  { name: "catalogue-memory", dependencies: ["database", "changes"] },
);
