import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/schemas/index.js";
import { type Client, useTestApp } from "../helper.js";
import { multipartFile } from "../spreadsheet-helpers.js";

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

/** Imports one figure of a Wenzhou 2024 month as `who`, with the action chosen (above the approved months before it). */
const importWenzhou = (who: Client, month: number, query: string, value = 10 + month) => {
  // Explained: a jump over the usual increment would otherwise keep the month a draft.
  const csv = Buffer.from(
    `t\nregion,name,rural_seismic,rural_seismic.explanation\n330300,温州市,${value},集中改造\n`,
  );
  const { payload, headers } = multipartFile("wenzhou.csv", csv);
  return who.inject({
    method: "POST",
    url: `/api/import?parent=330300&year=2024&month=${month}&${query}`,
    payload,
    headers,
  });
};

const monthOf = async (who: Client, month: number) =>
  (await who.inject(`/api/submissions/330300/2024/${month}`)).json();

const rulesOf = (res: { json(): ImportResult }) => res.json().errors.map((e) => e.rule);

describe("four eyes on imports", () => {
  it("F19: an official cannot approve by file figures the file changes: refused in the check and the import, nothing written", async () => {
    const official = await t.as("zj_official");
    const check = await importWenzhou(official, 7, "action=approved&dryRun=true");
    expect(check.statusCode).toBe(422);
    expect(check.json().errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: "A",
        field: "region",
        rule: "four_eyes",
        params: { code: "330300" },
      }),
    ]);
    const res = await importWenzhou(official, 7, "action=approved");
    expect(res.statusCode).toBe(422);
    expect(rulesOf(res)).toEqual(["four_eyes"]);
    expect(await monthOf(official, 7)).toMatchObject({ version: 0, status: null });
    // Imported for review instead, the month waits for another official.
    const submitted = await importWenzhou(official, 7, "action=submitted");
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await monthOf(official, 7)).status).toBe("submitted");
    // The same file again to approve it changes no figure, but this official submitted it.
    expect(rulesOf(await importWenzhou(official, 7, "action=approved"))).toEqual(["four_eyes"]);
    // Another official approves it by the same file.
    const approved = await importWenzhou(t.api, 7, "action=approved");
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().months).toMatchObject([{ region: "330300", status: "approved" }]);
    expect((await monthOf(official, 7)).status).toBe("approved");
  });

  it("F19: figures an official imported count as their edit for the approvals route too", async () => {
    const official = await t.as("zj_official");
    const bureau = await t.as("wz_reporter");
    const drafted = await importWenzhou(official, 8, "action=draft");
    expect(drafted.statusCode, drafted.body).toBe(200);
    const submitted = await bureau.inject({
      method: "POST",
      url: "/api/submissions/330300/2024/8/submit",
      payload: { version: (await monthOf(bureau, 8)).version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const version = submitted.json().version;
    const own = await approve(official, 8, version);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ rule: "four_eyes" });
    expect((await approve(t.api, 8, version)).statusCode).toBe(200);
  });

  it("F19: an approval by file that changed nothing is no edit: its official may approve the month again after a reopening", async () => {
    const official = await t.as("zj_official");
    const bureau = await t.as("wz_reporter");
    const submitted = await importWenzhou(bureau, 9, "action=submitted");
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await importWenzhou(official, 9, "action=approved");
    expect(approved.statusCode, approved.body).toBe(200);
    const reopened = await t.api.inject({
      method: "POST",
      url: "/api/submissions/330300/2024/9/reopen",
      payload: { version: (await monthOf(official, 9)).version, reason: "复核" },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const again = await bureau.inject({
      method: "POST",
      url: "/api/submissions/330300/2024/9/submit",
      payload: { version: reopened.json().version },
    });
    expect(again.statusCode, again.body).toBe(200);
    const res = await approve(official, 9, again.json().version);
    expect(res.statusCode, res.body).toBe(200);
  });

  it("F19: turned off for the province, an official may approve by file the figures they import", async () => {
    await setFourEyes(false);
    const official = await t.as("zj_official");
    const res = await importWenzhou(official, 10, "action=approved");
    expect(res.statusCode, res.body).toBe(200);
    expect((await monthOf(official, 10)).status).toBe("approved");
    await setFourEyes(true);
  });
});
