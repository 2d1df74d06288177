import { defineConfig } from "vitest/config";

// One runner for the whole workspace: each package is a project, so `pnpm test` runs everything.
// `api-alone` (apps/api/vitest.alone.config.ts) holds the timed tests and runs after the rest.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/api", "apps/api/vitest.alone.config.ts", "e2e"],
  },
});
