import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Whether the request may be an upload: what the multipart parser would take, and more. */
const mayUpload = (request: FastifyRequest) =>
  /multipart/i.test(request.headers["content-type"] ?? "");

/**
 * Runs `hook` (one of @fastify/multipart's, async) for uploads only; every other request passes
 * without a promise. Its onRequest and onResponse hooks clean up files saved to disk when the
 * answer ends; only a multipart request can have any (and Jindu reads uploads into memory,
 * services/spreadsheets/upload.ts, never to disk).
 */
function forUploadsOnly(hook: Hook) {
  return (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (!mayUpload(request)) return done();
    hook(request, reply).then(() => done(), done);
  };
}

/**
 * File uploads (imports): one file of at most 20 MB per request. @fastify/multipart adds two
 * async hooks to every request, a promise each and a listener on every answer: a repeated
 * dashboard request paid for them (issue 16). Here they are registered for uploads only.
 */
export default fp(async function uploads(app: FastifyInstance) {
  const addHook = app.addHook;
  const scoped = function (this: FastifyInstance, name: string, hook: unknown) {
    const only =
      (name === "onRequest" || name === "onResponse") &&
      typeof hook === "function" &&
      hook.constructor.name === "AsyncFunction";
    return (addHook as (name: string, hook: unknown) => FastifyInstance).call(
      this,
      name,
      only ? forUploadsOnly(hook as Hook) : hook,
    );
  };
  app.addHook = scoped as FastifyInstance["addHook"];
  try {
    await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  } finally {
    app.addHook = addHook;
  }
});
