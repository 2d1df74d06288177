import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterLagging, LAGGING_STATUSES } from "../src/index.js";

const item = (indicator: string, region: string, status: string) => ({
  indicator: { code: indicator },
  line: { region: { code: region }, status },
});

describe("filterLagging (the lagging list's filters)", () => {
  const items = [
    item("prefab_share", "331100", "red"),
    item("prefab_share", "330300", "red"),
    item("shantytown_starts", "331100", "yellow"),
    item("green_share", "330700", "yellow"),
  ];

  it("keeps every line without a filter, in order", () => {
    expect(filterLagging(items, {})).toEqual(items);
  });

  it("narrows by indicator, region and status, each and together", () => {
    expect(filterLagging(items, { indicator: "prefab_share" })).toEqual(items.slice(0, 2));
    expect(filterLagging(items, { region: "331100" })).toEqual([items[0], items[2]]);
    expect(filterLagging(items, { status: "yellow" })).toEqual(items.slice(2));
    expect(filterLagging(items, { region: "331100", status: "yellow" })).toEqual([items[2]]);
    expect(filterLagging(items, { indicator: "green_share", region: "331100" })).toEqual([]);
  });

  it("splits the list by status without losing or repeating a line", () => {
    const arbitraryItem = fc
      .tuple(
        fc.constantFrom("a", "b", "c"),
        fc.constantFrom("1", "2"),
        fc.constantFrom(...LAGGING_STATUSES),
      )
      .map(([i, r, s]) => item(i, r, s));
    fc.assert(
      fc.property(fc.array(arbitraryItem), (list) => {
        const parts = LAGGING_STATUSES.map((status) => filterLagging(list, { status }));
        return parts.reduce((n, part) => n + part.length, 0) === list.length;
      }),
    );
  });
});
