import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type Database, listReports, monthPlace, reportByKey, revisionsOf } from "@jindu/db";
import { ENTRY, READERS, rule } from "../../../auth-rules.js";
import { ApiError, notFound } from "../../../errors.js";
import {
  errorResponses,
  HistoryResponse,
  Report,
  ReportBody,
  ReportListResponse,
  ReportParams,
  ReportQuery,
} from "../../../schemas/index.js";
import { requireIndicator, requireRegion } from "../../../services/lookups.js";
import { saveEntries } from "../../../services/submissions.js";

type ReportRow = Awaited<ReturnType<typeof listReports>>[number];
type ReportKeyParams = { indicator: string; region: string; year: number; month: number };

/** The URL's figure as the database names it. */
const keyOf = (p: ReportKeyParams) => ({
  indicatorCode: p.indicator,
  regionCode: p.region,
  year: p.year,
  month: p.month,
});

/** The same, after checking that its indicator and region exist (400 otherwise). */
async function checkedKey(db: Database, p: ReportKeyParams) {
  await requireIndicator(db, p.indicator, "indicator", p.region);
  await requireRegion(db, p.region, "region");
  return keyOf(p);
}

async function reportOf(db: Database, p: ReportKeyParams) {
  const row = await reportByKey(db, keyOf(p));
  return row ? present(row) : null;
}

/**
 * F20: the version a change is based on, from the body or an If-Match header ("3", W/"3").
 * Without one the change would overwrite whatever is stored (last write wins): 428.
 */
function baseVersionOf(body: { version?: number | undefined }, ifMatch: string | undefined) {
  if (body.version !== undefined) return body.version;
  const tag = ifMatch?.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (tag) return Number(tag[1]);
  throw new ApiError(
    428,
    ifMatch === undefined
      ? "send the figure's version the change is based on: `version` in the body (0 for a new figure) or an If-Match header"
      : `If-Match ${JSON.stringify(ifMatch)} is not a figure version such as "3"`,
    { field: "version" },
  );
}

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
  explanation: r.explanation,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
});

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(READERS, { in: "query", key: "region" }) },
      schema: {
        tags: ["reports"],
        summary: "Monthly reports, filtered (at most 5,000 rows)",
        querystring: ReportQuery,
        response: { 200: ReportListResponse, ...errorResponses },
      },
    },
    async (request) => ({
      reports: (
        await listReports(app.db, { ...request.query, within: request.user?.regionCode })
      ).map(present),
    }),
  );

  app.get(
    "/:indicator/:region/:year/:month",
    {
      config: { auth: rule(READERS, { in: "params", key: "region" }) },
      schema: {
        tags: ["reports"],
        summary: "One month's figure of an indicator for a region",
        params: ReportParams,
        response: { 200: Report, ...errorResponses },
      },
    },
    async (request) => {
      const { indicator, region, year, month } = request.params;
      const row = await reportByKey(app.db, await checkedKey(app.db, request.params));
      if (!row) throw notFound(`no report of ${indicator} for ${region} in ${year}-${month}`);
      return present(row);
    },
  );

  app.put(
    "/:indicator/:region/:year/:month",
    {
      config: {
        idempotent: true,
        auth: rule(ENTRY, { in: "params", key: "region" }),
        audit: {
          entity: "report",
          id: (r) => Object.values(r.params as object).join("/"),
          regions: (r) => {
            const { region, year, month } = r.params as ReportKeyParams;
            return [monthPlace(region, year, month)];
          },
          before: (r) => reportOf(r.server.db, r.params as ReportKeyParams),
        },
      },
      schema: {
        tags: ["reports"],
        summary: "Save one figure as a draft of the region's month",
        params: ReportParams,
        body: ReportBody,
        response: { 200: Report, ...errorResponses },
      },
    },
    async (request) => {
      const { indicator, region, year, month } = request.params;
      const { version: _version, ...entry } = request.body;
      const version = baseVersionOf(request.body, request.headers["if-match"]);
      await saveEntries(app.db, { region, year, month }, [{ indicator, ...entry }], {
        actor: request.user?.username ?? "anonymous",
        figureVersions: new Map([[indicator, version]]),
      });
      const row = await reportByKey(app.db, keyOf(request.params));
      if (!row) throw notFound(`no report of ${indicator} for ${region} in ${year}-${month}`);
      return present(row);
    },
  );

  app.get(
    "/:indicator/:region/:year/:month/history",
    {
      config: { auth: rule(READERS, { in: "params", key: "region" }) },
      schema: {
        tags: ["reports"],
        summary: "Every revision of a figure: who, when, old and new value, status, reason",
        params: ReportParams,
        response: { 200: HistoryResponse, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await revisionsOf(app.db, await checkedKey(app.db, request.params));
      return { revisions: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
};
export default route;
