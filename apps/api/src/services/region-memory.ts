import { type Database, databaseItself, isTransaction } from "@jindu/db";

/** What is kept per region between changes to that region (plugins/app/region-memory.ts). */
export interface RegionMemory {
  /**
   * The values of `regions` under `scope`, kept ones from memory; `read` is asked for the others
   * only, and what it answers is kept unless a change to its region was heard meanwhile.
   */
  perRegion<T>(
    scope: string,
    regions: readonly string[],
    read: (regions: readonly string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>>;
}

const memories = new WeakMap<object, RegionMemory>();

/** Gives a database its memory: reads through `db` (the API's `app.db`) then use it. */
export function keepRegionsOf(db: Database, memory: RegionMemory): void {
  const itself = databaseItself(db);
  if (itself) memories.set(itself, memory);
}

/**
 * Each region's value under `scope` (everything besides the region that the value depends on),
 * from memory when the database has one and this is not a change's transaction (which may read
 * its own uncommitted rows, or roll back), else read. `read` must answer every region it is asked
 * for, each from that region's own rows and the catalogue only.
 */
export function rememberedPerRegion<T>(
  db: Database,
  scope: string,
  regions: readonly string[],
  read: (regions: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const itself = databaseItself(db);
  const memory = itself && !isTransaction(db) ? memories.get(itself) : undefined;
  return memory ? memory.perRegion(scope, regions, read) : read(regions);
}
