import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  // Explicit, so that `vitest run -c e2e/vitest.config.ts` finds the tests from any directory.
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    name: "e2e",
    include: ["tests/**/*.test.ts"],
    globalSetup: ["./global-setup.ts"],
    // Longer than a step's own limit (60 s, support/browser.ts): a step that never ends fails
    // as that step, naming what it waited for, instead of as an anonymous test timeout.
    testTimeout: 90_000,
    // Browser tests share two cores with the API tests; one retry absorbs a rare timing miss,
    // while a real failure fails twice.
    retry: 1,
    // A file's state is its own (its browser connection, its sessions, an app of its own): the
    // files of a worker share loaded modules instead of loading Playwright and the API again.
    isolate: false,
    // The first run builds the web app.
    hookTimeout: 240_000,
  },
});
