import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A PostgreSQL server of a test's own (never the shared one): its own data directory and port,
 * started, stopped and restarted by the test. PostgreSQL refuses to run as root, so as root its
 * programs run as the `postgres` user, which owns the directory.
 */

/** The directory of PostgreSQL's programs: pg_config's, else the newest /usr/lib/postgresql/N. */
function binDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (existsSync(join(dir, "pg_ctl"))) return dir;
  } catch {
    // no pg_config on the PATH
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], "bin");
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (existsSync(join(dir, "pg_ctl")) && existsSync(join(dir, "initdb"))) return dir;
  }
  throw new Error(
    "PostgreSQL's programs (initdb, pg_ctl) were not found: apt-get install postgresql",
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export interface OwnPostgres {
  /** Connection string of its `postgres` database. */
  url: string;
  port: number;
  stop(): void;
  start(): void;
  /** Ends it and deletes its data directory. */
  destroy(): void;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "jindu-pg-"));
  const data = join(dir, "data");
  if (asRoot) {
    const [uid, gid] = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })
      .trim()
      .split(" ")
      .concat(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, Number(uid), Number(gid));
  }
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? "runuser" : join(bin, program),
      asRoot ? ["-u", "postgres", "--", join(bin, program), ...args] : args,
      { stdio: ["ignore", "pipe", "pipe"], cwd: dir, timeout: 60_000 },
    );
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-N", "-E", "UTF8"]);
  // Its socket in its own directory; fsync off: a test's data need not survive a power cut.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const log = join(dir, "server.log");
  const start = () =>
    run("pg_ctl", ["-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
