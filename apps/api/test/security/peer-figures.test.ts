import { bumpDataVersion, queryRows } from "@jindu/db";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../helper.js";

const t = useTestApp();

// Jinhua (330700) is Wenzhou's (330300) sibling city: its submitted, not yet approved figure is
// its own and the province's business, not Wenzhou's.
const PEER = "330700";
const OWN = "330300";
const PEER_FIGURE = 777777;
const OWN_FIGURE = 555555;
const period = "year=2023&month=3";

async function submitted(region: string, value: number) {
  await queryRows(
    t.database.db,
    sql`insert into reports (indicator_code, region_code, year, month, value, status, submitted_at)
        values ('shantytown_starts', ${region}, 2023, 3, ${value}, 'submitted', now())
        on conflict (indicator_code, year, region_code, month)
        do update set value = excluded.value, status = 'submitted'`,
  );
}

/** Every dashboard answer a bureau may ask for about its province and its peers. */
const dashboards = [
  `/api/trend?indicator=shantytown_starts&region=${PEER}&year=2023`,
  `/api/overview?region=${PEER}&${period}`,
  `/api/progress?indicator=shantytown_starts&parent=330000&${period}`,
  `/api/matrix?parent=330000&${period}`,
  `/api/lagging?parent=330000&${period}`,
];

describe("F10: what a bureau sees of its peers", () => {
  beforeAll(async () => {
    await submitted(PEER, PEER_FIGURE);
    await submitted(OWN, OWN_FIGURE);
    await bumpDataVersion(t.database.db);
  });

  it("F10: a sibling city's submitted figure reaches no dashboard of a bureau, include=submitted or not", async () => {
    // Both signed in first (a sign-in is a change: it would empty the answer cache). The province
    // asks first, so that a cached answer would be the one with the peer's figure.
    const official = await t.as("zj_official");
    const bureau = await t.as("wz_reporter");
    for (const url of dashboards) {
      const res = await official.inject(`${url}&include=submitted`);
      expect(res.statusCode, url).toBe(200);
    }
    expect((await official.inject(`${dashboards[2]}&include=submitted`)).body).toContain(
      String(PEER_FIGURE),
    );

    expect((await bureau.inject(`/api/reports?region=${PEER}&year=2023`)).statusCode).toBe(403);
    for (const url of dashboards) {
      const plain = await bureau.inject(url);
      const withSubmitted = await bureau.inject(`${url}&include=submitted`);
      expect(plain.statusCode, url).toBe(200);
      expect(withSubmitted.statusCode, url).toBe(200);
      expect(withSubmitted.body, url).not.toContain(String(PEER_FIGURE));
      expect(plain.body, url).not.toContain(String(PEER_FIGURE));
    }
    // About the peer alone, include=submitted changes nothing for a bureau.
    for (const url of dashboards.slice(0, 2)) {
      const plain = (await bureau.inject(url)).json();
      const withSubmitted = (await bureau.inject(`${url}&include=submitted`)).json();
      expect(withSubmitted, url).toEqual(plain);
    }
  });

  it("F10: a bureau still sees its own submitted figure among its ranked peers", async () => {
    const bureau = await t.as("wz_reporter");
    const res = await bureau.inject(`${dashboards[2]}&include=submitted`);
    const children = res.json().children as {
      region: { code: string };
      actual: number | null;
      provisional?: boolean;
    }[];
    expect(children.find((c) => c.region.code === OWN)?.actual).toBe(OWN_FIGURE);
    const plain = (await bureau.inject(dashboards[2] as string)).json().children as {
      region: { code: string };
    }[];
    // The peer's line is the approved one, the same as without include=submitted.
    expect(children.find((c) => c.region.code === PEER)).toEqual(
      plain.find((c) => c.region.code === PEER),
    );
  });

  it("F10: the province's officials and national accounts still see every submitted figure", async () => {
    for (const client of [t.api, await t.as("zj_official")]) {
      const res = await client.inject(`${dashboards[0]}&include=submitted`);
      expect(res.body).toContain(String(PEER_FIGURE));
    }
  });
});
