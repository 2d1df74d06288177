/**
 * The first read after a change: what an official waits for right after an approval, when every
 * cached answer is of the version before. A change is announced as the API announces an
 * approval of one region's month (the next data version, marked as touching figures only, with
 * the region, NOTIFY on the changes channel); the read that follows is timed once the API answers
 * under the new version (its ETag says which).
 */
import { announcement, CHANGES_CHANNEL } from "@jindu/db";
import type pg from "pg";

/** Announces a change of `regions` as a committed one would; the new data version. */
async function announceChange(db: pg.Client, regions: readonly string[]): Promise<string> {
  const mark = announcement("", { dataOnly: true, regions });
  const { rows } = await db.query(
    `select v::text as v, pg_notify($1, v::text || $2) from (select nextval('data_version') as v) as next`,
    [CHANGES_CHANNEL, mark],
  );
  return rows[0].v as string;
}

/**
 * Every first read's wall time in ms, `rounds` changes in a row, one client; each change is of
 * `regions` (the month of one city the read covers, as an approval changes it).
 */
export async function cacheMisses(
  db: pg.Client,
  url: string,
  headers: Record<string, string>,
  regions: readonly string[],
  rounds = 15,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const version = await announceChange(db, regions);
    // The announcement reaches the API within a moment; until then it answers the old version.
    for (let tries = 0; ; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      const took = performance.now() - t;
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      if (res.headers.get("etag")?.includes(`"${version}`)) {
        times.push(took);
        break;
      }
      if (tries > 50) throw new Error(`${url}: the API did not hear version ${version}`);
    }
  }
  return times;
}
