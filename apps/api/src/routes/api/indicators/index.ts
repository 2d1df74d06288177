import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { EVERYONE, rule } from "../../../auth-rules.js";
import { IndicatorListResponse } from "../../../schemas/index.js";
import type { SignedInUser } from "../../../services/auth.js";
import { catalogueFor } from "../../../services/catalogue.js";
import profile from "./profile.js";
import provinceProfile from "./province-profile.js";
import update from "./update.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(EVERYONE) },
      schema: {
        tags: ["catalogue"],
        summary: "The indicator catalogue: the national one and the caller's province's own",
        response: { 200: IndicatorListResponse },
      },
    },
    async (request) => ({
      indicators: await catalogueFor(app.db, request.user as SignedInUser),
    }),
  );

  await app.register(profile);
  await app.register(provinceProfile);
  await app.register(update);
};
export default route;
