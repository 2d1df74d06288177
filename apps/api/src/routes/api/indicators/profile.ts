import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { indicatorByCode, setSeasonalProfile } from "@jindu/db";
import { seasonalProfileProblem } from "@jindu/domain";
import { PROVINCE, rule } from "../../../auth-rules.js";
import { ApiError, notFound } from "../../../errors.js";
import {
  errorResponses,
  Indicator,
  SeasonalProfileBody,
  SeasonalProfileParams,
} from "../../../schemas/index.js";

/** An indicator's seasonal profile, set by a national official on the targets screen. */
const route: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    "/:code/profile",
    {
      config: {
        auth: rule(PROVINCE),
        audit: {
          entity: "seasonal-profile",
          id: (r) => (r.params as { code: string }).code,
          before: async (r) =>
            (await indicatorByCode(r.server.db, (r.params as { code: string }).code))
              ?.seasonalProfile ?? null,
        },
      },
      schema: {
        tags: ["targets"],
        summary: "Set an indicator's seasonal profile, or clear it with null",
        description:
          "12 cumulative fractions of the year's work expected by the end of each month, never " +
          "decreasing, December 1. Schedule progress follows it instead of an even pace.",
        params: SeasonalProfileParams,
        body: SeasonalProfileBody,
        response: { 200: Indicator, ...errorResponses },
      },
    },
    async (request) => {
      // An indicator's profile sets the schedule in every province, not only the caller's.
      if (request.user?.regionCode !== null) {
        throw new ApiError(
          403,
          "a seasonal profile applies nationwide: only a national official sets it",
        );
      }
      const { profile } = request.body;
      const problem = profile ? seasonalProfileProblem(profile) : null;
      if (problem) {
        throw new ApiError(400, problem, { field: "profile", rule: "seasonal_profile" });
      }
      const row = await setSeasonalProfile(app.db, request.params.code, profile);
      if (!row) throw notFound(`indicator ${request.params.code} does not exist`);
      return row;
    },
  );
};
export default route;
