import type { Case } from "./types.js";

/** Cases of the bulletin routes added for the work screens; the main test runs them with the rest. */
export const BULLETIN_CASES: Case[] = [
  // The bulletin is the province's: its officials and leadership, over their own province.
  {
    method: "GET",
    route: "/api/bulletin/",
    url: "/api/bulletin?region={province}&year=2022&month=12",
    roles: ["province", "leader"],
    scoped: true,
  },
  {
    method: "GET",
    route: "/api/bulletin/xlsx",
    url: "/api/bulletin/xlsx?region={province}&year=2022&month=12",
    roles: ["province", "leader"],
    scoped: true,
  },
];
