import { currentDataVersion } from "@jindu/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The answer depends only on the URL and the data: cache it and give it an ETag. */
    cacheable?: boolean;
  }
  interface FastifyRequest {
    /** The data version a cacheable answer is computed at (and cached under). */
    dataVersion?: string;
    /** The data version read with the session, so that a cache hit needs no query of its own. */
    seenDataVersion?: string;
    /** Set once a change took its data version in its own transaction (transaction.ts). */
    versionTaken?: boolean;
  }
}

const CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_ENTRIES = 500;
/**
 * And at most this many characters in all (≤ 32 MB as V8 keeps strings): 500 answers of a large
 * region could otherwise hold hundreds of megabytes (issue 16). A single larger answer is not kept.
 */
const MAX_CHARACTERS = 16 * 1024 * 1024;

/**
 * What an answer is kept under: its URL, and with include=submitted also the caller's region,
 * since figures awaiting approval are counted only within it (issue 12, F10).
 */
function viewerOf(request: FastifyRequest): string {
  const include = (request.query as { include?: string } | undefined)?.include;
  return include === "submitted" ? `-${request.user?.regionCode ?? "all"}` : "";
}

/**
 * Dashboard answers are expensive and read far more often than the data changes. Each is kept
 * under the data version it was computed at; any successful change bumps the version (in its
 * transaction, see bumpDataVersion, so a cached answer is never older than its version). The version lives in the
 * database and each change is announced to every API process (changes.ts), so they agree without
 * asking on every request. Authorization runs first, on every request.
 */
export default fp(
  async function answerCache(app: FastifyInstance) {
    const answers = new Map<string, string>();
    let characters = 0;
    // Answers of older versions are never asked for again.
    app.changes.onChange(() => {
      answers.clear();
      characters = 0;
    });

    /**
     * The answer, from the ETag or from memory, once the version is known. Sends it (and returns
     * true) when it can; otherwise the handler computes it.
     */
    function answerKnown(
      request: FastifyRequest,
      reply: FastifyReply,
      version: string,
      listening: boolean,
    ): boolean {
      const viewer = viewerOf(request);
      const etag = `W/"${version}${viewer}"`;
      reply.header("etag", etag).header("cache-control", "private, no-cache");
      if (request.headers["if-none-match"] === etag) {
        reply.status(304).send();
        return true;
      }
      // Not listening to the announcements (the connection dropped, F7): another process's
      // change would go unnoticed, so nothing is served from memory or kept until it is back.
      if (!listening) return false;
      request.dataVersion = version;
      const cached = answers.get(`${version}${viewer} ${request.url}`);
      if (cached === undefined) return false;
      reply.type("application/json; charset=utf-8").send(cached);
      return true;
    }

    // Callback-style hooks (issue 16): a repeated request, answered 304 or from memory, and every
    // request this plugin has nothing to do with, go on without a promise each.
    app.addHook("preHandler", (request, reply, done) => {
      if (!request.routeOptions.config.cacheable || request.method !== "GET") return done();
      const heard = app.changes.version();
      const version = heard ?? request.seenDataVersion;
      if (version !== undefined) {
        // Sent: the hooks stop here (Fastify runs none after an answer is sent).
        if (!answerKnown(request, reply, version, heard !== null)) done();
        return;
      }
      currentDataVersion(app.db).then((read) => {
        if (!answerKnown(request, reply, read, false)) done();
      }, done);
    });

    app.addHook("onSend", (request, reply, payload, done) => {
      if (CHANGING.has(request.method) && reply.statusCode < 400) {
        // A change with an audit rule took its version in its transaction (transaction.ts).
        if (request.versionTaken) return done(null, payload);
        app.changes.bump().then(() => done(null, payload), done);
        return;
      }
      const version = request.dataVersion;
      if (version === undefined || reply.statusCode !== 200 || typeof payload !== "string") {
        return done(null, payload);
      }
      const key = `${version}${viewerOf(request)} ${request.url}`;
      if (!answers.has(key) && payload.length <= MAX_CHARACTERS) {
        // Oldest first out: a Map keeps insertion order.
        while (answers.size >= MAX_ENTRIES || characters + payload.length > MAX_CHARACTERS) {
          const [oldest, answer] = answers.entries().next().value as [string, string];
          answers.delete(oldest);
          characters -= answer.length;
        }
        answers.set(key, payload);
        characters += payload.length;
      }
      done(null, payload);
    });
  },
  { name: "answer-cache", dependencies: ["database", "changes"] },
);
