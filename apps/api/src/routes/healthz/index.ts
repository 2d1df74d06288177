import { statfs } from "node:fs/promises";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { databaseIsUp } from "@jindu/db";
import { Type } from "typebox";
import { RETRY_AFTER_SECONDS } from "../../errors.js";

const Health = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
  database: Type.String(),
  /** Why not ok: the database does not answer, or its disk is nearly full. */
  problem: Type.Optional(Type.Union([Type.Literal("unreachable"), Type.Literal("low_disk")])),
});

/** Bytes free to this process on the file system holding `dir`. */
async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: "public" },
      schema: {
        tags: ["system"],
        summary: "Whether this process can serve: its database answers (and has room to write)",
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const database = app.database.kind;
      // Time-boxed inside: a load balancer's probe must get an answer, not a hang.
      let problem: "unreachable" | "low_disk" | undefined;
      if (!(await databaseIsUp(app.db))) problem = "unreachable";
      else if (app.database.dataDir !== null) {
        // The embedded database writes to this machine's disk: a full disk fails every change
        // (F9), so say so before it happens.
        const free = await freeBytes(app.database.dataDir).catch(() => 0);
        if (free < app.minFreeBytes) problem = "low_disk";
      }
      if (problem === undefined) return { status: "ok" as const, database };
      reply.header("retry-after", String(RETRY_AFTER_SECONDS)).status(503);
      return { status: "unavailable" as const, database, problem };
    },
  );
};
export default route;
