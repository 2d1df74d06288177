import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { chromiumMissing, findChromium, underCi } from "./e2e/support/chromium.ts";

// Without a browser the browser tests cannot run: on a fresh machine every other project still
// runs and one line says how to get one; under CI (which installs Debian's Chromium) the run fails.
const browser = findChromium();
if (!browser) {
  if (underCi()) throw new Error(`Browser tests cannot run under CI: ${chromiumMissing()}`);
  console.warn(`Browser tests (e2e) not run: ${chromiumMissing()}`);
}

/** Files known to take minutes: started first, so that none of them is left running alone at the end. */
const LONG_FILES = [/e2e\/tests\/accessibility-/, /e2e\/tests\/screenshots\.test/];

/**
 * Vitest's order (projects one after another; on a clean clone, larger files first), except that
 * the long files lead their group: the accessibility files are the shortest to read and the
 * longest to run, and ran last, two at a time, for four minutes of each pass.
 */
class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const key = (file: TestSpecification) => [
      file.project.config.sequence.groupOrder ?? 0,
      LONG_FILES.some((long) => long.test(file.moduleId)) ? 0 : 1,
    ];
    return sorted
      .map((file, index) => ({ file, index, key: key(file) }))
      .sort(
        (a, b) =>
          (a.key[0] ?? 0) - (b.key[0] ?? 0) ||
          (a.key[1] ?? 0) - (b.key[1] ?? 0) ||
          a.index - b.index,
      )
      .map(({ file }) => file);
  }
}

// One runner for the whole workspace: each package is a project, so `pnpm test` runs everything.
// `api-alone` (apps/api/vitest.alone.config.ts) holds the timed tests and runs after the rest.
export default defineConfig({
  test: {
    // Vitest's default (cores − 1) ran every file one after another on CI's 2 cores; two files at
    // once cut the browser project from 19.5 to 12 minutes per database pass.
    maxWorkers: 2,
    sequence: { sequencer: LongFilesFirst },
    projects: [
      "packages/*",
      "apps/api",
      "apps/api/vitest.alone.config.ts",
      "test",
      ...(browser ? ["e2e"] : []),
    ],
  },
});
