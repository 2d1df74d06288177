import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../apps/web/src/", import.meta.url));
const features = join(src, "features");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Each feature with texts of its own, and the key they are added under (addTexts). */
const screens = readdirSync(features).flatMap((feature) => {
  let text: string;
  try {
    text = readFileSync(join(features, feature, "locales.ts"), "utf8");
  } catch {
    return [];
  }
  const key = /addTexts\("([a-zA-Z]+)"/.exec(text)?.[1];
  return [{ feature, key }];
});

/**
 * A work screen's texts are added when its locales module loads (apps/web/src/lib/i18n.ts), not
 * with the shell: a file that shows them must import that module, or they show as raw keys when
 * it is the first screen opened.
 */
describe("the web app's screen texts", () => {
  it("every feature's locales.ts adds its texts under a key", () => {
    expect(screens.length).toBeGreaterThan(10);
    for (const { feature, key } of screens) expect(key, feature).toBeDefined();
  });

  it("every file that uses a screen's texts imports its locales", () => {
    const missing: string[] = [];
    for (const file of sources(src)) {
      if (file.endsWith("locales.ts")) continue;
      const text = readFileSync(file, "utf8");
      for (const { feature, key } of screens) {
        if (!new RegExp(`["\`]${key}\\.[a-zA-Z]`).test(text)) continue;
        if (!text.includes(`import "@/features/${feature}/locales";`)) {
          missing.push(`${relative(src, file)} uses ${key}.* without features/${feature}/locales`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
