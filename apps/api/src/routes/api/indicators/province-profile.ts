import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { provinceProfileOf } from "@jindu/db";
import { PROVINCE, READERS, rule, viewerScope } from "../../../auth-rules.js";
import {
  errorResponses,
  ProfilesResponse,
  ProvinceProfile,
  ProvinceProfileBody,
  ProvinceProfileParams,
  SeasonalProfileParams,
} from "../../../schemas/index.js";
import {
  presentProvinceProfile,
  profilesOf,
  removeProvinceProfile,
  saveProvinceProfile,
} from "../../../services/profiles.js";

type Params = { code: string; province: string };

/** The province profile a request names, as it was before the change (for the audit row). */
const before = async (r: {
  server: { db: Parameters<typeof provinceProfileOf>[0] };
  params: unknown;
}) => {
  const { code, province } = r.params as Params;
  const row = await provinceProfileOf(r.server.db, province, code);
  return row ? presentProvinceProfile(row) : null;
};
const auditId = (r: { params: unknown }) => {
  const { code, province } = r.params as Params;
  return `${code}/${province}`;
};

/**
 * Provinces' own seasonal profiles (northern provinces stop building in winter): set by that
 * province's officials, or a national one for any province, on the targets screen. Within the
 * province a profile overrides the indicator's national one; elsewhere it changes nothing.
 */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/:code/profiles",
    {
      config: { auth: rule(READERS) },
      schema: {
        tags: ["targets"],
        summary: "An indicator's national seasonal profile and the provinces' own ones",
        description: "Someone within a province sees only that province's own profile.",
        params: SeasonalProfileParams,
        response: { 200: ProfilesResponse, ...errorResponses },
      },
    },
    async (request) => profilesOf(app.db, request.params.code, viewerScope(request)),
  );

  app.put(
    "/:code/profiles/:province",
    {
      config: {
        auth: rule(PROVINCE, { in: "params", key: "province" }),
        audit: { entity: "province-profile", id: auditId, before },
      },
      schema: {
        tags: ["targets"],
        summary: "Set a province's own seasonal profile of an indicator",
        description:
          "12 cumulative fractions, never decreasing, December 1. Schedule progress of the " +
          "province's regions follows it instead of the national profile, except targets " +
          "marked linear.",
        params: ProvinceProfileParams,
        body: ProvinceProfileBody,
        response: { 200: ProvinceProfile, ...errorResponses },
      },
    },
    async (request) =>
      saveProvinceProfile(app.db, {
        ...request.params,
        profile: request.body.profile,
        by: request.user?.username ?? null,
      }),
  );

  app.delete(
    "/:code/profiles/:province",
    {
      config: {
        auth: rule(PROVINCE, { in: "params", key: "province" }),
        audit: { entity: "province-profile", id: auditId, before },
      },
      schema: {
        tags: ["targets"],
        summary: "Remove a province's own profile: its regions follow the national one again",
        params: ProvinceProfileParams,
        response: { 200: ProvinceProfile, ...errorResponses },
      },
    },
    async (request) => removeProvinceProfile(app.db, request.params),
  );
};
export default route;
