import * as admin from "@/features/admin/locales";
import * as approvals from "@/features/approvals/locales";
import * as bulletin from "@/features/bulletin/locales";
import * as channels from "@/features/channels/locales";
import * as standings from "@/features/comparison/locales";
import * as completeness from "@/features/completeness/locales";
import * as entry from "@/features/entry/locales";
import * as importing from "@/features/import/locales";
import * as map from "@/features/map/locales";
import * as movers from "@/features/movers/locales";
import * as notifications from "@/features/notifications/locales";
import * as plans from "@/features/plans/locales";
import * as settings from "@/features/settings/locales";
import * as supervision from "@/features/supervision/locales";
import * as targets from "@/features/targets/locales";

/** Each work screen keeps its texts beside it; they join the shared ones under its own key. */
const SCREENS = {
  admin,
  approvals,
  bulletin,
  channels,
  completeness,
  entry,
  import: importing,
  movers,
  map,
  notifications,
  plans,
  settings,
  standings,
  supervision,
  targets,
};

export const screensZhCN = Object.fromEntries(
  Object.entries(SCREENS).map(([key, texts]) => [key, texts.zhCN]),
);
export const screensEn = Object.fromEntries(
  Object.entries(SCREENS).map(([key, texts]) => [key, texts.en]),
);
