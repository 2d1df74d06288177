import { type Case, PROVINCE, READERS } from "./types.js";

/** Cases of the supervision routes added for the work screens; the main test runs them with the rest. */
export const SUPERVISION_CASES: Case[] = [
  {
    method: "GET",
    route: "/api/supervision/",
    url: "/api/supervision?region={in}&status=open",
    roles: READERS,
    scoped: true,
  },
  {
    method: "POST",
    route: "/api/supervision/",
    url: "/api/supervision",
    roles: PROVINCE,
    scoped: true,
    body: {
      region: "{in}",
      kind: "interview",
      heldOn: "2020-10-20",
      indicators: ["prefab_share"],
      actions: "整改",
      deadline: "2020-11-30",
    },
  },
  // Which record's region is in scope is checked against the record (see the route tests).
  {
    method: "POST",
    route: "/api/supervision/:id/close",
    url: "/api/supervision/999999/close",
    roles: PROVINCE,
    body: { outcome: "已整改" },
  },
];
