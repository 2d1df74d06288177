import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { saveProvinceSettings, settingsOfRegion } from "@jindu/db";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import { badRequest } from "../../../errors.js";
import { errorResponses, ProvinceParams, ProvinceSettings } from "../../../schemas/index.js";
import { requireRegion } from "../../../services/lookups.js";

/** Settings belong to provinces; a city's or county's come from its province. */
async function requireProvince(app: { db: Parameters<typeof requireRegion>[0] }, code: string) {
  const region = await requireRegion(app.db, code, "code");
  if (region.level !== "province") throw badRequest(`${code} is not a province`, "code");
  return region;
}

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/:code/settings",
    {
      config: { auth: rule(READERS, { in: "params", key: "code", reach: "province" }) },
      schema: {
        tags: ["catalogue"],
        summary: "A province's reporting settings (a region's come from its province)",
        params: ProvinceParams,
        response: { 200: ProvinceSettings, ...errorResponses },
      },
    },
    async (request) => {
      await requireRegion(app.db, request.params.code, "code");
      return settingsOfRegion(app.db, request.params.code);
    },
  );

  app.put(
    "/:code/settings",
    {
      config: {
        auth: rule(PROVINCE, { in: "params", key: "code" }),
        audit: {
          entity: "province-settings",
          id: (r) => (r.params as { code: string }).code,
          before: (r) => settingsOfRegion(r.server.db, (r.params as { code: string }).code),
        },
      },
      schema: {
        tags: ["catalogue"],
        summary: "Change a province's reporting settings (its officials)",
        params: ProvinceParams,
        body: ProvinceSettings,
        response: { 200: ProvinceSettings, ...errorResponses },
      },
    },
    async (request) => {
      await requireProvince(app, request.params.code);
      return saveProvinceSettings(
        app.db,
        request.params.code,
        request.body,
        request.user?.username ?? "anonymous",
      );
    },
  );
};
export default route;
