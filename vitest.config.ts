import { defineConfig } from "vitest/config";

// One runner for the whole workspace: each package is a project, so `pnpm test` runs everything.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/api", "e2e"],
  },
});
