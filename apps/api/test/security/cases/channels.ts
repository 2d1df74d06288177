import type { Case } from "./types.js";
import { ALL } from "./types.js";

/** The notification channels (the administrator's) and one's own preferences (everyone's). */
export const CHANNEL_CASES: Case[] = [
  { method: "GET", route: "/api/channels/", url: "/api/channels", roles: ["admin"] },
  // Without an address: refused (400) once the caller may add channels, so nothing is created.
  {
    method: "POST",
    route: "/api/channels/",
    url: "/api/channels",
    roles: ["admin"],
    body: { kind: "wecom", name: "probe", config: {} },
  },
  {
    method: "PATCH",
    route: "/api/channels/:id",
    url: "/api/channels/999999",
    roles: ["admin"],
    body: { name: "probe" },
  },
  { method: "DELETE", route: "/api/channels/:id", url: "/api/channels/999999", roles: ["admin"] },
  {
    method: "POST",
    route: "/api/channels/:id/test",
    url: "/api/channels/999999/test",
    roles: ["admin"],
    body: {},
  },
  {
    method: "GET",
    route: "/api/channels/deliveries",
    url: "/api/channels/deliveries",
    roles: ["admin"],
  },
  { method: "GET", route: "/api/channels/runs", url: "/api/channels/runs", roles: ["admin"] },
  {
    method: "GET",
    route: "/api/notifications/preferences",
    url: "/api/notifications/preferences",
    roles: ALL,
  },
  {
    method: "PUT",
    route: "/api/notifications/preferences",
    url: "/api/notifications/preferences",
    roles: ALL,
    body: { preferences: [{ kind: "password_expiring", channel: "email", enabled: true }] },
  },
];
