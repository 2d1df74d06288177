import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const MISSING = "/nonexistent/chromium";

/**
 * `pnpm test` (vitest run) as on a machine without the browser, limited to one small domain test
 * file so that it stays cheap: every project is set up as in the real run, e2e included or not.
 */
function runWithoutBrowser(extra: Record<string, string>) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "CI"),
  );
  const result = spawnSync(
    process.execPath,
    [vitest, "run", "packages/domain/test/security.test.ts"],
    {
      cwd: root,
      env: { ...env, NODE_ENV: "test", CHROMIUM_PATH: MISSING, ...extra },
      encoding: "utf8",
      timeout: 150_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("pnpm test on a fresh machine", () => {
  it("without a browser: the other projects run and report, and one line says how to get one", () => {
    const { status, output } = runWithoutBrowser({});
    const notes = output.split("\n").filter((line) => line.includes("Browser tests"));
    expect(notes, output).toHaveLength(1);
    expect(notes[0]).toContain(`CHROMIUM_PATH=${MISSING}`);
    expect(notes[0]).toContain("apt-get install chromium");
    expect(output).toMatch(/Test Files\s+.*1 passed/);
    expect(status, output).toBe(0);
  });

  it("under CI a missing browser fails the run instead", () => {
    const { status, output } = runWithoutBrowser({ CI: "true" });
    expect(output).toContain("Browser tests cannot run under CI");
    expect(status).not.toBe(0);
  });
});
