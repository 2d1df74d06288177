import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { insertTarget, listTargets, targetById, updateTarget } from "@jindu/db";
import { targetProblems } from "@jindu/domain";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import { conflict, invalid, notFound } from "../../../errors.js";
import { assertInScope } from "../../../plugins/app/auth.js";
import {
  errorResponses,
  Target,
  TargetCreate,
  TargetListResponse,
  TargetParams,
  TargetQuery,
  TargetUpdate,
} from "../../../schemas/index.js";
import type { SignedInUser } from "../../../services/auth.js";
import { requireIndicator, requireRegion } from "../../../services/lookups.js";

type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

const present = (t: TargetRow) => ({
  id: t.id,
  indicator: t.indicatorCode,
  region: t.regionCode,
  year: t.year,
  value: t.value,
  dueMonth: t.dueMonth,
  updatedAt: t.updatedAt.toISOString(),
});

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
      const { indicator: code, region, year, value, dueMonth } = request.body;
      const indicator = await requireIndicator(app.db, code, "indicator");
      await requireRegion(app.db, region, "region");
      const problems = targetProblems(value, indicator);
      if (problems.length > 0) throw invalid(problems);
      const row = await insertTarget(app.db, {
        indicatorCode: code,
        regionCode: region,
        year,
        value,
        dueMonth: dueMonth ?? 12,
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
        summary: "Change a target's value or due month",
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
        const indicator = await requireIndicator(app.db, existing.indicatorCode, "indicator");
        const problems = targetProblems(request.body.value, indicator);
        if (problems.length > 0) throw invalid(problems);
      }
      const row = await updateTarget(app.db, existing.id, request.body);
      if (!row) throw notFound(`target ${request.params.id} does not exist`);
      return present(row);
    },
  );
};
export default route;
