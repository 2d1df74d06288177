import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/** The supervision routes (work screens issue); filled in by the supervision work. */
const route: FastifyPluginAsyncTypebox = async (_app) => {};
export default route;
