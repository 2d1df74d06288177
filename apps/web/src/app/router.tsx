import { lazy } from "react";
import { createBrowserRouter, Outlet } from "react-router";
import { AppLayout } from "@/components/layouts/app-layout";
import { paths } from "@/config/paths";
import { RequireSession } from "@/features/auth/components/require-session";

// Each screen is its own chunk: the first visit downloads the shell and the screen it opens.
const LoginRoute = lazy(() => import("./routes/login"));
const PasswordRoute = lazy(() => import("./routes/account/password"));
const AuthenticatorRoute = lazy(() => import("./routes/account/authenticator"));
const OverviewRoute = lazy(() => import("./routes/overview"));
const ComparisonRoute = lazy(() => import("./routes/comparison"));
const LaggingRoute = lazy(() => import("./routes/lagging"));
const RegionDetailRoute = lazy(() => import("./routes/region-detail"));
const MatrixRoute = lazy(() => import("./routes/matrix"));
const NotFoundRoute = lazy(() => import("./routes/not-found"));

export const router = createBrowserRouter([
  { path: paths.login, element: <LoginRoute /> },
  {
    // Reachable while the account is being set up: no dashboard until then.
    element: (
      <RequireSession setup>
        <Outlet />
      </RequireSession>
    ),
    children: [
      { path: paths.password, element: <PasswordRoute /> },
      { path: paths.authenticator, element: <AuthenticatorRoute /> },
    ],
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <OverviewRoute /> },
      { path: paths.comparison, element: <ComparisonRoute /> },
      { path: paths.lagging, element: <LaggingRoute /> },
      { path: paths.region, element: <RegionDetailRoute /> },
      { path: paths.matrix, element: <MatrixRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);
