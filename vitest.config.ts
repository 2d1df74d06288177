import { defineConfig } from "vitest/config";
import { chromiumMissing, findChromium, underCi } from "./e2e/support/chromium.ts";

// Without a browser the browser tests cannot run: on a fresh machine every other project still
// runs and one line says how to get one; under CI (which installs Debian's Chromium) the run fails.
const browser = findChromium();
if (!browser) {
  if (underCi()) throw new Error(`Browser tests cannot run under CI: ${chromiumMissing()}`);
  console.warn(`Browser tests (e2e) not run: ${chromiumMissing()}`);
}

// One runner for the whole workspace: each package is a project, so `pnpm test` runs everything.
// `api-alone` (apps/api/vitest.alone.config.ts) holds the timed tests and runs after the rest.
export default defineConfig({
  test: {
    // Vitest's default (cores − 1) ran every file one after another on CI's 2 cores; two files at
    // once cut the browser project from 19.5 to 12 minutes per database pass.
    maxWorkers: 2,
    projects: [
      "packages/*",
      "apps/api",
      "apps/api/vitest.alone.config.ts",
      "test",
      ...(browser ? ["e2e"] : []),
    ],
  },
});
