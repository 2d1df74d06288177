import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

const EVEN = Array.from({ length: 12 }, (_, i) => Number(((i + 1) / 12).toFixed(4)));
EVEN[11] = 1;
const SLOW_START = [0.02, 0.05, 0.12, 0.2, 0.3, 0.42, 0.52, 0.62, 0.72, 0.82, 0.92, 1];

describe("seasonal profiles", () => {
  it("sets a profile the schedule then follows, and clears it with null", async () => {
    // A national official: a profile sets the schedule in every province.
    const official = t.api;
    const set = await official.inject({
      method: "PUT",
      url: "/api/indicators/rural_seismic/profile",
      payload: { profile: SLOW_START },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ code: "rural_seismic", seasonalProfile: SLOW_START });
    const listed = (await t.api.inject("/api/indicators")).json().indicators;
    expect(
      listed.find((i: { code: string }) => i.code === "rural_seismic").seasonalProfile,
    ).toEqual(SLOW_START);
    const cleared = await official.inject({
      method: "PUT",
      url: "/api/indicators/rural_seismic/profile",
      payload: { profile: null },
    });
    expect(cleared.json().seasonalProfile).toBeNull();
  });

  it.each([
    [SLOW_START.slice(0, 11), 400],
    [[...SLOW_START.slice(0, 11), 0.9], 400],
    [[0.5, 0.4, ...SLOW_START.slice(2)], 400],
    [[...SLOW_START.slice(0, 11), 1.5], 400],
    ["even", 400],
  ])("refuses %j", async (profile, status) => {
    const res = await t.api.inject({
      method: "PUT",
      url: "/api/indicators/shantytown_starts/profile",
      payload: { profile },
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().field).toMatch(/^profile/);
  });

  it("404s an unknown indicator; one province's official, leaders and bureaus may not change profiles", async () => {
    const res = await t.api.inject({
      method: "PUT",
      url: "/api/indicators/no_such/profile",
      payload: { profile: EVEN },
    });
    expect(res.statusCode).toBe(404);
    for (const user of ["zj_official", "zj_leader", "wz_reporter", "sysadmin"]) {
      const client = await t.as(user);
      const refused = await client.inject({
        method: "PUT",
        url: "/api/indicators/shantytown_starts/profile",
        payload: { profile: EVEN },
      });
      expect(refused.statusCode, user).toBe(403);
    }
  });
});
