import { defineProject } from "vitest/config";
import { RUN_ALONE } from "./vitest.config.js";

// See RUN_ALONE: one file at a time, after the other projects (a higher group order) have ended.
export default defineProject({
  test: {
    name: "api-alone",
    include: RUN_ALONE,
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
