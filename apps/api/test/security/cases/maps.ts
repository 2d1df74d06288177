import type { Case } from "./types.js";

const square = [
  [
    [120, 30],
    [120.5, 30],
    [120.5, 30.5],
    [120, 30],
  ],
];

/** Cases of a province's base map: readers of the province read it; its keepers change it. */
export const MAP_CASES: Case[] = [
  {
    method: "GET",
    route: "/api/base-maps/:province",
    url: "/api/base-maps/{province}",
    roles: ["province", "reporter", "leader"],
    scoped: true,
  },
  {
    method: "PUT",
    route: "/api/base-maps/:province",
    url: "/api/base-maps/{province}",
    roles: ["admin", "province"],
    scoped: true,
    // The administrator keeps every province's map; officials only their own.
    scopedRoles: ["province"],
    body: {
      approvalNumber: "浙S(2023)12号",
      geojson: JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { code: "330100" },
            geometry: { type: "Polygon", coordinates: square },
          },
        ],
      }),
    },
  },
  {
    method: "DELETE",
    route: "/api/base-maps/:province",
    url: "/api/base-maps/{province}",
    roles: ["admin", "province"],
    scoped: true,
    // The administrator keeps every province's map; officials only their own.
    scopedRoles: ["province"],
  },
];
