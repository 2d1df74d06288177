import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { allProvinceSettings, regionByCode, setFourEyes } from "@jindu/db";
import type { FastifyRequest } from "fastify";
import { badRequest } from "../../../errors.js";
import type { AuditRule } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  ProvinceParams,
  ProvinceSetting,
  ProvinceSettingsResponse,
  ProvinceSettingUpdate,
} from "../../../schemas/index.js";

/** Security settings are the security officer's: an official cannot lift its own four eyes. */
const SECURITY = { roles: ["security"] } as const;

const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;

const route: FastifyPluginAsyncTypebox = async (app) => {
  const settingOf = async (code: string) =>
    (await allProvinceSettings(app.db)).find((p) => p.regionCode === code) ?? null;

  const settingAudit: AuditRule = {
    entity: "province_setting",
    id: (request) => codeOf(request),
    before: (request) => settingOf(codeOf(request)),
  };

  app.get(
    "/provinces",
    {
      config: { auth: SECURITY },
      schema: {
        tags: ["settings"],
        summary: "Every province's settings (four eyes on approvals)",
        response: { 200: ProvinceSettingsResponse, ...errorResponses },
      },
    },
    async () => ({ provinces: await allProvinceSettings(app.db) }),
  );

  app.put(
    "/provinces/:code",
    {
      config: { auth: SECURITY, audit: settingAudit },
      schema: {
        tags: ["settings"],
        summary: "Turn four eyes on a province's approvals on or off",
        params: ProvinceParams,
        body: ProvinceSettingUpdate,
        response: { 200: ProvinceSetting, ...errorResponses },
      },
    },
    async (request) => {
      const region = await regionByCode(app.db, request.params.code);
      if (region?.level !== "province") {
        throw badRequest(`code: ${request.params.code} is not a province`, "code");
      }
      await setFourEyes(
        app.db,
        region.code,
        request.body.fourEyes,
        request.user?.username ?? "unknown",
      );
      const setting = await settingOf(region.code);
      if (!setting) throw badRequest(`code: ${request.params.code} is not a province`, "code");
      return setting;
    },
  );
};
export default route;
