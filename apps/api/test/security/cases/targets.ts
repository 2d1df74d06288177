import { type Case, PROVINCE, READERS } from "./types.js";

/** Cases of the targets routes added for the work screens; the main test runs them with the rest. */
export const TARGET_CASES: Case[] = [
  {
    method: "GET",
    route: "/api/targets/decomposition",
    url: "/api/targets/decomposition?parent={in}&indicator=shantytown_starts&year=2022",
    roles: READERS,
    scoped: true,
  },
  // Wenzhou has no sub-regions in the test catalogue: allowed callers get 400, nothing changes.
  {
    method: "PUT",
    route: "/api/targets/decomposition",
    url: "/api/targets/decomposition",
    roles: PROVINCE,
    scoped: true,
    body: { parent: "{in}", indicator: "rural_seismic", year: 2024, children: [] },
  },
  {
    method: "GET",
    route: "/api/targets/plans",
    url: "/api/targets/plans?region={in}",
    roles: READERS,
    scoped: true,
  },
  {
    method: "PUT",
    route: "/api/targets/plans",
    url: "/api/targets/plans",
    roles: PROVINCE,
    scoped: true,
    body: { indicator: "rural_seismic", region: "{in}", fromYear: 2031, toYear: 2032, total: 2 },
  },
  {
    method: "GET",
    route: "/api/targets/import/template",
    url: "/api/targets/import/template?parent={in}&year=2024",
    roles: PROVINCE,
    scoped: true,
  },
  {
    method: "POST",
    route: "/api/targets/import",
    url: "/api/targets/import?parent={in}&dryRun=true",
    roles: PROVINCE,
    scoped: true,
    upload: true,
  },
  // Sets no profile (null, as seeded), so that the other tests' schedules stay the same.
  {
    method: "PUT",
    route: "/api/indicators/:code/profile",
    url: "/api/indicators/rural_seismic/profile",
    roles: [], // a national official only: every scoped account here is refused
    body: { profile: null },
  },
  {
    method: "GET",
    route: "/api/indicators/:code/profiles",
    url: "/api/indicators/rural_seismic/profiles",
    roles: READERS,
  },
  // A profile that does not reach 1 in December: allowed callers get 400, nothing changes.
  {
    method: "PUT",
    route: "/api/indicators/:code/profiles/:province",
    url: "/api/indicators/rural_seismic/profiles/{province}",
    roles: PROVINCE,
    scoped: true,
    body: { profile: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5] },
  },
  // No province has a profile of its own here: allowed callers get 404.
  {
    method: "DELETE",
    route: "/api/indicators/:code/profiles/:province",
    url: "/api/indicators/rural_seismic/profiles/{province}",
    roles: PROVINCE,
    scoped: true,
  },
];
