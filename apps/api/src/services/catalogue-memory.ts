import {
  allIndicators,
  childRegions,
  type Database,
  databaseItself,
  indicatorByCode,
  isTransaction,
  provinceProfilesOf,
  qualityTargetsOf,
  settingsOfRegion,
  taskListsOfProvinces,
} from "@jindu/db";

/** Reads of the catalogue kept between its changes (plugins/app/catalogue-memory.ts). */
export interface CatalogueMemory {
  remember<T>(key: string, read: () => Promise<T>): Promise<T>;
}

const memories = new WeakMap<object, CatalogueMemory>();

/** Gives a database its memory: reads through `db` (the API's `app.db`) then use it. */
export function keepCatalogueOf(db: Database, memory: CatalogueMemory): void {
  const itself = databaseItself(db);
  if (itself) memories.set(itself, memory);
}

/** Makes what `read` returns read-only: it is handed to every request that asks after this one. */
function frozen<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === "object") Object.freeze(item);
  }
  return value && typeof value === "object" ? Object.freeze(value) : value;
}

/**
 * What `read` returns for `key`, from memory when the database has one and this is not a
 * change's transaction (which may read its own uncommitted rows, or roll back), else read.
 * `key` names everything the read depends on.
 */
export function remembered<T>(db: Database, key: string, read: () => Promise<T>): Promise<T> {
  const itself = databaseItself(db);
  const memory = itself && !isTransaction(db) ? memories.get(itself) : undefined;
  return memory ? memory.remember(key, async () => frozen(await read())) : read();
}

/** The indicators of a province's year (its own and the national ones, as its task list has them). */
export const indicatorsOfYear = (db: Database, province: string, year: number) =>
  remembered(db, `indicators|${province}|${year}`, () => allIndicators(db, { province, year }));

/** One indicator by its code, or null. */
export const indicatorOfCode = (db: Database, code: string) =>
  remembered(db, `indicator|${code}`, () => indicatorByCode(db, code));

/** A region's children, in code order. */
export const childrenOf = (db: Database, parentCode: string) =>
  remembered(db, `children|${parentCode}`, () => childRegions(db, parentCode));

/** The task lists of a year of some provinces. */
export const taskListsOf = (db: Database, provinces: readonly string[], year: number) =>
  remembered(db, `tasks|${year}|${provinces.join(",")}`, () =>
    taskListsOfProvinces(db, provinces, year),
  );

/** Provinces' own seasonal profiles of some indicators. */
export const provinceProfilesFor = (
  db: Database,
  q: { provinces: readonly string[]; indicatorCodes: readonly string[] },
) =>
  remembered(db, `profiles|${q.provinces.join(",")}|${q.indicatorCodes.join(",")}`, () =>
    provinceProfilesOf(db, q),
  );

/** The settings of the province a region lies in (the defaults outside any province). */
export const settingsOf = (db: Database, region: string) =>
  remembered(db, `settings|${region}`, () => settingsOfRegion(db, region));

/** The year's targets of some regions on cumulative indicators (data quality's warnings). */
export const qualityTargetsFor = (
  db: Database,
  q: { regionCodes: readonly string[]; year: number },
) =>
  remembered(db, `quality-targets|${q.year}|${q.regionCodes.join(",")}`, () =>
    qualityTargetsOf(db, q),
  );
