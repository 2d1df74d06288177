import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { AppLayout } from "@/components/layouts/app-layout";
import { paths } from "@/config/paths";

// Each screen is its own chunk: the first visit downloads the shell and the screen it opens.
const OverviewRoute = lazy(() => import("./routes/overview"));
const ComparisonRoute = lazy(() => import("./routes/comparison"));
const LaggingRoute = lazy(() => import("./routes/lagging"));
const RegionDetailRoute = lazy(() => import("./routes/region-detail"));
const MatrixRoute = lazy(() => import("./routes/matrix"));
const NotFoundRoute = lazy(() => import("./routes/not-found"));

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
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
