import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { insertTarget, listTargets, targetById, targetPlansOf, updateTarget } from "@jindu/db";
import { targetProblems } from "@jindu/domain";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import { conflict, invalid, notFound } from "../../../errors.js";
import { assertInScope } from "../../../plugins/app/auth.js";
import {
  Decomposition,
  DecompositionBody,
  DecompositionQuery,
  errorResponses,
  Target,
  TargetCreate,
  TargetImportQuery,
  TargetImportResult,
  TargetListResponse,
  TargetParams,
  TargetPlanBody,
  TargetPlanListResponse,
  TargetPlanQuery,
  TargetPlanSaved,
  TargetQuery,
  TargetTemplateQuery,
  TargetUpdate,
} from "../../../schemas/index.js";
import type { SignedInUser } from "../../../services/auth.js";
import { requireIndicator, requireRegion } from "../../../services/lookups.js";
import {
  importTargets,
  targetSheetLimits,
  targetsTemplate,
} from "../../../services/spreadsheets/targets.js";
import {
  readSheetFirst,
  sendWorkbook,
  uploadedSheet,
} from "../../../services/spreadsheets/upload.js";
import {
  decomposition,
  presentTarget as present,
  presentPlan,
  saveDecomposition,
  savePlan,
} from "../../../services/targets.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(READERS, { in: "query", key: "region" }) },
      schema: {
        tags: ["targets"],
        summary: "Annual targets, filtered by indicator, region and year",
        querystring: TargetQuery,
        response: { 200: TargetListResponse, ...errorResponses },
      },
    },
    async (request) => ({
      targets: (
        await listTargets(app.db, { ...request.query, within: request.user?.regionCode })
      ).map(present),
    }),
  );

  app.post(
    "/",
    {
      config: {
        auth: rule(PROVINCE, { in: "body", key: "region" }),
        audit: { entity: "target" },
      },
      schema: {
        tags: ["targets"],
        summary: "Set an annual target for an indicator, region and year",
        body: TargetCreate,
        response: { 201: Target, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { indicator: code, region, year, value, dueMonth, linear } = request.body;
      const indicator = await requireIndicator(app.db, code, "indicator", region);
      await requireRegion(app.db, region, "region");
      const problems = targetProblems(value, indicator);
      if (problems.length > 0) throw invalid(problems);
      const row = await insertTarget(app.db, {
        indicatorCode: code,
        regionCode: region,
        year,
        value,
        dueMonth: dueMonth ?? 12,
        linear: linear ?? false,
      });
      if (!row)
        throw conflict(
          `a ${year} target for ${code} in ${region} already exists; update it instead`,
        );
      return reply.status(201).send(present(row));
    },
  );

  app.patch(
    "/:id",
    {
      config: {
        auth: rule(PROVINCE),
        audit: {
          entity: "target",
          id: (r) => String((r.params as { id: number }).id),
          before: async (r) => {
            const row = await targetById(r.server.db, (r.params as { id: number }).id);
            return row ? present(row) : null;
          },
        },
      },
      schema: {
        tags: ["targets"],
        summary: "Change a target's value, due month or pace (linear)",
        params: TargetParams,
        body: TargetUpdate,
        response: { 200: Target, ...errorResponses },
      },
    },
    async (request) => {
      const existing = await targetById(app.db, request.params.id);
      if (!existing) throw notFound(`target ${request.params.id} does not exist`);
      await assertInScope(app.db, request.user as SignedInUser, existing.regionCode);
      if (request.body.value !== undefined) {
        const indicator = await requireIndicator(
          app.db,
          existing.indicatorCode,
          "indicator",
          existing.regionCode,
        );
        const problems = targetProblems(request.body.value, indicator);
        if (problems.length > 0) throw invalid(problems);
      }
      const row = await updateTarget(app.db, existing.id, request.body);
      if (!row) throw notFound(`target ${request.params.id} does not exist`);
      return present(row);
    },
  );

  app.get(
    "/decomposition",
    {
      config: { auth: rule(READERS, { in: "query", key: "parent" }) },
      schema: {
        tags: ["targets"],
        summary: "A region's target with its sub-regions' targets, and how they compare",
        querystring: DecompositionQuery,
        response: { 200: Decomposition, ...errorResponses },
      },
    },
    async (request) => decomposition(app.db, request.query),
  );

  app.put(
    "/decomposition",
    {
      config: {
        auth: rule(PROVINCE, { in: "body", key: "parent" }),
        audit: {
          entity: "target-decomposition",
          id: (r) => {
            const b = r.body as { parent?: string; indicator?: string; year?: number };
            return `${b.indicator}/${b.parent}/${b.year}`;
          },
          before: async (r) => {
            const b = r.body as { parent: string; indicator: string; year: number };
            return decomposition(r.server.db, b).catch(() => null);
          },
        },
      },
      schema: {
        tags: ["targets"],
        summary: "Decompose a target: set every sub-region's target in one transaction",
        description:
          "Children with value null lose their target. The answer compares the children with " +
          "the parent: cumulative targets add up (short of the parent is a warning); shares and " +
          "levels are never summed, a child aiming worse than the parent is flagged instead.",
        body: DecompositionBody,
        response: { 200: Decomposition, ...errorResponses },
      },
    },
    async (request) => saveDecomposition(app.db, request.body),
  );

  app.get(
    "/plans",
    {
      config: { auth: rule(READERS, { in: "query", key: "region" }) },
      schema: {
        tags: ["targets"],
        summary: "A region's multi-year plans (e.g. 2021–2025), with their yearly breakdown",
        querystring: TargetPlanQuery,
        response: { 200: TargetPlanListResponse, ...errorResponses },
      },
    },
    async (request) => ({
      plans: (await targetPlansOf(app.db, request.query)).map(presentPlan),
    }),
  );

  app.put(
    "/plans",
    {
      config: {
        auth: rule(PROVINCE, { in: "body", key: "region" }),
        audit: {
          entity: "target-plan",
          id: (r) => {
            const b = r.body as { indicator?: string; region?: string; fromYear?: number };
            return `${b.indicator}/${b.region}/${b.fromYear}`;
          },
          before: async (r) => {
            const b = r.body as { indicator: string; region: string; fromYear: number };
            const plans = await targetPlansOf(r.server.db, b);
            return plans.map(presentPlan).find((p) => p.fromYear === b.fromYear) ?? null;
          },
        },
      },
      schema: {
        tags: ["targets"],
        summary: "Save a multi-year plan and write its years as annual targets",
        description:
          "Cumulative indicators only. Without yearValues the total is split evenly, whole " +
          "units for counted indicators, the remainder to the last years. Plan and yearly " +
          "targets are written in one transaction.",
        body: TargetPlanBody,
        response: { 200: TargetPlanSaved, ...errorResponses },
      },
    },
    async (request) => savePlan(app.db, request.body),
  );

  app.get(
    "/import/template",
    {
      config: { auth: rule(PROVINCE, { in: "query", key: "parent" }) },
      schema: {
        tags: ["targets"],
        summary: "Download the targets template (.xlsx) for a region and its sub-regions",
        querystring: TargetTemplateQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { parent, year } = request.query;
      const bytes = await targetsTemplate(app.db, request.query);
      return sendWorkbook(reply, `目标任务模板-${parent}-${year}.xlsx`, bytes);
    },
  );

  app.post(
    "/import",
    {
      config: {
        auth: rule(PROVINCE, { in: "query", key: "parent" }),
        audit: { entity: "target-import", id: (r) => JSON.stringify(r.query) },
      },
      preHandler: readSheetFirst(targetSheetLimits),
      schema: {
        tags: ["targets"],
        summary: "Import targets from a filled template (.xlsx or .csv), all or nothing",
        description:
          "Multipart upload in a field named `file`; columns by the codes in row 2: region, " +
          "indicator, year, value, due_month. Every bad cell is listed (422) and nothing is " +
          "written; `dryRun=true` previews what would change.",
        querystring: TargetImportQuery,
        response: { 200: TargetImportResult, 422: TargetImportResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { grid } = uploadedSheet(request);
      const result = await importTargets(app.db, grid, {
        parent: request.query.parent,
        dryRun: request.query.dryRun ?? false,
      });
      return reply.status(result.ok ? 200 : 422).send(result);
    },
  );
};
export default route;
