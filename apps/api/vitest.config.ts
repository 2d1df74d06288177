import { defineProject } from "vitest/config";

/**
 * Tests that time the server or start servers of their own (a PostgreSQL restart, two API
 * processes, an upload watched against /healthz's latency) run alone after everything else, in
 * the `api-alone` project: on two cores, browsers and other test files running beside them would
 * measure the machine, not the code.
 */
export const RUN_ALONE = [
  "test/scale/**/*.test.ts",
  "test/resilience/**/*.test.ts",
  "test/security/spreadsheet-bounds.test.ts",
];

export default defineProject({
  test: {
    name: "api",
    include: ["test/**/*.test.ts"],
    exclude: RUN_ALONE,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every file builds its own app on its own database, and nothing of a file's state lives at
    // module level beyond it: the files of a worker share the loaded modules instead of loading
    // the app again each (import time 140 → 13 s, the project 269 → 173 s per pass on 2 cores).
    isolate: false,
  },
});
