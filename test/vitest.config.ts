import { defineProject } from "vitest/config";

// Tests of the workspace itself (how `pnpm test` behaves), not of one package.
export default defineProject({
  test: { name: "workspace", include: ["*.test.ts"], testTimeout: 180_000 },
});
