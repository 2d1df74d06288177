import { type Database, databaseItself, isTransaction, type RegionMonthKey } from "@jindu/db";

/** What is kept per region between changes to that region (plugins/app/region-memory.ts). */
export interface RegionMemory {
  /**
   * The values of `regions` under `scope`, kept ones from memory; `read` is asked for the others
   * only, and what it answers is kept unless a change to its region was heard meanwhile.
   * `weigh` says how much each value holds (one when absent).
   */
  perRegion<T>(
    scope: string,
    regions: readonly string[],
    read: (regions: readonly string[]) => Promise<Map<string, T>>,
    weigh?: (value: T) => number,
  ): Promise<Map<string, T>>;
  /**
   * The values of months of regions under `scope`, in the order of `keys`, as `perRegion` keeps
   * them but per month: a change to one month of a region forgets that month's alone. `read`
   * answers the months it is asked for, in their order; `weigh` says how much each value holds.
   */
  perMonth<T>(
    scope: string,
    keys: readonly RegionMonthKey[],
    read: (keys: readonly RegionMonthKey[]) => Promise<T[]>,
    weigh: (value: T) => number,
  ): Promise<T[]>;
  /**
   * The values of `regions` under `scope` as of a month, as `perRegion` keeps them but each from
   * its region's rows of that year up to that month (and the catalogue) only: a change to one
   * month of a region forgets its values as of that month and the later months of that year, not
   * the earlier ones (last month's rows outlive this month's approval).
   */
  asOfMonth<T>(
    scope: string,
    period: { year: number; month: number },
    regions: readonly string[],
    read: (regions: readonly string[]) => Promise<Map<string, T>>,
    weigh?: (value: T) => number,
  ): Promise<Map<string, T>>;
}

const memories = new WeakMap<object, RegionMemory>();

/** Gives a database its memory: reads through `db` (the API's `app.db`) then use it. */
export function keepRegionsOf(db: Database, memory: RegionMemory): void {
  const itself = databaseItself(db);
  if (itself) memories.set(itself, memory);
}

/** The memory reads through `db` may use: none inside a change's transaction. */
function memoryOf(db: Database): RegionMemory | undefined {
  const itself = databaseItself(db);
  // A change's transaction may read its own uncommitted rows, or roll back.
  return itself && !isTransaction(db) ? memories.get(itself) : undefined;
}

/**
 * Each region's value under `scope` (everything besides the region that the value depends on),
 * from memory when the database has one and this is not a change's transaction, else read.
 * `read` must answer every region it is asked for, each from that region's own rows and the
 * catalogue only.
 */
export function rememberedPerRegion<T>(
  db: Database,
  scope: string,
  regions: readonly string[],
  read: (regions: readonly string[]) => Promise<Map<string, T>>,
  weigh?: (value: T) => number,
): Promise<Map<string, T>> {
  const memory = memoryOf(db);
  return memory ? memory.perRegion(scope, regions, read, weigh) : read(regions);
}

/**
 * Each month's value under `scope`, in the order of `keys`, kept as `rememberedPerRegion` keeps
 * a region's: `read` must answer each month from that month's own rows and the catalogue only.
 */
export function rememberedPerMonth<T>(
  db: Database,
  scope: string,
  keys: readonly RegionMonthKey[],
  read: (keys: readonly RegionMonthKey[]) => Promise<T[]>,
  weigh: (value: T) => number = () => 1,
): Promise<T[]> {
  const memory = memoryOf(db);
  return memory ? memory.perMonth(scope, keys, read, weigh) : read(keys);
}

/**
 * Each region's value under `scope` as of a month of a year, kept as `rememberedPerRegion` keeps
 * a region's: `read` must answer each region from its own rows of that year up to that month and
 * the catalogue only.
 */
export function rememberedAsOfMonth<T>(
  db: Database,
  scope: string,
  period: { year: number; month: number },
  regions: readonly string[],
  read: (regions: readonly string[]) => Promise<Map<string, T>>,
  weigh?: (value: T) => number,
): Promise<Map<string, T>> {
  const memory = memoryOf(db);
  return memory ? memory.asOfMonth(scope, period, regions, read, weigh) : read(regions);
}
