import type { FastifyInstance } from "fastify";
import audit from "./api/audit/index.js";
import auth from "./api/auth/index.js";
import baseMaps from "./api/base-maps/index.js";
import bulletin from "./api/bulletin/index.js";
import channels from "./api/channels/index.js";
import completeness from "./api/completeness/index.js";
import exportRoutes from "./api/export/index.js";
import importRoutes from "./api/import/index.js";
import indicators from "./api/indicators/index.js";
import lagging from "./api/lagging/index.js";
import matrix from "./api/matrix/index.js";
import movers from "./api/movers/index.js";
import notifications from "./api/notifications/index.js";
import overview from "./api/overview/index.js";
import periods from "./api/periods/index.js";
import plans from "./api/plans/index.js";
import progress from "./api/progress/index.js";
import regions from "./api/regions/index.js";
import reports from "./api/reports/index.js";
import settings from "./api/settings/index.js";
import submissions from "./api/submissions/index.js";
import supervision from "./api/supervision/index.js";
import targets from "./api/targets/index.js";
import taskLists from "./api/task-lists/index.js";
import trend from "./api/trend/index.js";
import users from "./api/users/index.js";
import healthz from "./healthz/index.js";

/** Every route plugin, mounted at its folder path, so a URL leads straight to its file. */
export const routes = {
  "/healthz": healthz,
  "/api/auth": auth,
  "/api/users": users,
  "/api/audit": audit,
  "/api/regions": regions,
  "/api/indicators": indicators,
  "/api/targets": targets,
  "/api/task-lists": taskLists,
  "/api/reports": reports,
  "/api/submissions": submissions,
  "/api/completeness": completeness,
  "/api/import": importRoutes,
  "/api/export": exportRoutes,
  "/api/progress": progress,
  "/api/lagging": lagging,
  "/api/overview": overview,
  "/api/movers": movers,
  "/api/matrix": matrix,
  "/api/periods": periods,
  "/api/plans": plans,
  "/api/trend": trend,
  "/api/bulletin": bulletin,
  "/api/supervision": supervision,
  "/api/settings": settings,
  "/api/notifications": notifications,
  "/api/channels": channels,
  "/api/base-maps": baseMaps,
};

export async function registerRoutes(app: FastifyInstance) {
  for (const [prefix, plugin] of Object.entries(routes)) await app.register(plugin, { prefix });
}
