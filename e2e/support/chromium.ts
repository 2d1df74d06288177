import { accessSync, constants } from "node:fs";

/**
 * Where a Chromium or Chrome is usually installed: Debian/Ubuntu packages, Google's packages,
 * snap, macOS. playwright-core drives whichever the machine has (it downloads none). Debian's
 * headless shell comes first: the same Blink without the full browser around it, it rendered the
 * same screens with some 40 % less CPU (what a page load costs on CI's two cores) — Playwright's
 * own choice for headless runs.
 */
const COMMON_PATHS = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser the tests drive: CHROMIUM_PATH when set (then only that one, so a wrong setting is
 * noticed rather than passed over), else the first common install path that exists; null if none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return COMMON_PATHS.find(executable) ?? null;
}

/** One line that says what is missing and how to get it. */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env): string {
  const looked = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH}` : COMMON_PATHS.join(", ");
  return `no Chromium or Chrome found (looked at ${looked}): install one (Debian/Ubuntu: apt-get install chromium-headless-shell or chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH to its executable`;
}

/** CI (.ci/run sets CI=true and installs Debian's Chromium) must run the browser tests. */
export const underCi = (env: NodeJS.ProcessEnv = process.env) =>
  Boolean(env.CI) && env.CI !== "false" && env.CI !== "0";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
