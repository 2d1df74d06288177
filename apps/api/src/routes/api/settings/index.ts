import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  allProvinceSettings,
  regionByCode,
  saveReportingSettings,
  saveSupervisionLadder,
  setFourEyes,
  settingsOfRegion,
  supervisionLadderOf,
} from "@jindu/db";
import { ladderProblems } from "@jindu/domain";
import type { FastifyRequest } from "fastify";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import { badRequest, invalid } from "../../../errors.js";
import type { AuditRule } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  ProvinceParams,
  ProvinceSetting,
  ProvinceSettingsResponse,
  ProvinceSettingUpdate,
  ReportingSettings,
  ReportingSettingsUpdate,
  SupervisionLadder,
} from "../../../schemas/index.js";

/** Security settings are the security officer's: an official cannot lift its own four eyes. */
const SECURITY = { roles: ["security"] } as const;

const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;

const route: FastifyPluginAsyncTypebox = async (app) => {
  const requireProvince = async (code: string) => {
    const region = await regionByCode(app.db, code);
    if (region?.level !== "province") throw badRequest(`code: ${code} is not a province`, "code");
    return region;
  };
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
      const region = await requireProvince(request.params.code);
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

  // How the province's regions report is the province officials' choice (not a security one).
  app.get(
    "/provinces/:code/reporting",
    {
      config: { auth: rule(READERS, { in: "params", key: "code", reach: "province" }) },
      schema: {
        tags: ["settings"],
        summary: "A province's reporting settings (partial months, reporting calendar)",
        params: ProvinceParams,
        response: { 200: ReportingSettings, ...errorResponses },
      },
    },
    async (request) => {
      const region = await requireProvince(request.params.code);
      return settingsOfRegion(app.db, region.code);
    },
  );

  app.put(
    "/provinces/:code/reporting",
    {
      config: {
        auth: rule(PROVINCE, { in: "params", key: "code" }),
        audit: {
          entity: "province_reporting",
          id: (request) => codeOf(request),
          before: (request) => settingsOfRegion(request.server.db, codeOf(request)),
        },
      },
      schema: {
        tags: ["settings"],
        summary: "Change a province's reporting settings (its officials); fields left out are kept",
        params: ProvinceParams,
        body: ReportingSettingsUpdate,
        response: { 200: ReportingSettings, ...errorResponses },
      },
    },
    async (request) => {
      const region = await requireProvince(request.params.code);
      return saveReportingSettings(
        app.db,
        region.code,
        request.body,
        request.user?.username ?? "unknown",
      );
    },
  );

  // The supervision ladder is the province officials' too: when to remind, interview, list, and
  // how long a region must be back on schedule before 销号 is proposed.
  app.get(
    "/provinces/:code/supervision",
    {
      config: { auth: rule(READERS, { in: "params", key: "code", reach: "province" }) },
      schema: {
        tags: ["settings"],
        summary: "A province's supervision ladder (提醒 → 约谈 → 挂牌督办, months before 销号)",
        params: ProvinceParams,
        response: { 200: SupervisionLadder, ...errorResponses },
      },
    },
    async (request) => {
      const region = await requireProvince(request.params.code);
      return supervisionLadderOf(app.db, region.code);
    },
  );

  app.put(
    "/provinces/:code/supervision",
    {
      config: {
        auth: rule(PROVINCE, { in: "params", key: "code" }),
        audit: {
          entity: "province_supervision_ladder",
          id: (request) => codeOf(request),
          before: (request) => supervisionLadderOf(request.server.db, codeOf(request)),
        },
      },
      schema: {
        tags: ["settings"],
        summary: "Change a province's supervision ladder (its officials)",
        params: ProvinceParams,
        body: SupervisionLadder,
        response: { 200: SupervisionLadder, ...errorResponses },
      },
    },
    async (request) => {
      const region = await requireProvince(request.params.code);
      const problems = ladderProblems(request.body);
      if (problems.length > 0) throw invalid(problems);
      return saveSupervisionLadder(
        app.db,
        region.code,
        request.body,
        request.user?.username ?? "unknown",
      );
    },
  );
};
export default route;
