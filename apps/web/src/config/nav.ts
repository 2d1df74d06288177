import type { Role } from "@/lib/auth";
import { paths } from "./paths";

export type ScreenPath = (typeof paths)[keyof typeof paths];

/** Who works on which screen: the menu shows these and the router refuses the others. */
export const SCREEN_ROLES: Partial<Record<ScreenPath, readonly Role[]>> = {
  [paths.overview]: ["province", "reporter", "leader"],
  [paths.comparison]: ["province", "reporter", "leader"],
  [paths.lagging]: ["province", "reporter", "leader"],
  [paths.region]: ["province", "reporter", "leader"],
  [paths.matrix]: ["province", "reporter", "leader"],
  [paths.entry]: ["province", "reporter"],
  [paths.import]: ["province", "reporter"],
  [paths.approvals]: ["province"],
  [paths.completeness]: ["province", "leader"],
  [paths.supervision]: ["province", "leader"],
  [paths.targets]: ["province", "leader"],
  [paths.bulletin]: ["province", "leader"],
  [paths.adminUsers]: ["admin", "security"],
  [paths.adminIndicators]: ["admin"],
  [paths.audit]: ["auditor"],
};

/** The menu: dashboards first, then the monthly cycle, then planning, then administration. */
export const NAV_GROUPS: { key: string; screens: ScreenPath[] }[] = [
  {
    key: "dashboards",
    screens: [paths.overview, paths.comparison, paths.lagging, paths.region, paths.matrix],
  },
  {
    key: "work",
    screens: [paths.entry, paths.import, paths.approvals, paths.completeness, paths.supervision],
  },
  { key: "planning", screens: [paths.targets, paths.bulletin] },
  { key: "admin", screens: [paths.adminUsers, paths.adminIndicators, paths.audit] },
];

export const canOpen = (role: Role, screen: ScreenPath) =>
  SCREEN_ROLES[screen]?.includes(role) ?? true;

/** Where a role lands after sign-in: its first screen in the menu. */
export const homeOf = (role: Role): ScreenPath =>
  NAV_GROUPS.flatMap((group) => group.screens).find((screen) => canOpen(role, screen)) ??
  paths.overview;

/** Test ids and translation keys of a screen: "/admin/users" → "admin-users". */
export const screenKey = (screen: ScreenPath) =>
  screen.replace(/^\//, "").replaceAll("/", "-") || "overview";
