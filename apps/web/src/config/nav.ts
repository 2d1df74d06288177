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
  [paths.cockpit]: ["province", "leader"],
  [paths.entry]: ["province", "reporter"],
  [paths.import]: ["province", "reporter"],
  [paths.approvals]: ["province"],
  [paths.completeness]: ["province", "leader"],
  // Bureaus answer the records of their own region.
  [paths.supervision]: ["province", "reporter", "leader"],
  [paths.targets]: ["province", "leader"],
  [paths.bulletin]: ["province", "leader"],
  [paths.adminUsers]: ["admin", "security"],
  // Officials keep their province's own indicators (and national officials the national ones).
  [paths.adminIndicators]: ["admin", "province"],
  [paths.audit]: ["auditor"],
  // Reporting rules are the officials'; four eyes is the security officer's.
  [paths.settings]: ["province", "security"],
  // The mail server and group robots are the system's: its administrator's.
  [paths.channels]: ["admin"],
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
  {
    key: "admin",
    screens: [paths.adminUsers, paths.adminIndicators, paths.settings, paths.channels, paths.audit],
  },
];

/**
 * Screens that show one shared selection (region, period, indicator): the menu carries it from
 * one to another. The work screens choose their own month (the one being reported), and the
 * targets their own year, so going there or back starts afresh.
 */
export const SHARED_SELECTION: readonly ScreenPath[] = [
  paths.overview,
  paths.comparison,
  paths.lagging,
  paths.region,
  paths.matrix,
  paths.completeness,
  paths.bulletin,
];

export const sharesSelection = (path: string) =>
  (SHARED_SELECTION as readonly string[]).includes(path);

export const canOpen = (role: Role, screen: ScreenPath) =>
  SCREEN_ROLES[screen]?.includes(role) ?? true;

/** Where a role lands after sign-in: its first screen in the menu. */
export const homeOf = (role: Role): ScreenPath =>
  NAV_GROUPS.flatMap((group) => group.screens).find((screen) => canOpen(role, screen)) ??
  paths.overview;

/** Test ids and translation keys of a screen: "/admin/users" → "admin-users". */
export const screenKey = (screen: ScreenPath) =>
  screen.replace(/^\//, "").replaceAll("/", "-") || "overview";
