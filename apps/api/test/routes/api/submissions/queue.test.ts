import { describe, expect, it } from "vitest";
import type {
  MonthHistoryResponse,
  SubmissionQueue,
  SubmissionView,
} from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";

const t = useTestApp();

// Wenzhou has not reported December 2022 in the demo data: the month is open.
const wenzhouDecember = "/api/submissions/330300/2022/12";

const clients = new Map<string, Client>();
async function as(user: string): Promise<Client> {
  let client = clients.get(user);
  if (!client) {
    client = await t.as(user);
    clients.set(user, client);
  }
  return client;
}

async function ok<T>(promise: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const res = await promise;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe("the form carries what live checks need", () => {
  it("gives each cumulative indicator the region's past monthly increments", async () => {
    const v = await ok<SubmissionView>(t.api.inject(wenzhouDecember));
    expect(v.status).toBeNull();
    const starts = v.entries.find((e) => e.indicator.code === "shantytown_starts");
    // Every approved month of 2021 and January–November 2022.
    expect(starts?.pastIncrements).toHaveLength(23);
    expect(starts?.pastIncrements.every((n) => Number.isFinite(n))).toBe(true);
    const prefab = v.entries.find((e) => e.indicator.code === "prefab_share");
    expect(prefab?.pastIncrements).toEqual([]);
  });
});

describe("approvals queue and a month's history", () => {
  it("lists submitted months of the province's cities with their warnings, then the history", async () => {
    const reporter = await as("wz_reporter");
    const official = await as("zj_official");
    const empty = await ok<SubmissionQueue>(official.inject("/api/submissions?parent=330000"));
    expect(empty.items).toEqual([]);
    expect(empty.truncated).toBe(false);

    // One figure of nineteen: only a province that allows partial months lets it be submitted.
    await ok(
      official.inject({
        method: "PUT",
        url: "/api/settings/provinces/330000/reporting",
        payload: { allowPartialMonths: true },
      }),
    );
    const form = await ok<SubmissionView>(reporter.inject(wenzhouDecember));
    expect(form.allowPartial).toBe(true);
    const starts = form.entries.find((e) => e.indicator.code === "shantytown_starts");
    const previous = starts?.previous.value ?? 0;
    const target = starts?.target ?? 0;
    // Over half the annual target in one month: a warning that needs an explanation.
    const saved = await ok<SubmissionView>(
      reporter.inject({
        method: "PUT",
        url: wenzhouDecember,
        payload: {
          baseVersion: 0,
          entries: [
            {
              indicator: "shantytown_starts",
              value: Math.round(previous + 0.6 * target),
              explanation: "年底集中开工",
            },
          ],
        },
      }),
    );
    const submitted = await ok<SubmissionView>(
      reporter.inject({
        method: "POST",
        url: `${wenzhouDecember}/submit`,
        payload: { version: saved.version },
      }),
    );
    expect(submitted.status).toBe("submitted");

    const queue = await ok<SubmissionQueue>(official.inject("/api/submissions?parent=330000"));
    expect(queue.items.map((i) => `${i.region.code}/${i.year}/${i.month}`)).toEqual([
      "330300/2022/12",
    ]);
    const item = queue.items[0] as SubmissionView;
    const line = item.entries.find((e) => e.indicator.code === "shantytown_starts");
    expect(line?.status).toBe("submitted");
    expect(line?.warnings.map((w) => w.rule)).toContain("over_half_target_in_month");
    expect(line?.explanation).toBe("年底集中开工");

    // Other statuses, months and provinces.
    const approved = await ok<SubmissionQueue>(
      official.inject("/api/submissions?parent=330000&status=approved&year=2022&month=11"),
    );
    // The eleven cities and the province's own month (it reports its level indicators itself).
    expect(approved.items).toHaveLength(12);
    expect(approved.items.map((i) => i.region.code)).toContain("330000");
    expect(approved.items.every((i) => i.status === "approved" && i.month === 11)).toBe(true);
    const guangdong = await ok<SubmissionQueue>(t.api.inject("/api/submissions?parent=440000"));
    expect(guangdong.items).toEqual([]);
    expect((await reporter.inject("/api/submissions?parent=330000")).statusCode).toBe(403);
    expect((await official.inject("/api/submissions?parent=440000")).statusCode).toBe(403);
    expect((await t.api.inject("/api/submissions?parent=999999")).statusCode).toBe(400);

    await ok(
      official.inject({
        method: "POST",
        url: `${wenzhouDecember}/return`,
        payload: { version: submitted.version, reason: "请核对棚改开工数" },
      }),
    );
    const history = await ok<MonthHistoryResponse>(reporter.inject(`${wenzhouDecember}/history`));
    expect(history.revisions.map((r) => `${r.indicator} ${r.action} ${r.actor}`)).toEqual([
      "shantytown_starts save wz_reporter",
      "shantytown_starts submit wz_reporter",
      "shantytown_starts return zj_official",
    ]);
    expect(history.revisions[2]).toMatchObject({
      reason: "请核对棚改开工数",
      oldStatus: "submitted",
      newStatus: "returned",
    });
    const returned = await ok<SubmissionQueue>(
      official.inject("/api/submissions?parent=330000&status=returned"),
    );
    expect(returned.items[0]?.reason).toBe("请核对棚改开工数");
    const none = await ok<MonthHistoryResponse>(
      t.api.inject("/api/submissions/330100/2022/12/history"),
    );
    expect(none.revisions).toEqual([]);
  });
});
