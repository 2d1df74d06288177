import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { allIndicators } from "@jindu/db";
import { IndicatorListResponse } from "../../../schemas/index.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["catalogue"],
        summary: "The indicator catalogue",
        response: { 200: IndicatorListResponse },
      },
    },
    async () => ({ indicators: await allIndicators(app.db) }),
  );
};
export default route;
