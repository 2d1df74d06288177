import { lazy, type ReactNode } from "react";
import { createBrowserRouter, Outlet, type RouteObject } from "react-router";
import { AppLayout } from "@/components/layouts/app-layout";
import { RouteError } from "@/components/ui/route-error";
import type { ScreenPath } from "@/config/nav";
import { paths } from "@/config/paths";
import { RequireSession } from "@/features/auth/components/require-session";
import { ScreenGate } from "@/features/auth/components/screen-gate";
import { DefaultPeriod } from "@/features/catalogue/components/default-period";
import type { PeriodKind } from "@/features/catalogue/hooks/use-default-period";
import {
  ComparisonScreen,
  LaggingScreen,
  MatrixScreen,
  OverviewScreen,
  RegionDetailScreen,
} from "./dashboard-screens";
import { Preloaded } from "./preloadable";

// Each screen is its own chunk: the first visit downloads the shell and the screen it opens.
const LoginRoute = lazy(() => import("./routes/login"));
const PasswordRoute = lazy(() => import("./routes/account/password"));
const AuthenticatorRoute = lazy(() => import("./routes/account/authenticator"));
const EntryRoute = lazy(() => import("./routes/entry"));
const ImportRoute = lazy(() => import("./routes/import"));
const ApprovalsRoute = lazy(() => import("./routes/approvals"));
const CompletenessRoute = lazy(() => import("./routes/completeness"));
const SupervisionRoute = lazy(() => import("./routes/supervision"));
const TargetsRoute = lazy(() => import("./routes/targets"));
const BulletinRoute = lazy(() => import("./routes/bulletin"));
const AdminUsersRoute = lazy(() => import("./routes/admin/users"));
const AdminIndicatorsRoute = lazy(() => import("./routes/admin/indicators"));
const AuditRoute = lazy(() => import("./routes/admin/audit"));
const SettingsRoute = lazy(() => import("./routes/settings"));
const ChannelsRoute = lazy(() => import("./routes/admin/channels"));
const NotificationSettingsRoute = lazy(() => import("./routes/notification-settings"));
const NotFoundRoute = lazy(() => import("./routes/not-found"));
const CockpitRoute = lazy(() => import("./routes/cockpit"));

// Defined before the router below: createBrowserRouter calls screen() while this module is
// evaluated, and a const declared later is still undefined then (the app rendered blank).
/**
 * Screens that read the shared period from the address and open, when it names none, on the
 * latest month with data (dashboards) or the month being reported (import). The entry form and
 * approvals choose their own month.
 */
const PERIOD_DEFAULTS: Partial<Record<ScreenPath, { kind: PeriodKind; yearOnly?: boolean }>> = {
  [paths.overview]: { kind: "latest" },
  [paths.comparison]: { kind: "latest" },
  [paths.lagging]: { kind: "latest" },
  [paths.region]: { kind: "latest" },
  [paths.matrix]: { kind: "latest" },
  [paths.completeness]: { kind: "latest" },
  [paths.bulletin]: { kind: "latest" },
  [paths.targets]: { kind: "latest", yearOnly: true },
  [paths.import]: { kind: "open" },
};

function screen(path: ScreenPath, element: ReactNode) {
  const period = PERIOD_DEFAULTS[path];
  return (
    <ScreenGate screen={path}>
      {period ? <DefaultPeriod {...period}>{element}</DefaultPeriod> : element}
    </ScreenGate>
  );
}

export const router = createBrowserRouter([
  { path: paths.login, element: <LoginRoute />, errorElement: <RouteError /> },
  {
    // Reachable while the account is being set up: no dashboard until then.
    element: (
      <RequireSession setup>
        <Outlet />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { path: paths.password, element: <PasswordRoute /> },
      { path: paths.authenticator, element: <AuthenticatorRoute /> },
    ],
  },
  {
    // The wall display fills the screen: no menu around it.
    element: (
      <RequireSession>
        <Outlet />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [{ path: paths.cockpit, element: screen(paths.cockpit, <CockpitRoute />) }],
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    // A screen that fails shows its error inside the layout: the menu stays usable.
    children: [{ errorElement: <RouteError />, children: screens() }],
  },
]);

function screens(): RouteObject[] {
  return [
    { index: true, element: screen(paths.overview, <Preloaded screen={OverviewScreen} />) },
    ...(
      [
        [paths.comparison, <Preloaded key="comparison" screen={ComparisonScreen} />],
        [paths.lagging, <Preloaded key="lagging" screen={LaggingScreen} />],
        [paths.region, <Preloaded key="region" screen={RegionDetailScreen} />],
        [paths.matrix, <Preloaded key="matrix" screen={MatrixScreen} />],
        [paths.entry, <EntryRoute key="entry" />],
        [paths.import, <ImportRoute key="import" />],
        [paths.approvals, <ApprovalsRoute key="approvals" />],
        [paths.completeness, <CompletenessRoute key="completeness" />],
        [paths.supervision, <SupervisionRoute key="supervision" />],
        [paths.targets, <TargetsRoute key="targets" />],
        [paths.bulletin, <BulletinRoute key="bulletin" />],
        [paths.adminUsers, <AdminUsersRoute key="admin-users" />],
        [paths.adminIndicators, <AdminIndicatorsRoute key="admin-indicators" />],
        [paths.audit, <AuditRoute key="audit" />],
        [paths.settings, <SettingsRoute key="settings" />],
        [paths.channels, <ChannelsRoute key="channels" />],
        [paths.notificationSettings, <NotificationSettingsRoute key="notification-settings" />],
      ] as const
    ).map(([path, element]) => ({ path, element: screen(path, element) })),
    { path: "*", element: <NotFoundRoute /> },
  ];
}
