import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { databaseIsUp } from "@jindu/db";
import { Type } from "typebox";

const Health = Type.Object({ status: Type.String(), database: Type.String() });

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: "public" },
      schema: { tags: ["system"], response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      const up = await databaseIsUp(app.db);
      return reply
        .status(up ? 200 : 503)
        .send({ status: up ? "ok" : "unavailable", database: app.database.kind });
    },
  );
};
export default route;
