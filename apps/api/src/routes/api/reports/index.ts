import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { listReports, putReport, reportByKey } from "@jindu/db";
import { reportProblems } from "@jindu/domain";
import { invalid, notFound } from "../../../errors.js";
import {
  errorResponses,
  Report,
  ReportBody,
  ReportListResponse,
  ReportParams,
  ReportQuery,
} from "../../../schemas/index.js";
import { requireIndicator, requireRegion } from "../../../services/lookups.js";

type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

const present = (r: ReportRow) => ({
  indicator: r.indicatorCode,
  region: r.regionCode,
  year: r.year,
  month: r.month,
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  status: r.status,
  version: r.version,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
});

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["reports"],
        summary: "Monthly reports, filtered (at most 5,000 rows)",
        querystring: ReportQuery,
        response: { 200: ReportListResponse, ...errorResponses },
      },
    },
    async (request) => ({ reports: (await listReports(app.db, request.query)).map(present) }),
  );

  app.get(
    "/:indicator/:region/:year/:month",
    {
      schema: {
        tags: ["reports"],
        summary: "One month's figure of an indicator for a region",
        params: ReportParams,
        response: { 200: Report, ...errorResponses },
      },
    },
    async (request) => {
      const { indicator, region, year, month } = request.params;
      await requireIndicator(app.db, indicator, "indicator");
      await requireRegion(app.db, region, "region");
      const row = await reportByKey(app.db, {
        indicatorCode: indicator,
        regionCode: region,
        year,
        month,
      });
      if (!row) throw notFound(`no report of ${indicator} for ${region} in ${year}-${month}`);
      return present(row);
    },
  );

  app.put(
    "/:indicator/:region/:year/:month",
    {
      schema: {
        tags: ["reports"],
        summary: "Write one month's figure: year-to-date value, or both parts of a ratio",
        params: ReportParams,
        body: ReportBody,
        response: { 200: Report, ...errorResponses },
      },
    },
    async (request) => {
      const { indicator: code, region, year, month } = request.params;
      const indicator = await requireIndicator(app.db, code, "indicator");
      await requireRegion(app.db, region, "region");
      const problems = reportProblems(request.body, { indicator, year, month, today: new Date() });
      if (problems.length > 0) throw invalid(problems);
      const { value = null, numerator = null, denominator = null } = request.body;
      const row = await putReport(
        app.db,
        { indicatorCode: code, regionCode: region, year, month },
        { value, numerator, denominator },
      );
      return present(row);
    },
  );
};
export default route;
