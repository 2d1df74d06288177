import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const serverFile = fileURLToPath(new URL("../../src/server.ts", import.meta.url));

/** An API process started as `pnpm start` starts one (src/server.ts), on a port of its own. */
export interface ApiProcess {
  base: string;
  child: ChildProcess;
  /** The end of what it logged. */
  output(): string;
  /** Its exit code once it ended on its own, else undefined. */
  exited(): number | null | undefined;
  stop(): Promise<void>;
}

export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", serverFile], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      JINDU_SEED: "none",
      NODE_ENV: "test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let exited: number | null | undefined;
  child.on("exit", (code) => {
    exited = code;
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const deadline = Date.now() + 90_000;
  let base: string | undefined;
  while (!base && Date.now() < deadline && exited === undefined) {
    base = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    if (!base) await sleep(100);
  }
  if (!base) throw new Error(`the API did not start:\n${output}`);
  return {
    base,
    child,
    output: () => output,
    exited: () => exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
