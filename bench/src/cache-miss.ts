/**
 * The first read after a change: what an official waits for right after an approval, when every
 * cached answer is of the version before. A change is announced as the API announces an
 * approval of one region's month (the next data version, marked as touching figures only, with
 * the month it names, NOTIFY on the changes channel); the read that follows is timed once the API
 * answers under the new version (its ETag says which).
 */
import http from "node:http";
import { announcement, CHANGES_CHANNEL } from "@jindu/db";
import type pg from "pg";

/**
 * One GET on a kept-alive connection, timed to the last byte of the answer. Not fetch(): on this
 * machine undici's fetch added 2–5 ms of its own to a first read (the same reads timed 8.2 ms
 * with fetch and 5.2 ms with node:http), while the cached reads are timed by autocannon and the
 * SQL by one pg connection, both lean clients.
 */
function timedGet(
  agent: http.Agent,
  url: string,
  headers: Record<string, string>,
): Promise<{ ms: number; status: number; etag: string | undefined }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            ms: performance.now() - started,
            status: res.statusCode ?? 0,
            etag: res.headers.etag,
          }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

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
 * `regions` (one month of a city the read covers, `monthPlace`, as an approval announces it).
 */
export async function cacheMisses(
  db: pg.Client,
  url: string,
  headers: Record<string, string>,
  regions: readonly string[],
  rounds = 15,
  warmUp = 3,
): Promise<number[]> {
  const times: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // The first rounds, untimed, as the cached reads get their warm-up requests: a statement's
  // first run on each pooled connection parses and plans it with cold catalogue caches (3.4 ms
  // of planning for progress's table, 0.2 ms after), which a server running for days has done.
  for (let i = 0; i < warmUp + rounds; i++) {
    const version = await announceChange(db, regions);
    // The announcement reaches the API within a moment; until then it answers the old version.
    for (let tries = 0; ; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const res = await timedGet(agent, url, headers);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      if (res.etag?.includes(`"${version}`)) {
        if (i >= warmUp) times.push(res.ms);
        break;
      }
      if (tries > 50) throw new Error(`${url}: the API did not hear version ${version}`);
    }
  }
  agent.destroy();
  return times;
}
