import type { Case } from "./types.js";

/** Cases of the admin routes added for the work screens; the main test runs them with the rest. */
export const ADMIN_CASES: Case[] = [
  {
    method: "GET",
    route: "/api/users/import/template",
    url: "/api/users/import/template",
    roles: ["admin", "security"],
  },
  // The probe's file has no account code row: refused (422), nothing created.
  {
    method: "POST",
    route: "/api/users/import",
    url: "/api/users/import",
    roles: ["admin", "security"],
    upload: true,
  },
  {
    method: "POST",
    route: "/api/users/:id/unlock",
    url: "/api/users/999/unlock",
    roles: ["admin", "security"],
  },
  {
    method: "POST",
    route: "/api/users/:id/reset-second-factor",
    url: "/api/users/999/reset-second-factor",
    roles: ["security"],
  },
  // Sets the name it already has, so that the other tests' figures and texts stay the same.
  {
    method: "PATCH",
    route: "/api/indicators/:code",
    url: "/api/indicators/rural_seismic",
    roles: ["admin"],
    body: { nameEn: "Rural houses seismically retrofitted" },
  },
  // A ratio without its parts: refused (400) only once the caller may add to its catalogue part,
  // so nothing is created. A provincial official's goes into its own province's part.
  {
    method: "POST",
    route: "/api/indicators",
    url: "/api/indicators",
    roles: ["admin", "province"],
    body: {
      code: "authz_probe",
      nameZh: "探针",
      nameEn: "Probe",
      unitZh: "%",
      unitEn: "%",
      kind: "ratio",
      direction: "higher_is_better",
      category: "probe",
      wholeNumber: false,
    },
  },
  // An unknown indicator: 404 once the caller may change the catalogue at all.
  {
    method: "DELETE",
    route: "/api/indicators/:code",
    url: "/api/indicators/no_such_indicator",
    roles: ["admin", "province"],
  },
  { method: "GET", route: "/api/audit/facets", url: "/api/audit/facets", roles: ["auditor"] },
  {
    method: "GET",
    route: "/api/settings/provinces",
    url: "/api/settings/provinces",
    roles: ["security"],
  },
  // Sets what is already the default.
  {
    method: "PUT",
    route: "/api/settings/provinces/:code",
    url: "/api/settings/provinces/330000",
    roles: ["security"],
    body: { fourEyes: true },
  },
];
