import { describe, expect, it } from "vitest";
import type { MatrixResponse, MoversResponse } from "../../../../src/schemas/index.js";
import { useTestApp } from "../../../helper.js";

const t = useTestApp();

async function get<T>(url: string): Promise<T> {
  const res = await t.api.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Competition ranks (1, 2, 2, 4), highest first; null scores unranked. */
function ranks(scores: (number | null)[]): (number | null)[] {
  return scores.map((s) =>
    s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length,
  );
}

/** The status matrix of two months, read through its own endpoint, against the movers. */
async function both(region: string, year: number, month: number, prev: [number, number]) {
  const [movers, now, before] = await Promise.all([
    get<MoversResponse>(`/api/movers?region=${region}&year=${year}&month=${month}`),
    get<MatrixResponse>(`/api/matrix?parent=${region}&year=${year}&month=${month}`),
    get<MatrixResponse>(`/api/matrix?parent=${region}&year=${prev[0]}&month=${prev[1]}`),
  ]);
  const cell = (m: MatrixResponse, regionCode: string, indicator: string) =>
    m.rows
      .find((r) => r.region.code === regionCode)
      ?.cells.find((c) => c.indicator === indicator) ?? null;
  return { movers, now, before, cell };
}

describe("GET /api/movers", () => {
  it("Zhejiang October 2020 against September: turns, gains and falls agree with the matrix", async () => {
    const { movers, now, before, cell } = await both("330000", 2020, 10, [2020, 9]);
    expect(movers.previous).toEqual({ year: 2020, month: 9 });
    // Every line newly red, and every one back on schedule, as the two matrices show them.
    const expectedRed: string[] = [];
    const expectedRecovered: string[] = [];
    for (const row of now.rows) {
      for (const c of row.cells) {
        const was = cell(before, row.region.code, c.indicator)?.status ?? null;
        if (c.status === null || was === null) continue;
        if (c.status === "red" && was !== "red")
          expectedRed.push(`${row.region.code} ${c.indicator}`);
        const behind = (s: string) => s === "red" || s === "yellow";
        if (behind(was) && !behind(c.status)) {
          expectedRecovered.push(`${row.region.code} ${c.indicator}`);
        }
      }
    }
    const key = (x: { region: { code: string }; indicator: { code: string } }) =>
      `${x.region.code} ${x.indicator.code}`;
    expect(movers.turnedRed.map(key).sort()).toEqual(expectedRed.sort());
    expect(movers.recovered.map(key).sort()).toEqual(expectedRecovered.sort());
    expect(movers.turnedRed.length + movers.recovered.length).toBeGreaterThan(0);

    // Each move: its places are last month's lag rank minus this month's, from the matrices.
    const moves = [...movers.gains, ...movers.falls];
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) {
      const code = move.indicator.code;
      const lagsNow = now.rows.map((r) => cell(now, r.region.code, code)?.lag ?? null);
      const lagsBefore = now.rows.map((r) => cell(before, r.region.code, code)?.lag ?? null);
      const i = now.rows.findIndex((r) => r.region.code === move.region.code);
      const rankNow = ranks(lagsNow)[i];
      const rankBefore = ranks(lagsBefore)[i];
      expect(move.rank, key(move)).toBe(rankNow);
      expect(move.places, key(move)).toBe((rankBefore as number) - (rankNow as number));
    }
    expect(movers.gains.every((m) => m.places > 0)).toBe(true);
    expect(movers.falls.every((m) => m.places < 0)).toBe(true);
    expect(movers.gains.length).toBeLessThanOrEqual(5);
  });

  it("January is compared with December of the year before", async () => {
    const movers = await get<MoversResponse>("/api/movers?region=330000&year=2021&month=1");
    expect(movers.previous).toEqual({ year: 2020, month: 12 });
  });

  it("lists the supervision records opened in the month", async () => {
    const official = await t.as("zj_official");
    const opened = await official.inject({
      method: "POST",
      url: "/api/supervision",
      payload: {
        region: "330300",
        kind: "reminder",
        heldOn: "2020-10-21",
        indicators: ["prefab_share"],
        actions: "请说明滞后原因",
        deadline: "2020-11-20",
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const movers = await get<MoversResponse>("/api/movers?region=330000&year=2020&month=10");
    expect(movers.newSupervision).toContainEqual(
      expect.objectContaining({ id: opened.json().id, kind: "reminder", heldOn: "2020-10-21" }),
    );
    const september = await get<MoversResponse>("/api/movers?region=330000&year=2020&month=9");
    expect(september.newSupervision.map((s) => s.id)).not.toContain(opened.json().id);
  });
});
