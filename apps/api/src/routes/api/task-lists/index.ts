import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { PROVINCE, READERS, rule } from "../../../auth-rules.js";
import type { AuditRule } from "../../../plugins/app/audit.js";
import {
  errorResponses,
  TaskListCopy,
  TaskListParams,
  TaskListResponse,
  TaskListUpdate,
} from "../../../schemas/index.js";
import { copyTaskList, saveTaskListFor, taskListView } from "../../../services/task-lists.js";

const paramsOf = (request: FastifyRequest) => request.params as { code: string; year: number };

/** A list change is audited with the list as it was. */
const listAudit: AuditRule = {
  entity: "task_list",
  id: (request) => `${paramsOf(request).code}/${paramsOf(request).year}`,
  before: (request) =>
    taskListView(request.server.db, paramsOf(request).code, paramsOf(request).year).then(
      (view) => view.items,
    ),
};

/** The province's officials keep its annual task list (年度目标任务清单). */
const EDITORS = rule(PROVINCE, { in: "params", key: "code" });

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/:code/:year",
    {
      config: { auth: rule(READERS, { in: "params", key: "code", reach: "province" }) },
      schema: {
        tags: ["targets"],
        summary: "A province's annual task list: which indicators, carried by which regions",
        params: TaskListParams,
        response: { 200: TaskListResponse, ...errorResponses },
      },
    },
    async (request) => taskListView(app.db, request.params.code, request.params.year),
  );

  app.put(
    "/:code/:year",
    {
      config: { auth: EDITORS, audit: listAudit },
      schema: {
        tags: ["targets"],
        summary: "Set a province's task list for a year (an empty list removes it)",
        description:
          "The entry form, import template, completeness, matrix, lagging list and bulletin " +
          "follow it: a region not given an indicator is neither asked for it nor counted missing.",
        params: TaskListParams,
        body: TaskListUpdate,
        response: { 200: TaskListResponse, ...errorResponses },
      },
    },
    async (request) =>
      saveTaskListFor(
        app.db,
        request.params.code,
        request.params.year,
        request.body.items,
        request.user?.username ?? "unknown",
      ),
  );

  app.post(
    "/:code/:year/copy",
    {
      config: { auth: EDITORS, audit: listAudit },
      schema: {
        tags: ["targets"],
        summary: "Start a year's task list as a copy of another year's",
        params: TaskListParams,
        body: TaskListCopy,
        response: { 200: TaskListResponse, ...errorResponses },
      },
    },
    async (request) =>
      copyTaskList(
        app.db,
        request.params.code,
        request.params.year,
        request.body.fromYear,
        request.user?.username ?? "unknown",
      ),
  );
};
export default route;
