import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { WorkflowAction } from "@jindu/domain";
import {
  errorResponses,
  MonthParams,
  ReasonedTransitionBody,
  SaveSubmissionBody,
  SubmissionView,
  TransitionBody,
} from "../../../schemas/index.js";
import { moveSubmission, saveEntries, submissionView } from "../../../services/submissions.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/:region/:year/:month",
    {
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
      config: { idempotent: true },
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
      await saveEntries(app.db, request.params, request.body.entries, {
        actor: request.actor,
        baseVersion: request.body.baseVersion,
      });
      return submissionView(app.db, request.params);
    },
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
        config: { idempotent: true },
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
        await moveSubmission(app.db, request.params, action, {
          version: body.version,
          reason: body.reason,
          actor: request.actor,
        });
        return submissionView(app.db, request.params);
      },
    );
  }
};
export default route;
