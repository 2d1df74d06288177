import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { DEFAULT_DATA_DIR, openDatabase, prepareSchema, SchemaNotCurrentError } from "@jindu/db";
import { buildApp } from "./app.js";
import { loadPrecompiledSchemas } from "./precompiled-schemas.js";
import { prepareInstallation, type SeedChoice } from "./services/first-run.js";

/**
 * Starts Jindu: opens the database (the embedded one unless DATABASE_URL is set), applies the
 * migrations where it may or checks they ran (packages/db/src/migrations.ts: as jindu_app it
 * cannot), seeds reference and demo data (inserts only, idempotent, so every start is safe),
 * then listens.
 */
const env = process.env;

// V8 lets the heap grow to up to four times what survived its last full collection, and gives
// little back: after a month-end burst the process kept ~360 MB resident for ~60 MB of live
// objects. Growing by a quarter at most held the same burst to ~190 MB at the same speed
// (issue 16's memory budget). Read by V8 whenever it sizes the heap, so it applies from here on.
setFlagsFromString("--heap-growing-percent=25");

function bytesSetting(name: string): number {
  const value = Number(env[name]);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number of bytes, not "${env[name]}"`);
  }
  return value;
}
function loginsSetting(): number {
  const value = Number(env.JINDU_LOGINS_PER_MINUTE);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(
      `JINDU_LOGINS_PER_MINUTE must be a whole number ≥ 1, not "${env.JINDU_LOGINS_PER_MINUTE}"`,
    );
  }
  return value;
}
const production = env.NODE_ENV === "production";
// Loads while the database opens (the built server's route schemas, compiled at build time).
const precompiledSchemas = loadPrecompiledSchemas(import.meta.url);
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir:
    env.JINDU_DATA_DIR ?? fileURLToPath(new URL(`../../../${DEFAULT_DATA_DIR}`, import.meta.url)),
});
try {
  await prepareSchema(database, env.JINDU_MIGRATE_ON_START);
} catch (error) {
  if (!(error instanceof SchemaNotCurrentError)) throw error;
  console.error(error.message);
  await database.close();
  process.exit(1);
}
const seed = env.JINDU_SEED ?? "demo";
if (!["demo", "reference", "none"].includes(seed)) {
  console.error(`JINDU_SEED must be demo, reference or none, not "${seed}"`);
  await database.close();
  process.exit(1);
}
const { firstAdmin } = await prepareInstallation(database.db, {
  seed: seed as SeedChoice,
  adminPassword: env.JINDU_ADMIN_PASSWORD,
});
if (firstAdmin) {
  // Printed once, on the start that created it: the only way into a new installation.
  console.log(
    `First start: administrator "${firstAdmin.username}" created with the one-time password ` +
      `${firstAdmin.password} — sign in, choose a new password and enrol an authenticator.`,
  );
}

// Tests of the scheduled jobs start processes on a day of their choosing; nobody else can.
const clockStart = env.NODE_ENV === "test" && env.JINDU_CLOCK ? Date.parse(env.JINDU_CLOCK) : null;
if (clockStart !== null && Number.isNaN(clockStart)) {
  console.error(`JINDU_CLOCK must be an ISO time, not "${env.JINDU_CLOCK}"`);
  process.exit(1);
}
const startedAt = Date.now();
const port = Number(env.PORT ?? 3000);

const app = await buildApp({
  database,
  schemaCode: await precompiledSchemas,
  webRoot: production ? fileURLToPath(new URL("../../web/dist", import.meta.url)) : undefined,
  logger: { level: env.LOG_LEVEL ?? "info" },
  trustedProxies: env.JINDU_TRUSTED_PROXIES,
  ...(env.JINDU_MIN_FREE_BYTES ? { minFreeBytes: bytesSetting("JINDU_MIN_FREE_BYTES") } : {}),
  ...(env.JINDU_LOGINS_PER_MINUTE ? { loginsPerMinute: loginsSetting() } : {}),
  background: {
    publicUrl: env.JINDU_PUBLIC_URL ?? `http://localhost:${port || 3000}`,
    ...(clockStart === null
      ? {}
      : { clock: () => new Date(clockStart + Date.now() - startedAt), tickMs: 1_000 }),
  },
});

const close = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGINT", close);
process.on("SIGTERM", close);

// A deep accept queue: at month end every bureau may connect in the same second.
await app.listen({
  port,
  host: env.HOST ?? "127.0.0.1",
  backlog: 4096,
});

// Schemas are compiled when the app gets ready, which listening waits for.
const schemaCode = await precompiledSchemas;
if (schemaCode?.mode === "read" && schemaCode.compiledAtStart.length > 0) {
  app.log.warn(
    { routes: schemaCode.compiledAtStart },
    "route schemas compiled at start: they differ from the build's (apps/api/build.ts)",
  );
}
