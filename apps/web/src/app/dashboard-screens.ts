import { paths } from "@/config/paths";
import { preloadable } from "./preloadable";

export const OverviewScreen = preloadable(() => import("./routes/overview"));
export const ComparisonScreen = preloadable(() => import("./routes/comparison"));
export const LaggingScreen = preloadable(() => import("./routes/lagging"));
export const RegionDetailScreen = preloadable(() => import("./routes/region-detail"));
export const MatrixScreen = preloadable(() => import("./routes/matrix"));

const dashboardScreens: Record<string, { preload: () => Promise<unknown> }> = {
  [paths.overview]: OverviewScreen,
  [paths.comparison]: ComparisonScreen,
  [paths.lagging]: LaggingScreen,
  [paths.region]: RegionDetailScreen,
  [paths.matrix]: MatrixScreen,
};

/**
 * Starts downloading the dashboard the page opens on, while the session is still being checked,
 * instead of after: one round trip less to the first chart. A failure here shows again, and
 * properly, when the screen itself loads.
 */
export function preloadDashboard(pathname: string) {
  dashboardScreens[pathname]?.preload().catch(() => {});
}
