import { describe, expect, it } from "vitest";
import { type Client, useTestApp } from "../helper.js";

const t = useTestApp();

/** Enters a figure for a Wenzhou month and submits it, all as `who`; the submitted version. */
async function enterAndSubmit(who: Client, month: number): Promise<number> {
  const url = `/api/submissions/330300/2024/${month}`;
  const saved = await who.inject({
    method: "PUT",
    url,
    payload: { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 3 }] },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await who.inject({
    method: "POST",
    url: `${url}/submit`,
    payload: { version: saved.json().version },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json().version;
}

const approve = (who: Client, month: number, version: number) =>
  who.inject({
    method: "POST",
    url: `/api/submissions/330300/2024/${month}/approve`,
    payload: { version },
  });

const setFourEyes = async (fourEyes: boolean) => {
  const security = await t.as("secofficer");
  const res = await security.inject({
    method: "PUT",
    url: "/api/settings/provinces/330000",
    payload: { fourEyes },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ regionCode: "330000", fourEyes, updatedBy: "secofficer" });
};

describe("four eyes on approvals", () => {
  it("F19: on by default, an official cannot approve the month they entered and submitted", async () => {
    const security = await t.as("secofficer");
    const settings = (await security.inject("/api/settings/provinces")).json().provinces;
    expect(settings.find((p: { regionCode: string }) => p.regionCode === "330000")).toMatchObject({
      fourEyes: true,
    });
    const official = await t.as("zj_official");
    const version = await enterAndSubmit(official, 2);
    const own = await approve(official, 2, version);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ rule: "four_eyes" });
    expect(own.json().message).toMatch(/another official must approve it/);
    // Another official approves it.
    expect((await approve(t.api, 2, version)).statusCode).toBe(200);
  });

  it("F19: nor the month whose figures they edited last, though a bureau submitted it", async () => {
    const bureau = await t.as("wz_reporter");
    const official = await t.as("zj_official");
    const url = "/api/submissions/330300/2024/4";
    const saved = await bureau.inject({
      method: "PUT",
      url,
      payload: { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 3 }] },
    });
    const edited = await official.inject({
      method: "PUT",
      url,
      payload: {
        baseVersion: saved.json().version,
        entries: [{ indicator: "rural_seismic", value: 4 }],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const submitted = await bureau.inject({
      method: "POST",
      url: `${url}/submit`,
      payload: { version: edited.json().version },
    });
    const version = submitted.json().version;
    expect((await approve(official, 4, version)).statusCode).toBe(403);
    expect((await approve(t.api, 4, version)).statusCode).toBe(200);
  });

  it("F19: turned off for the province, one official may approve their own month", async () => {
    await setFourEyes(false);
    const official = await t.as("zj_official");
    const version = await enterAndSubmit(official, 3);
    const own = await approve(official, 3, version);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().status).toBe("approved");
    await setFourEyes(true);
  });

  it("F19: only the security officer sets it", async () => {
    const official = await t.as("zj_official");
    const res = await official.inject({
      method: "PUT",
      url: "/api/settings/provinces/330000",
      payload: { fourEyes: false },
    });
    expect(res.statusCode).toBe(403);
    const security = await t.as("secofficer");
    const city = await security.inject({
      method: "PUT",
      url: "/api/settings/provinces/330300",
      payload: { fourEyes: false },
    });
    expect(city.statusCode).toBe(400);
  });
});
