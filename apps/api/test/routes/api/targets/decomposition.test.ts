import { describe, expect, it } from "vitest";
import type { Decomposition } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

const ZJ_CITIES = [
  "330100",
  "330200",
  "330300",
  "330400",
  "330500",
  "330600",
  "330700",
  "330800",
  "330900",
  "331000",
  "331100",
];

const put = async (payload: object, username = "zj_official") =>
  (await t.as(username)).inject({ method: "PUT", url: "/api/targets/decomposition", payload });

describe("target decomposition (目标分解)", () => {
  it("reads a seeded province target with its cities' targets, which add up", async () => {
    const res = await t.api.inject(
      "/api/targets/decomposition?parent=440000&indicator=shantytown_starts&year=2020",
    );
    expect(res.statusCode, res.body).toBe(200);
    const body: Decomposition = res.json();
    expect(body.parent).toMatchObject({ region: "440000", nameZh: "广东省" });
    expect(body.parent.target?.value).toBe(10925);
    expect(body.children.length).toBeGreaterThan(5);
    expect(body.check).toMatchObject({ sum: 10925, difference: 0, status: "consistent" });
  });

  it("sets the province's and every city's target in one request and warns when they fall short", async () => {
    const children = ZJ_CITIES.map((region) => ({ region, value: 1000 }));
    const res = await put({
      parent: "330000",
      indicator: "shantytown_starts",
      year: 2024,
      value: 11_500,
      dueMonth: 10,
      children,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body: Decomposition = res.json();
    expect(body.changed).toBe(12);
    expect(body.check).toMatchObject({
      sum: 11_000,
      parent: 11_500,
      difference: -500,
      status: "short",
      severity: "warning",
    });
    // The cities take the province's due month unless given their own.
    expect(body.children.every((c) => c.target?.dueMonth === 10)).toBe(true);

    const fixed = await put({
      parent: "330000",
      indicator: "shantytown_starts",
      year: 2024,
      children: [{ region: "331100", value: 1500, dueMonth: 6 }],
    });
    expect(fixed.json().check).toMatchObject({ sum: 11_500, status: "consistent", severity: "ok" });
    expect(fixed.json().changed).toBe(1);
    const lishui = fixed.json().children.find((c: { region: string }) => c.region === "331100");
    expect(lishui.target).toMatchObject({ value: 1500, dueMonth: 6 });

    const listed = (
      await t.api.inject("/api/targets?indicator=shantytown_starts&year=2024&region=331100")
    ).json().targets;
    expect(listed).toEqual([expect.objectContaining({ value: 1500, dueMonth: 6 })]);
  });

  it("never sums shares: flags the cities aiming below the province's share", async () => {
    const res = await put({
      parent: "330000",
      indicator: "prefab_share",
      year: 2024,
      value: 0.35,
      children: [
        { region: "330100", value: 0.4 },
        { region: "330300", value: 0.3 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().check).toMatchObject({
      sum: null,
      status: "mixed",
      severity: "info",
      worse: ["330300"],
    });
  });

  it("removes a city's target given null", async () => {
    const first = await put({
      parent: "330000",
      indicator: "rural_seismic",
      year: 2024,
      value: 100,
      children: [{ region: "330200", value: 40 }],
    });
    expect(first.statusCode, first.body).toBe(200);
    const res = await put({
      parent: "330000",
      indicator: "rural_seismic",
      year: 2024,
      children: [{ region: "330200", value: null }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const ningbo = res.json().children.find((c: { region: string }) => c.region === "330200");
    expect(ningbo.target).toBeNull();
    expect(res.json().check.status).toBe("incomplete");
  });

  it.each([
    [{ children: [{ region: "440100", value: 1 }] }, "children[0].region"],
    [
      {
        children: [
          { region: "330100", value: 1 },
          { region: "330100", value: 2 },
        ],
      },
      "children[1].region",
    ],
    [{ children: [{ region: "330100", value: 2.5 }] }, "children[0].value"],
    [{ value: 1.5, children: [] }, "value"],
    [{ parent: "330300", children: [] }, "parent"],
    [{ indicator: "nope", children: [] }, "indicator"],
  ])("refuses %j with 400 naming %s and writes nothing", async (change, field) => {
    const before = (await t.api.inject("/api/targets?year=2025")).json().targets;
    const res = await put({
      parent: "330000",
      indicator: "shantytown_starts",
      year: 2025,
      value: 100,
      ...change,
      children: [...change.children, { region: "330900", value: 5 }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
    expect((await t.api.inject("/api/targets?year=2025")).json().targets).toEqual(before);
  });

  it("is the province's to change: a leader reads, a bureau may not write, Guangdong not Zhejiang's", async () => {
    const body = {
      parent: "330000",
      indicator: "shantytown_starts",
      year: 2024,
      children: [{ region: "330100", value: 1 }],
    };
    expect((await put(body, "zj_leader")).statusCode).toBe(403);
    expect((await put(body, "wz_reporter")).statusCode).toBe(403);
    expect((await put(body, "gd_official")).statusCode).toBe(403);
    const leader = await t.as("zj_leader");
    const read = await leader.inject(
      "/api/targets/decomposition?parent=330000&indicator=shantytown_starts&year=2024",
    );
    expect(read.statusCode).toBe(200);
  });

  it("keeps the old and new decomposition in the audit log", async () => {
    await put({
      parent: "330000",
      indicator: "old_community_starts",
      year: 2024,
      value: 20,
      children: [{ region: "330500", value: 20 }],
    });
    const inspector = await t.as("inspector");
    const { entries } = (await inspector.inject("/api/audit?limit=200")).json();
    const row = entries.find(
      (r: { entity: string; entityId: string }) =>
        r.entity === "target-decomposition" && r.entityId === "old_community_starts/330000/2024",
    );
    expect(row).toMatchObject({ result: "success" });
    expect(row.oldValue.parent.target).toBeNull();
    expect(row.newValue.parent.target.value).toBe(20);
  });
});
