import { existsSync } from "node:fs";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { DatabaseHandle } from "@jindu/db";
import { IDLE_TIMEOUT_MINUTES, IDLE_WARNING_MINUTES } from "@jindu/domain";
import Fastify, { type FastifyServerOptions } from "fastify";
import type { BackgroundOptions } from "./plugins/app/background.js";
import webPage from "./plugins/app/web-page.js";
import { registerPlugins } from "./plugins/index.js";
import { type SchemaCode, serializerFactory } from "./precompiled-schemas.js";
import { registerRoutes } from "./routes/index.js";
import { ErrorBody } from "./schemas/index.js";
import { refuseNulCharacters, useStrictValidation } from "./validation.js";

declare module "fastify" {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
    loginsPerMinute: number;
    /** Free bytes the embedded database's disk must keep for /healthz to say ok. */
    minFreeBytes: number;
    /** The session's idle timeout and the warning's lead, in seconds. */
    sessionIdle: { timeoutSeconds: number; warningSeconds: number };
  }
}

export interface AppOptions {
  database: DatabaseHandle;
  /** Folder of the built web app to serve on the same port (production); none when omitted. */
  webRoot?: string | undefined;
  logger?: FastifyServerOptions["logger"];
  /**
   * Sign-in attempts allowed per minute from one client address, and for one username
   * (default 20 each), counted in the database: one limit across every API process.
   */
  loginsPerMinute?: number;
  /**
   * The proxies whose X-Forwarded-For names the client (addresses or CIDR ranges, comma
   * separated; JINDU_TRUSTED_PROXIES). None by default: the socket's address is the client's.
   */
  trustedProxies?: string | undefined;
  /** Below this many free bytes on the embedded database's disk, /healthz answers 503. */
  minFreeBytes?: number;
  /** Seconds without a request that end a session (default 30 minutes; short in tests). */
  idleTimeoutSeconds?: number;
  /** Seconds before the idle timeout that the dashboard warns (default 2 minutes). */
  idleWarningSeconds?: number;
  /** Runs the delivery worker and the scheduled jobs in this process (src/server.ts does). */
  background?: BackgroundOptions;
  /** Route schemas compiled at build time (the built server), or where to store them (the build). */
  schemaCode?: SchemaCode;
}

/** 64 MiB: room for a day of figures and the database's own housekeeping. */
/**
 * Built files under assets/ carry a hash of their content in their names: a browser keeps them for
 * a year without asking again. The page itself (index.html, which names them) is asked for each
 * time, so a new release is seen at the next load. Without this every page load revalidated some
 * sixty scripts, one round trip each.
 */
export function cacheControlOf(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.\w+(\.br|\.gz)?$/.test(path)
    ? "public, max-age=31536000, immutable"
    : "no-cache";
}

export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

/**
 * Builds the server in three layers, as in fastify/demo: third-party plugins, our own plugins,
 * then the routes, whose folder path is their URL path. (Registered explicitly rather than with
 * @fastify/autoload, whose dynamic import of .ts files bypasses Vitest's transform.)
 */
export async function buildApp({
  database,
  webRoot,
  logger = false,
  loginsPerMinute = 20,
  minFreeBytes = DEFAULT_MIN_FREE_BYTES,
  trustedProxies,
  idleTimeoutSeconds = IDLE_TIMEOUT_MINUTES * 60,
  idleWarningSeconds = Math.min(IDLE_WARNING_MINUTES * 60, Math.floor(idleTimeoutSeconds / 2)),
  background,
  schemaCode,
}: AppOptions) {
  const proxies = (trustedProxies ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const app = Fastify({
    logger,
    // request.ip is then the client's address: the sign-in limit, sessions and the audit log.
    trustProxy: proxies.length > 0 ? proxies : false,
    bodyLimit: 1024 * 1024,
    ...(schemaCode
      ? {
          schemaController: {
            compilersFactory: { buildSerializer: serializerFactory(schemaCode) },
          },
        }
      : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ErrorBody);
  useStrictValidation(app, schemaCode);

  // Every route, for the authorization tests to check that none is left without a case.
  const routeList: { method: string; url: string }[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url });
  });
  app.decorate("routeList", routeList);
  app.decorate("loginsPerMinute", loginsPerMinute);
  app.decorate("minFreeBytes", minFreeBytes);
  app.decorate("sessionIdle", {
    timeoutSeconds: idleTimeoutSeconds,
    warningSeconds: idleWarningSeconds,
  });
  const serveWeb = Boolean(webRoot && existsSync(webRoot));
  await registerPlugins(app, { database, spaFallback: serveWeb, background });
  refuseNulCharacters(app);
  if (serveWeb) {
    const { default: serveStatic } = await import("@fastify/static");
    await app.register(serveStatic, {
      root: webRoot as string,
      wildcard: false,
      // The build writes .br and .gz beside its files (apps/web/vite.config.ts): sent to
      // browsers that accept them, never as files of their own.
      preCompressed: true,
      globIgnore: ["**/*.br", "**/*.gz"],
      // The page at / is webPage's: it carries the first screen's answers.
      index: false,
      setHeaders: (reply, path) => reply.header("cache-control", cacheControlOf(path)),
    });
    await app.register(webPage, { webRoot: webRoot as string });
  }
  await registerRoutes(app);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
