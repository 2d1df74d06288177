import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { allRegions } from "@jindu/db";
import { EVERYONE, rule } from "../../../auth-rules.js";
import { type RegionNode, RegionTreeResponse } from "../../../schemas/index.js";

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { auth: rule(EVERYONE) },
      schema: {
        tags: ["catalogue"],
        summary: "Regions as a tree: province → city → county",
        response: { 200: RegionTreeResponse },
      },
    },
    async () => {
      const rows = await allRegions(app.db);
      const nodes = new Map(rows.map((r) => [r.code, { ...r, children: [] as RegionNode[] }]));
      const roots: RegionNode[] = [];
      for (const node of nodes.values()) {
        const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
        (parent ? parent.children : roots).push(node as RegionNode);
      }
      return { regions: roots };
    },
  );
};
export default route;
