import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type MonthForm, monthPlace } from "@jindu/db";
import type { WorkflowAction } from "@jindu/domain";
import { ENTRY, PROVINCE, READERS, rule } from "../../../auth-rules.js";
import type { AuditRule } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  MonthHistoryResponse,
  MonthParams,
  ReasonedTransitionBody,
  SaveSubmissionBody,
  SubmissionQueue,
  SubmissionQueueQuery,
  SubmissionView,
  TransitionBody,
} from "../../../schemas/index.js";
import { type MonthContext, monthContextAndForm } from "../../../services/month-context.js";
import {
  monthHistory,
  moveSubmission,
  saveEntries,
  submissionQueue,
  submissionView,
} from "../../../services/submissions.js";

type MonthParamsValue = { region: string; year: number; month: number };
type SubmissionViewValue = Awaited<ReturnType<typeof submissionView>>;

declare module "fastify" {
  interface FastifyRequest {
    /**
     * The changed month's context, read once in the change's transaction for the form before,
     * the checks and the form after (a save or a move never changes it).
     */
    monthContext?: MonthContext;
    /** The month's form read before the change, in the same transaction (the audit's old value). */
    monthBefore?: SubmissionViewValue;
    /** Its row and figures as read then (what a save compares its figures with). */
    monthFormBefore?: MonthForm;
  }
}

/** A month's audit entry: its form before the change, and after. */
const monthAudit: AuditRule = {
  entity: "submission",
  id: (r) => Object.values(r.params as object).join("/"),
  // The month alone: what is kept of the region's other months stays (data quality's record).
  regions: (r) => {
    const { region, year, month } = r.params as MonthParamsValue;
    return [monthPlace(region, year, month)];
  },
  before: async (r) => {
    const month = r.params as MonthParamsValue;
    const { context, form } = await monthContextAndForm(r.server.db, month);
    r.monthContext = context;
    r.monthFormBefore = form;
    r.monthBefore = await submissionView(r.server.db, month, new Date(), context, form);
    return r.monthBefore;
  },
  // The month's state: its status and its stored figures, not the form around them.
  record: (state) => {
    const view = state as SubmissionViewValue;
    return {
      status: view.status,
      version: view.version,
      reason: view.reason,
      figures: view.entries
        .filter((e) => e.status !== null)
        .map((e) => ({
          indicator: e.indicator.code,
          value: e.value,
          numerator: e.numerator,
          denominator: e.denominator,
          explanation: e.explanation,
          status: e.status,
          version: e.version,
        })),
    };
  },
};

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(PROVINCE, { in: "query", key: "parent" }) },
      schema: {
        tags: ["submissions"],
        summary: "The approvals queue: months of a region and its child regions in one status",
        description:
          "By default the months waiting for the province (`submitted`), oldest first, each as " +
          "its full form (figures, last month's, warnings and their explanations). At most 200.",
        querystring: SubmissionQueueQuery,
        response: { 200: SubmissionQueue, ...errorResponses },
      },
    },
    async (request) => submissionQueue(app.db, request.query),
  );

  app.get(
    "/:region/:year/:month",
    {
      config: { auth: rule(READERS, { in: "params", key: "region" }) },
      schema: {
        tags: ["submissions"],
        summary: "A region's monthly form: figures, last month's, targets, errors and warnings",
        params: MonthParams,
        response: { 200: SubmissionView, ...errorResponses },
      },
    },
    async (request) => submissionView(app.db, request.params),
  );

  app.put(
    "/:region/:year/:month",
    {
      config: {
        idempotent: true,
        auth: rule(ENTRY, { in: "params", key: "region" }),
        audit: monthAudit,
      },
      schema: {
        tags: ["submissions"],
        summary: "Save figures as a draft (year-to-date or this month's increment)",
        description:
          "All-or-nothing: any error refuses the whole save. `baseVersion` is the version the " +
          "form was loaded with; a stale one gets 409 and nothing is overwritten.",
        params: MonthParams,
        body: SaveSubmissionBody,
        response: { 200: SubmissionView, ...errorResponses },
      },
    },
    async (request) => {
      const after = await saveEntries(app.db, request.params, request.body.entries, {
        actor: request.user?.username ?? "anonymous",
        baseVersion: request.body.baseVersion,
        context: request.monthContext,
        known: request.monthFormBefore,
      });
      return submissionView(app.db, request.params, new Date(), request.monthContext, after);
    },
  );

  app.get(
    "/:region/:year/:month/history",
    {
      config: { auth: rule(READERS, { in: "params", key: "region" }) },
      schema: {
        tags: ["submissions"],
        summary: "Every revision of every figure of a region's month: who, when, old and new, why",
        params: MonthParams,
        response: { 200: MonthHistoryResponse, ...errorResponses },
      },
    },
    async (request) => ({ revisions: await monthHistory(app.db, request.params) }),
  );

  const transitions: [Exclude<WorkflowAction, "save">, string, boolean][] = [
    ["submit", "Send the month to the province (warnings need an explanation)", false],
    ["approve", "Approve a submitted month: its figures count and are locked", false],
    ["return", "Return a submitted month to the bureau with a reason", true],
    ["reopen", "Reopen an approved month, with a reason", true],
  ];
  for (const [action, summary, needsReason] of transitions) {
    app.post(
      `/:region/:year/:month/${action}`,
      {
        config: {
          idempotent: true,
          auth: rule(action === "submit" ? ENTRY : PROVINCE, { in: "params", key: "region" }),
          audit: monthAudit,
        },
        schema: {
          tags: ["submissions"],
          summary,
          params: MonthParams,
          body: needsReason ? ReasonedTransitionBody : TransitionBody,
          response: { 200: SubmissionView, ...errorResponses },
        },
      },
      async (request) => {
        const body = request.body as { version: number; reason?: string };
        const after = await moveSubmission(app.db, request.params, action, {
          version: body.version,
          reason: body.reason,
          actor: request.user?.username ?? "anonymous",
          context: request.monthContext,
          before: request.monthBefore,
        });
        return submissionView(app.db, request.params, new Date(), request.monthContext, after);
      },
    );
  }
};
export default route;
