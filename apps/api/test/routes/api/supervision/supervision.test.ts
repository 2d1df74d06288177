import { currentDataVersion, schema } from "@jindu/db";
import { describe, expect, it } from "vitest";
import type { SupervisionRecord } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

const interview = {
  region: "330300",
  kind: "interview",
  heldOn: "2020-10-20",
  indicators: ["prefab_share"],
  actions: "制定装配式建筑推进整改方案，11月底前报省厅",
  deadline: "2020-11-30",
};

async function create(payload: object, as = "zj_official") {
  const client = await t.as(as);
  return client.inject({ method: "POST", url: "/api/supervision", payload });
}

describe("supervision records", () => {
  it("records an interview of a lagging city and lists it open for its region and province", async () => {
    const before = await currentDataVersion(t.database.db);
    const res = await create(interview);
    expect(res.statusCode, res.body).toBe(201);
    const record: SupervisionRecord = res.json();
    expect(record).toMatchObject({
      region: { code: "330300", nameZh: "温州市", level: "city" },
      kind: "interview",
      heldOn: "2020-10-20",
      indicators: ["prefab_share"],
      deadline: "2020-11-30",
      createdBy: "zj_official",
      status: "open",
      closedAt: null,
      outcome: null,
    });
    // Cached dashboard answers must not outlive a change.
    expect(Number(await currentDataVersion(t.database.db))).toBeGreaterThan(Number(before));

    const official = await t.as("zj_official");
    for (const region of ["330300", "330000"]) {
      const list = (await official.inject(`/api/supervision?region=${region}&status=open`)).json()
        .records as SupervisionRecord[];
      expect(list.map((r) => r.id)).toContain(record.id);
    }
    const closed = (await official.inject("/api/supervision?region=330000&status=closed")).json()
      .records as SupervisionRecord[];
    expect(closed.map((r) => r.id)).not.toContain(record.id);
    // Another city's list does not hold it.
    const hangzhou = (await official.inject("/api/supervision?region=330100")).json().records;
    expect(hangzhou.map((r: SupervisionRecord) => r.id)).not.toContain(record.id);
  });

  it("lists open records first, the nearest deadline first", async () => {
    const a = (await create({ ...interview, region: "330700", deadline: "2020-12-31" })).json();
    const b = (
      await create({ ...interview, region: "331100", kind: "listed", deadline: "2020-11-15" })
    ).json();
    const official = await t.as("zj_official");
    await official.inject({
      method: "POST",
      url: `/api/supervision/${b.id}/close`,
      payload: { outcome: "已整改" },
    });
    const list = (await official.inject("/api/supervision?region=330000")).json()
      .records as SupervisionRecord[];
    const statuses = list.map((r) => r.status);
    expect(statuses).toEqual([...statuses].sort((x, y) => (x === y ? 0 : x === "open" ? -1 : 1)));
    const open = list.filter((r) => r.status === "open").map((r) => r.deadline);
    expect(open).toEqual([...open].sort());
    expect(list.findIndex((r) => r.id === a.id)).toBeLessThan(list.findIndex((r) => r.id === b.id));
  });

  it.each([
    [{ ...interview, kind: "warning" }, "kind"],
    [{ ...interview, heldOn: "20.10.2020" }, "heldOn"],
    [{ ...interview, heldOn: "2020-02-30" }, "heldOn"],
    [{ ...interview, deadline: "2020-10-19" }, "deadline"],
    [{ ...interview, indicators: [] }, "indicators"],
    [{ ...interview, indicators: ["no_such_indicator"] }, "indicators"],
    [{ ...interview, actions: "" }, "actions"],
    [{ ...interview, actions: "   " }, "actions"],
    [{ ...interview, region: "339999" }, "region"],
    [{ ...interview, deadline: undefined }, "deadline"],
  ])("refuses %j with 400 naming %s, and records nothing", async (payload, field) => {
    const official = await t.as("zj_official");
    const count = async () =>
      (await official.inject("/api/supervision?region=330000")).json().records.length;
    const before = await count();
    const res = await official.inject({ method: "POST", url: "/api/supervision", payload });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.field).toBe(field);
    expect(body.message).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it("refuses regions outside the official's province and roles that may not record", async () => {
    expect((await create({ ...interview, region: "440100" })).statusCode).toBe(403);
    expect((await create(interview, "zj_leader")).statusCode).toBe(403);
    expect((await create(interview, "wz_reporter")).statusCode).toBe(403);
    const guangdong = await t.as("gd_official");
    expect((await guangdong.inject("/api/supervision?region=330300")).statusCode).toBe(403);
    // Unfiltered, an official sees only their province's records.
    const own = (await guangdong.inject("/api/supervision")).json().records as SupervisionRecord[];
    expect(own.every((r) => r.region.code.startsWith("44"))).toBe(true);
  });

  it("lets leadership read, and a bureau read only its own region's records", async () => {
    const leader = await t.as("zj_leader");
    const all = await leader.inject("/api/supervision?region=330000");
    expect(all.statusCode).toBe(200);
    expect(all.json().records.length).toBeGreaterThan(0);
    const wenzhou = await t.as("wz_reporter");
    const own = await wenzhou.inject("/api/supervision");
    expect(own.statusCode).toBe(200);
    const regions = new Set(
      (own.json().records as SupervisionRecord[]).map((r) => r.region.code.slice(0, 4)),
    );
    expect([...regions]).toEqual(["3303"]);
    expect((await wenzhou.inject("/api/supervision?region=330100")).statusCode).toBe(403);
    expect((await wenzhou.inject("/api/supervision?region=330000")).statusCode).toBe(403);
  });

  it("closes a record with its outcome once; a second close is a conflict", async () => {
    const record: SupervisionRecord = (
      await create({ ...interview, kind: "listed", heldOn: "2020-11-02" })
    ).json();
    const official = await t.as("zj_official");
    const close = (outcome: string) =>
      official.inject({
        method: "POST",
        url: `/api/supervision/${record.id}/close`,
        payload: { outcome },
      });
    expect((await close("")).statusCode).toBe(400);
    const closed = await close("已完成整改，装配式建筑占比升至 22%");
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      id: record.id,
      status: "closed",
      closedBy: "zj_official",
      outcome: "已完成整改，装配式建筑占比升至 22%",
    });
    expect(closed.json().closedAt).toBeTruthy();
    const again = await close("再次关闭");
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already closed/);

    const open = (await official.inject("/api/supervision?region=330300&status=open")).json()
      .records as SupervisionRecord[];
    expect(open.map((r) => r.id)).not.toContain(record.id);
    const done = (await official.inject("/api/supervision?region=330300&status=closed")).json()
      .records as SupervisionRecord[];
    expect(done.find((r) => r.id === record.id)?.outcome).toMatch(/已完成整改/);
  });

  it("refuses to close another province's record or an unknown one", async () => {
    const record: SupervisionRecord = (await create(interview)).json();
    const guangdong = await t.as("gd_official");
    const res = await guangdong.inject({
      method: "POST",
      url: `/api/supervision/${record.id}/close`,
      payload: { outcome: "越权关闭" },
    });
    expect(res.statusCode).toBe(403);
    const official = await t.as("zj_official");
    const still = (await official.inject("/api/supervision?region=330300&status=open")).json()
      .records as SupervisionRecord[];
    expect(still.map((r) => r.id)).toContain(record.id);
    const unknown = await official.inject({
      method: "POST",
      url: "/api/supervision/999999/close",
      payload: { outcome: "x" },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("writes audit rows for the record, the close and the refused attempts", async () => {
    const record: SupervisionRecord = (await create({ ...interview, region: "330100" })).json();
    const official = await t.as("zj_official");
    await official.inject({
      method: "POST",
      url: `/api/supervision/${record.id}/close`,
      payload: { outcome: "按期整改" },
    });
    await create({ ...interview, region: "440100" });
    const rows = (await t.database.db.select().from(schema.auditLog)).filter(
      (r) => r.entity === "supervision",
    );
    const created = rows.find(
      (r) =>
        /^POST \/api\/supervision\/?$/.test(r.action) &&
        r.result === "success" &&
        (r.newValue as SupervisionRecord | null)?.id === record.id,
    );
    expect(created).toMatchObject({ username: "zj_official" });
    const closed = rows.find(
      (r) => r.action === "POST /api/supervision/:id/close" && r.entityId === String(record.id),
    );
    expect(closed).toMatchObject({ username: "zj_official", result: "success" });
    expect(closed?.oldValue).toMatchObject({ status: "open", outcome: null });
    expect(closed?.newValue).toMatchObject({ status: "closed", outcome: "按期整改" });
    expect(
      rows.some((r) => r.result === "denied" && /outside your scope/.test(r.reason ?? "")),
    ).toBe(true);
  });
});
