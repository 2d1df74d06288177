import { describe, expect, it } from "vitest";
import type { ImportResult, Notification } from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";
import { multipartFile } from "../../../spreadsheet-helpers.js";

const t = useTestApp();

// Wenzhou has no counties: its bureau's file names Wenzhou itself.
const PERIOD = "parent=330300&year=2023&month=2";
const csv = (value: number) =>
  Buffer.from(`region,name,shantytown_starts\n330300,温州市,${value}\n`);

const clients = new Map<string, Client>();
async function as(username: string): Promise<Client> {
  let client = clients.get(username);
  if (!client) {
    client = await t.as(username);
    clients.set(username, client);
  }
  return client;
}

async function importAs(user: string, value: number, action: string): Promise<ImportResult> {
  const { payload, headers } = multipartFile("wenzhou.csv", csv(value));
  const res = await (await as(user)).inject({
    method: "POST",
    url: `/api/import?${PERIOD}&action=${action}`,
    payload,
    headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function inbox(user: string): Promise<Notification[]> {
  const res = await (await as(user)).inject("/api/notifications");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().notifications;
}

describe("an imported month notifies as the form does", () => {
  it("submitted by file: Zhejiang's officials hear of it, once, as from the form", async () => {
    const target = await t.api.inject({
      method: "POST",
      url: "/api/targets",
      payload: { indicator: "shantytown_starts", region: "330300", year: 2023, value: 2400 },
    });
    expect([201, 409]).toContain(target.statusCode);
    const result = await importAs("wz_reporter", 300, "submitted");
    expect(result.months).toMatchObject([{ region: "330300", status: "submitted" }]);

    const [n, ...rest] = await inbox("zj_official");
    expect(rest).toEqual([]);
    // The same notification the form's submit writes (notifications.test.ts).
    expect(n).toMatchObject({
      kind: "month_submitted",
      titleZh: "温州市2023年2月月报待审核",
      titleEn: "Wenzhou 2023-02 awaits approval",
      link: "/approvals",
      readAt: null,
    });
    expect(await inbox("gd_official")).toEqual([]);
    expect(await inbox("national")).toEqual([]);
    expect(await inbox("wz_reporter")).toEqual([]);

    // The same file again changes nothing, and notifies no one again.
    await importAs("wz_reporter", 300, "submitted");
    expect(await inbox("zj_official")).toHaveLength(1);
  });

  it("approved by file: the bureau hears its month was approved", async () => {
    const result = await importAs("zj_official", 300, "approved");
    expect(result.months).toMatchObject([{ region: "330300", status: "approved" }]);
    const notes = await inbox("wz_reporter");
    expect(notes).toMatchObject([
      {
        kind: "month_approved",
        titleZh: "温州市2023年2月月报已审核通过",
        link: "/entry?region=330300&year=2023&month=2",
      },
    ]);
    // The official who approved is not told of the submission again.
    expect(await inbox("zj_official")).toHaveLength(1);
  });

  it("a draft saved by file notifies no one", async () => {
    const draft = await (await as("wz_reporter")).inject({
      method: "POST",
      url: "/api/import?parent=330300&year=2023&month=3",
      ...multipartFile("wenzhou.csv", csv(450)),
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().months).toMatchObject([{ region: "330300", status: "draft" }]);
    expect(await inbox("zj_official")).toHaveLength(1);
    expect(await inbox("wz_reporter")).toHaveLength(1);
  });
});
