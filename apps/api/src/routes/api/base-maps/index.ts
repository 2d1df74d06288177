import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  type BaseMap,
  baseMapOf,
  deleteBaseMap,
  regionByCode,
  regionCodesOfProvince,
  saveBaseMap,
} from "@jindu/db";
import { approvalNumberProblem, BASE_MAP_MAX_CHARS, parseBaseMap, type Role } from "@jindu/domain";
import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import { READERS, rule } from "../../../auth-rules.js";
import { ApiError, badRequest, notFound } from "../../../errors.js";
import {
  BaseMapParams,
  BaseMapResponse,
  BaseMapSummary,
  BaseMapUpload,
  errorResponses,
} from "../../../schemas/index.js";

/** A province's approved map comes from its administrator or its own officials. */
const KEEPERS: readonly Role[] = ["admin", "province"];

const provinceOf = (request: FastifyRequest) => (request.params as { province: string }).province;

const summaryOf = (map: BaseMap) => ({
  province: map.provinceCode,
  approvalNumber: map.approvalNumber,
  regionCount: map.regions.length,
  uploadedBy: map.uploadedBy,
  uploadedAt: map.uploadedAt.toISOString(),
});

const route: FastifyPluginAsyncTypebox = async (app) => {
  const requireProvince = async (code: string) => {
    const region = await regionByCode(app.db, code);
    if (region?.level !== "province") {
      throw badRequest(`province: ${code} is not a province`, "province");
    }
    return region;
  };
  const summaryBefore = async (request: FastifyRequest) => {
    const map = await baseMapOf(request.server.db, provinceOf(request));
    return map && summaryOf(map);
  };

  app.get(
    "/:province",
    {
      config: { auth: rule(READERS, { in: "params", key: "province", reach: "province" }) },
      schema: {
        tags: ["maps"],
        summary: "A province's uploaded base map (null when none): polygons by region code",
        params: BaseMapParams,
        response: { 200: BaseMapResponse, ...errorResponses },
      },
    },
    async (request) => {
      await requireProvince(request.params.province);
      const map = await baseMapOf(app.db, request.params.province);
      return { map: map && { ...summaryOf(map), regions: map.regions } };
    },
  );

  app.put(
    "/:province",
    {
      // The text of a full 5 MB map, JSON-quoted, with room for the approval number.
      bodyLimit: Math.ceil(BASE_MAP_MAX_CHARS * 1.2) + 1024,
      config: {
        auth: rule(KEEPERS, { in: "params", key: "province" }),
        audit: { entity: "base_map", id: provinceOf, before: summaryBefore },
      },
      schema: {
        tags: ["maps"],
        summary: "Upload (or replace) a province's approved base map with its approval number",
        description:
          "Answers 400 when the text does not parse, is not a FeatureCollection of Polygon or " +
          "MultiPolygon features, a feature's code is not a region of the province, or the " +
          "approval number (审图号) is missing.",
        params: BaseMapParams,
        body: BaseMapUpload,
        response: { 200: BaseMapSummary, ...errorResponses },
      },
    },
    async (request) => {
      const province = await requireProvince(request.params.province);
      const numberProblem = approvalNumberProblem(request.body.approvalNumber);
      if (numberProblem) {
        throw new ApiError(400, numberProblem.message, {
          field: numberProblem.field,
          rule: numberProblem.rule,
        });
      }
      const known = await regionCodesOfProvince(app.db, province.code);
      const parsed = parseBaseMap(request.body.geojson, (code) => known.has(code));
      if (!parsed.ok) {
        throw new ApiError(400, parsed.problem.message, {
          field: parsed.problem.field,
          rule: parsed.problem.rule,
        });
      }
      const saved = await saveBaseMap(app.db, {
        provinceCode: province.code,
        approvalNumber: request.body.approvalNumber.trim(),
        regions: parsed.regions,
        uploadedBy: request.user?.username ?? "unknown",
      });
      return summaryOf(saved);
    },
  );

  app.delete(
    "/:province",
    {
      config: {
        auth: rule(KEEPERS, { in: "params", key: "province" }),
        audit: { entity: "base_map", id: provinceOf, before: summaryBefore },
      },
      schema: {
        tags: ["maps"],
        summary: "Remove a province's base map (the tile map remains)",
        params: BaseMapParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await requireProvince(request.params.province);
      if (!(await deleteBaseMap(app.db, request.params.province))) {
        throw notFound(`province ${request.params.province} has no base map`);
      }
      return reply.status(204).send(null);
    },
  );
};
export default route;
