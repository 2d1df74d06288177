import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { allIndicators } from "@jindu/db";
import { EVERYONE, rule } from "../../../auth-rules.js";
import { IndicatorListResponse } from "../../../schemas/index.js";
import profile from "./profile.js";
import update from "./update.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(EVERYONE) },
      schema: {
        tags: ["catalogue"],
        summary: "The indicator catalogue",
        response: { 200: IndicatorListResponse },
      },
    },
    async () => ({ indicators: await allIndicators(app.db) }),
  );

  await app.register(profile);
  await app.register(update);
};
export default route;
