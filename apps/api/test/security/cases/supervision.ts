import { DEFAULT_LADDER } from "@jindu/domain";
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
  {
    method: "GET",
    route: "/api/supervision/suggestion",
    url: "/api/supervision/suggestion?region={in}&indicators=prefab_share&year=2020&month=10",
    roles: PROVINCE,
    scoped: true,
  },
  { method: "GET", route: "/api/supervision/:id", url: "/api/supervision/999999", roles: READERS },
  // Only the record's own bureau may answer; a missing record is 404 to any reporter.
  {
    method: "POST",
    route: "/api/supervision/:id/answer",
    url: "/api/supervision/999999/answer",
    roles: ["reporter"],
    body: { explanation: "原因", measures: "措施" },
  },
  {
    method: "PUT",
    route: "/api/supervision/:id/minutes",
    url: "/api/supervision/999999/minutes",
    roles: PROVINCE,
    body: { attendees: null, minutes: null },
  },
  {
    method: "GET",
    route: "/api/settings/provinces/:code/supervision",
    url: "/api/settings/provinces/{province}/supervision",
    roles: READERS,
    scoped: true,
  },
  // The default ladder, so that the officials allowed to change it change nothing.
  {
    method: "PUT",
    route: "/api/settings/provinces/:code/supervision",
    url: "/api/settings/provinces/{province}/supervision",
    roles: PROVINCE,
    scoped: true,
    body: DEFAULT_LADDER,
  },
];
