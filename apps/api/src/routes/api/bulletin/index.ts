import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/** The bulletin routes (work screens issue); filled in by the bulletin work. */
const route: FastifyPluginAsyncTypebox = async (_app) => {};
export default route;
