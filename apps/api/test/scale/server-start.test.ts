import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openDatabase, queryRows } from "@jindu/db";
import { createScratchDatabase, type ScratchDatabase } from "@jindu/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The server as `pnpm start` runs it, connected as jindu_app: it has no right to migrate, so on a
 * database nobody migrated it must say what to do, not fail halfway. Roles exist only on a server,
 * so this uses the one at DATABASE_URL, or the local one, also in the embedded-database run.
 */
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const serverFile = fileURLToPath(new URL("../../src/server.ts", import.meta.url));

let scratch: ScratchDatabase;
beforeAll(async () => {
  // With the roles, as `pnpm db:roles` leaves it, but nobody migrated it.
  scratch = await createScratchDatabase(SERVER);
});
afterAll(async () => {
  await scratch?.drop();
});

/** Starts the server on `url` and resolves to its exit code and output once it exits. */
function startServer(url: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", serverFile], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: "0", JINDU_SEED: "none", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    // It should never get this far; stop it if it does.
    if (output.includes("Server listening")) child.kill("SIGTERM");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("starting the server as jindu_app", () => {
  it("F4: on a database that is not migrated it refuses to start and says to run pnpm migrate", async () => {
    const { code, output } = await startServer(scratch.appUrl);
    expect(code).toBe(1);
    expect(output).toMatch(/\d+ migration\(s\) behind/);
    expect(output).toContain("pnpm migrate");
    // And it changed nothing: the app's role cannot create the migrations' bookkeeping either.
    const admin = await openDatabase({ url: scratch.adminUrl, maxConnections: 1 });
    const rows = await queryRows<{ n: number }>(
      admin.db,
      sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname in ('public', 'drizzle')`,
    );
    await admin.close();
    expect(rows[0]?.n).toBe(0);
  }, 60_000);
});
