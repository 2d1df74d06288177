import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATA_DIR } from "../client.js";

/** The embedded database's directory, where `pnpm start` keeps it (JINDU_DATA_DIR overrides). */
export function dataDir(env = process.env): string {
  return env.JINDU_DATA_DIR
    ? resolve(env.JINDU_DATA_DIR)
    : fileURLToPath(new URL(`../../../../${DEFAULT_DATA_DIR}`, import.meta.url));
}

/** A path the user typed, relative to where they ran pnpm (pnpm runs scripts in the root). */
export function userPath(path: string, env = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** Runs a command's body; a failure is one line on stderr and exit code 1, not a stack trace. */
export async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
