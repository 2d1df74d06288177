import { describe, expect, it } from "vitest";
import type { SubmissionView } from "../../../../src/schemas/index.js";
import { type Client, useTestApp } from "../../../helper.js";

const t = useTestApp();

const form = (region: string, year: number, month: number) =>
  `/api/submissions/${region}/${year}/${month}`;

async function view(path: string): Promise<SubmissionView> {
  const res = await t.api.inject({ url: path });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const clients = new Map<string, Client>();

/** Sends as a bureau (`wz_reporter`), the province (`zj_official`) or by default the national official. */
async function send(method: "PUT" | "POST", url: string, payload: object, user?: string) {
  let client = user ? clients.get(user) : t.api;
  if (!client && user) {
    client = await t.as(user);
    clients.set(user, client);
  }
  return (client ?? t.api).inject({ method, url, payload });
}

async function progressLine(
  indicator: string,
  parent: string,
  region: string,
  year: number,
  month: number,
) {
  const res = await t.api.inject({
    url: `/api/progress?indicator=${indicator}&parent=${parent}&year=${year}&month=${month}`,
  });
  return res.json().children.find((c: { region: { code: string } }) => c.region.code === region);
}

describe("the month's form", () => {
  it("lists the region's indicators with targets and last month's approved figures", async () => {
    const v = await view(form("330300", 2022, 11));
    expect(v.region.nameEn).toBe("Wenzhou");
    expect(v.status).toBe("approved");
    const starts = v.entries.find((e) => e.indicator.code === "shantytown_starts");
    expect(starts?.target).toBeGreaterThan(0);
    expect(starts?.previous.value).toBeGreaterThan(0);
    expect(v.deadline).toBe("2022-12-05T15:59:59.999Z");
  });
});

describe("workflow: submit, return, resubmit, approve, locked, reopen", () => {
  const url = form("330300", 2023, 1);
  const starts = { indicator: "shantytown_starts", value: 300 };

  it("walks a month through every state, keeping every revision", async () => {
    // Targets for 2023 so the form and warnings have something to go on.
    await send("POST", "/api/targets", {
      indicator: "shantytown_starts",
      region: "330300",
      year: 2023,
      value: 2400,
    });

    const saved = await send(
      "PUT",
      url,
      {
        baseVersion: 0,
        entries: [starts, { indicator: "prefab_share", numerator: 30, denominator: 150 }],
      },
      "wz_reporter",
    );
    expect(saved.statusCode, saved.body).toBe(200);
    let v: SubmissionView = saved.json();
    expect(v.status).toBe("draft");
    expect(v.entries.find((e) => e.indicator.code === "shantytown_starts")?.completion).toBeCloseTo(
      300 / 2400,
      9,
    );

    const submitted = await send("POST", `${url}/submit`, { version: v.version }, "wz_reporter");
    expect(submitted.statusCode, submitted.body).toBe(200);
    v = submitted.json();
    expect(v.status).toBe("submitted");
    expect(v.firstSubmittedAt).not.toBeNull();

    // Not counted on the dashboard until approved.
    expect(
      (await progressLine("shantytown_starts", "330000", "330300", 2023, 1))?.actual,
    ).toBeNull();

    const noReason = await send("POST", `${url}/return`, { version: v.version }, "zj_official");
    expect(noReason.statusCode).toBe(400);
    const returned = await send(
      "POST",
      `${url}/return`,
      { version: v.version, reason: "棚改数据与台账不符" },
      "zj_official",
    );
    expect(returned.statusCode, returned.body).toBe(200);
    v = returned.json();
    expect(v.status).toBe("returned");
    expect(v.reason).toBe("棚改数据与台账不符");

    const fixed = await send(
      "PUT",
      url,
      { baseVersion: v.version, entries: [{ ...starts, value: 280 }] },
      "wz_reporter",
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    v = fixed.json();
    expect(v.status).toBe("draft");
    const resubmitted = await send("POST", `${url}/submit`, { version: v.version }, "wz_reporter");
    v = resubmitted.json();
    expect(v.status).toBe("submitted");

    const approved = await send("POST", `${url}/approve`, { version: v.version }, "zj_official");
    expect(approved.statusCode, approved.body).toBe(200);
    v = approved.json();
    expect(v.status).toBe("approved");
    expect((await progressLine("shantytown_starts", "330000", "330300", 2023, 1))?.actual).toBe(
      280,
    );

    const locked = await send(
      "PUT",
      url,
      { baseVersion: v.version, entries: [{ ...starts, value: 999 }] },
      "wz_reporter",
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toMatch(/locked/);
    const figure = (await t.api.inject("/api/reports/shantytown_starts/330300/2023/1")).json();
    const lockedSingle = await send("PUT", "/api/reports/shantytown_starts/330300/2023/1", {
      value: 999,
      version: figure.version,
    });
    expect(lockedSingle.statusCode).toBe(409);
    expect(lockedSingle.json().message).toMatch(/locked/);

    const reopened = await send(
      "POST",
      `${url}/reopen`,
      { version: v.version, reason: "补报漏报项目" },
      "zj_official",
    );
    expect(reopened.statusCode, reopened.body).toBe(200);
    v = reopened.json();
    expect(v.status).toBe("returned");
    expect(
      (await send("PUT", url, { baseVersion: v.version, entries: [{ ...starts, value: 320 }] }))
        .statusCode,
    ).toBe(200);

    const history = await t.api.inject({
      url: "/api/reports/shantytown_starts/330300/2023/1/history",
    });
    const revisions = history.json().revisions;
    expect(revisions.map((r: { action: string }) => r.action)).toEqual([
      "save",
      "submit",
      "return",
      "save",
      "submit",
      "approve",
      "reopen",
      "save",
    ]);
    expect(revisions[3]).toMatchObject({
      oldValue: 300,
      newValue: 280,
      actor: "wz_reporter",
      oldStatus: "returned",
      newStatus: "draft",
    });
    expect(revisions[2]).toMatchObject({ actor: "zj_official", reason: "棚改数据与台账不符" });
    expect(revisions[6]).toMatchObject({
      reason: "补报漏报项目",
      oldStatus: "approved",
      newStatus: "returned",
    });
  });

  it("refuses approving a draft and submitting an empty month", async () => {
    const u = form("330400", 2023, 1);
    expect((await send("POST", `${u}/submit`, { version: 0 })).statusCode).toBe(400);
    const saved: SubmissionView = (
      await send("PUT", u, { baseVersion: 0, entries: [starts] })
    ).json();
    expect((await send("POST", `${u}/approve`, { version: saved.version })).statusCode).toBe(409);
  });
});

describe("concurrency and retries", () => {
  it("a stale version gets 409 and overwrites nothing", async () => {
    const u = form("330500", 2023, 1);
    const first: SubmissionView = (
      await send("PUT", u, {
        baseVersion: 0,
        entries: [{ indicator: "shantytown_starts", value: 100 }],
      })
    ).json();
    const second = await send("PUT", u, {
      baseVersion: first.version,
      entries: [{ indicator: "shantytown_starts", value: 120 }],
    });
    expect(second.statusCode).toBe(200);
    const stale = await send("PUT", u, {
      baseVersion: first.version,
      entries: [{ indicator: "shantytown_starts", value: 999 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/changed meanwhile/);
    const v = await view(u);
    expect(v.entries.find((e) => e.indicator.code === "shantytown_starts")?.value).toBe(120);

    const nowhere = form("330500", 2023, 5);
    expect(
      (
        await send("PUT", nowhere, {
          baseVersion: 3,
          entries: [{ indicator: "shantytown_starts", value: 1 }],
        })
      ).statusCode,
    ).toBe(409);
    expect((await view(nowhere)).status).toBeNull();

    const staleFigure = await send("PUT", "/api/reports/shantytown_starts/330500/2023/1", {
      value: 5,
      version: 1,
    });
    expect(staleFigure.statusCode).toBe(409);
    const freshFigure = await send("PUT", "/api/reports/shantytown_starts/330500/2023/1", {
      value: 130,
      version: 2,
    });
    expect(freshFigure.statusCode, freshFigure.body).toBe(200);
    expect(freshFigure.json()).toMatchObject({ value: 130, version: 3 });
  });

  it("a retried submit with the same Idempotency-Key applies once and answers the same", async () => {
    const u = form("330600", 2023, 1);
    const saved: SubmissionView = (
      await send("PUT", u, {
        baseVersion: 0,
        entries: [{ indicator: "shantytown_starts", value: 100 }],
      })
    ).json();
    const headers = { "idempotency-key": "submit-330600-2023-01-abc" };
    const first = await t.api.inject({
      method: "POST",
      url: `${u}/submit`,
      payload: { version: saved.version },
      headers,
    });
    const retry = await t.api.inject({
      method: "POST",
      url: `${u}/submit`,
      payload: { version: saved.version },
      headers,
    });
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers["idempotent-replay"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    const history = (
      await t.api.inject({ url: "/api/reports/shantytown_starts/330600/2023/1/history" })
    ).json();
    expect(history.revisions.filter((r: { action: string }) => r.action === "submit")).toHaveLength(
      1,
    );
    const without = await t.api.inject({
      method: "POST",
      url: `${u}/submit`,
      payload: { version: saved.version },
    });
    expect(without.statusCode).toBe(409);
    const elsewhere = await t.api.inject({
      method: "POST",
      url: `${form("330700", 2023, 1)}/submit`,
      payload: { version: 1 },
      headers,
    });
    expect(elsewhere.statusCode).toBe(409);
  });

  it("saving the same figures again changes nothing", async () => {
    const u = form("330800", 2023, 1);
    const entries = [{ indicator: "shantytown_starts", value: 100 }];
    const a: SubmissionView = (await send("PUT", u, { baseVersion: 0, entries })).json();
    const b: SubmissionView = (await send("PUT", u, { baseVersion: a.version, entries })).json();
    expect(b.version).toBe(a.version);
    const history = (
      await t.api.inject({ url: "/api/reports/shantytown_starts/330800/2023/1/history" })
    ).json();
    expect(history.revisions).toHaveLength(1);
  });
});

describe("validation rules, each failing and passing", () => {
  // Zhejiang cities, 2022: months 1-11 approved in the seed; December 2022 approved for most.
  // Lishui (331100) and others' 2023 months are empty, so each case starts clean.
  const cases: [string, string, object, object, string][] = [
    [
      "negative",
      "331000",
      { indicator: "shantytown_starts", value: -1 },
      { indicator: "shantytown_starts", value: 1 },
      "value",
    ],
    [
      "not_integer",
      "331000",
      { indicator: "shantytown_starts", value: 1.5 },
      { indicator: "shantytown_starts", value: 2 },
      "value",
    ],
    [
      "numerator_exceeds_denominator",
      "331000",
      { indicator: "prefab_share", numerator: 60, denominator: 50 },
      { indicator: "prefab_share", numerator: 10, denominator: 50 },
      "numerator",
    ],
    [
      "unknown_indicator",
      "331000",
      { indicator: "no_such_indicator", value: 1 },
      { indicator: "rural_seismic", value: 1 },
      "indicator",
    ],
  ];
  it.each(cases)("%s", async (rule, region, bad, good, field) => {
    const u = form(region, 2023, 2);
    const before = await view(u);
    const refused = await send("PUT", u, { baseVersion: before.version, entries: [bad] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toBe(rule);
    expect(refused.json().field).toBe(`entries.0.${field}`);
    expect((await view(u)).version).toBe(before.version);
    const accepted = await send("PUT", u, { baseVersion: before.version, entries: [good] });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it("future_month", async () => {
    // Relative to today, so the test holds in every year (a fixed 2026-12 stopped being future).
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    expect(
      (
        await send("PUT", form("331000", next.getUTCFullYear(), next.getUTCMonth() + 1), {
          baseVersion: 0,
          entries: [{ indicator: "shantytown_starts", value: 1 }],
        })
      ).json().rule,
    ).toBe("future_month");
    expect(
      (
        await send("PUT", form("331000", 2026, 10), {
          baseVersion: 0,
          entries: [{ indicator: "shantytown_starts", value: 1 }],
        })
      ).statusCode,
    ).toBe(200);
  });

  it("unknown region and month 13", async () => {
    const badRegion = await send("PUT", form("999999", 2023, 1), {
      baseVersion: 0,
      entries: [{ indicator: "shantytown_starts", value: 1 }],
    });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().field).toBe("region");
    expect(
      (
        await send("PUT", form("331000", 2023, 13), {
          baseVersion: 0,
          entries: [{ indicator: "shantytown_starts", value: 1 }],
        })
      ).json().field,
    ).toBe("month");
    expect(
      (
        await send("PUT", form("331000", 2023, 3), {
          baseVersion: 0,
          entries: [{ indicator: "shantytown_starts", value: 1 }],
        })
      ).statusCode,
    ).toBe(200);
  });

  it("ytd_below_previous: December cannot fall below November's approved YTD", async () => {
    // Reopen Lishui's approved December 2022 to edit it.
    const u = form("331100", 2022, 12);
    let v = await view(u);
    const entry = v.entries.find((e) => e.indicator.code === "shantytown_starts");
    const previous = entry?.previous.value as number;
    if (v.status === "approved") {
      v = (await send("POST", `${u}/reopen`, { version: v.version, reason: "测试 test" })).json();
    }
    const below = await send("PUT", u, {
      baseVersion: v.version,
      entries: [{ indicator: "shantytown_starts", value: previous - 1 }],
    });
    expect(below.statusCode).toBe(400);
    expect(below.json().rule).toBe("ytd_below_previous");
    const equal = await send("PUT", u, {
      baseVersion: v.version,
      entries: [{ indicator: "shantytown_starts", value: previous }],
    });
    expect(equal.statusCode, equal.body).toBe(200);
  });

  it("increment mode adds this month to last month's YTD", async () => {
    const u = form("330900", 2022, 12);
    let v = await view(u);
    if (v.status === "approved")
      v = (
        await send("POST", `${u}/reopen`, { version: v.version, reason: "改按当月填报" })
      ).json();
    const previous = v.entries.find((e) => e.indicator.code === "rural_seismic")?.previous
      .value as number;
    const saved: SubmissionView = (
      await send("PUT", u, {
        baseVersion: v.version,
        entries: [{ indicator: "rural_seismic", mode: "increment", value: 7 }],
      })
    ).json();
    expect(saved.entries.find((e) => e.indicator.code === "rural_seismic")?.value).toBe(
      previous + 7,
    );
  });

  it("warnings need a written explanation before submitting", async () => {
    const u = form("331000", 2023, 4);
    // 2023 target for Taizhou: 1,000; 600 in one month is over half of it.
    await send("POST", "/api/targets", {
      indicator: "old_community_starts",
      region: "331000",
      year: 2023,
      value: 1000,
    });
    const saved: SubmissionView = (
      await send("PUT", u, {
        baseVersion: 0,
        entries: [{ indicator: "old_community_starts", value: 600 }],
      })
    ).json();
    const entry = saved.entries.find((e) => e.indicator.code === "old_community_starts");
    expect(entry?.warnings.map((w) => w.rule)).toContain("over_half_target_in_month");
    const refused = await send("POST", `${u}/submit`, { version: saved.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rule).toBe("explanation_required");
    const explained: SubmissionView = (
      await send("PUT", u, {
        baseVersion: saved.version,
        entries: [
          { indicator: "old_community_starts", value: 600, explanation: "集中开工一批老旧小区" },
        ],
      })
    ).json();
    const ok = await send("POST", `${u}/submit`, { version: explained.version });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("warns on a jump over 3× the usual increment and on YTD above 150% of target", async () => {
    const u = form("330100", 2022, 12);
    let v = await view(u);
    if (v.status === "approved")
      v = (await send("POST", `${u}/reopen`, { version: v.version, reason: "核对" })).json();
    const entry = v.entries.find((e) => e.indicator.code === "shantytown_starts");
    const target = entry?.target as number;
    const previous = entry?.previous.value as number;
    const jump = previous + Math.round(target * 0.4);
    const saved: SubmissionView = (
      await send("PUT", u, {
        baseVersion: v.version,
        entries: [{ indicator: "shantytown_starts", value: jump }],
      })
    ).json();
    expect(
      saved.entries
        .find((e) => e.indicator.code === "shantytown_starts")
        ?.warnings.map((w) => w.rule),
    ).toContain("jump_over_3x_median");
    const huge = Math.round(target * 1.6);
    const saved2: SubmissionView = (
      await send("PUT", u, {
        baseVersion: saved.version,
        entries: [{ indicator: "shantytown_starts", value: huge }],
      })
    ).json();
    expect(
      saved2.entries
        .find((e) => e.indicator.code === "shantytown_starts")
        ?.warnings.map((w) => w.rule),
    ).toContain("ytd_over_150pct");
    const normal = previous + 1;
    const saved3: SubmissionView = (
      await send("PUT", u, {
        baseVersion: saved2.version,
        entries: [{ indicator: "shantytown_starts", value: normal }],
      })
    ).json();
    expect(saved3.entries.find((e) => e.indicator.code === "shantytown_starts")?.warnings).toEqual(
      [],
    );
  });
});

describe("dashboard with figures awaiting approval", () => {
  it("counts submitted figures only with include=submitted, and labels them provisional", async () => {
    const u = form("331100", 2023, 2);
    const saved: SubmissionView = (
      await send("PUT", u, { baseVersion: 0, entries: [{ indicator: "rural_seismic", value: 42 }] })
    ).json();
    expect((await send("POST", `${u}/submit`, { version: saved.version })).statusCode).toBe(200);
    const base = "/api/progress?indicator=rural_seismic&parent=330000&year=2023&month=2";
    const approvedOnly = (await t.api.inject({ url: base })).json();
    const withSubmitted = (await t.api.inject({ url: `${base}&include=submitted` })).json();
    type Line = { region: { code: string }; actual: number | null; provisional: boolean };
    const lishui = (body: { children: Line[] }) =>
      body.children.find((c) => c.region.code === "331100") as {
        actual: number | null;
        provisional: boolean;
      };
    expect(lishui(approvedOnly)).toMatchObject({ actual: null, provisional: false });
    expect(lishui(withSubmitted)).toMatchObject({ actual: 42, provisional: true });
    expect(withSubmitted.parent.provisional).toBe(true);
    expect(approvedOnly.parent.provisional).toBe(false);
  });
});
