import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  grantAppRole,
  isSuperuser,
  MIGRATOR_ROLE,
  rolePasswordsFromEnv,
  setUpRoles,
} from "./roles.js";

/**
 * Backups of either database, with each one's own tools: PostgreSQL's pg_dump / pg_restore
 * (custom format), and PGlite's dumpDataDir / loadDataDir (a .tar.gz of the data directory,
 * which restores into the same PGlite version). A restore never overwrites data unless told to.
 */
export type BackupTarget = { url: string } | { dataDir: string };

/** A restore that would overwrite data it was not told to, or a file of the other database. */
export class RestoreRefusedError extends Error {}

export type BackupKind = "server" | "embedded";

/** Which database a backup file holds, from its first bytes. */
export function backupKind(file: string): BackupKind | null {
  const head = readFileSync(file).subarray(0, 5);
  if (head.toString("latin1") === "PGDMP") return "server";
  if (head[0] === 0x1f && head[1] === 0x8b) return "embedded";
  return null;
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  if ("url" in target) {
    try {
      await runTool("pg_dump", ["--format=custom", `--file=${file}`], target.url);
    } catch (error) {
      rmSync(file, { force: true });
      throw error;
    }
    return;
  }
  assertNotInUse(target.dataDir);
  if (!existsSync(join(target.dataDir, "PG_VERSION"))) {
    throw new Error(`There is no embedded database at ${target.dataDir}.`);
  }
  const client = await PGlite.create(target.dataDir);
  try {
    const archive = await client.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
  } finally {
    await client.close();
  }
}

export interface RestoreOptions {
  /** Replace a database that has data (PostgreSQL: its schemas; embedded: moved aside). */
  force?: boolean;
}

/** What a restore replaced: the embedded data directory moved aside, if any. */
export interface RestoreResult {
  movedAside: string | null;
}

export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const kind = backupKind(file);
  const wanted: BackupKind = "url" in target ? "server" : "embedded";
  if (kind !== wanted) {
    throw new RestoreRefusedError(
      kind === null
        ? `${file} is not a Jindu backup (neither a pg_dump archive nor a PGlite data directory).`
        : `${file} is a backup of the ${kind === "server" ? "PostgreSQL" : "embedded"} database; ` +
            `restore it with ${kind === "server" ? "DATABASE_URL set" : "DATABASE_URL unset"}.`,
    );
  }
  if ("url" in target) {
    await restoreServer(target.url, file, options);
    return { movedAside: null };
  }
  return restoreEmbedded(target.dataDir, file, options);
}

async function restoreEmbedded(
  dataDir: string,
  file: string,
  options: RestoreOptions,
): Promise<RestoreResult> {
  let movedAside: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    assertNotInUse(dataDir);
    if (!options.force) {
      throw new RestoreRefusedError(
        `${dataDir} already holds a database. Restoring replaces it: add --force (it is moved ` +
          "aside, not deleted), or set JINDU_DATA_DIR to a new directory.",
      );
    }
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dataDir, movedAside);
  }
  const client = await PGlite.create({
    dataDir,
    loadDataDir: new Blob([readFileSync(file)]),
  });
  try {
    // A backup that does not open as a Jindu database fails here, not at the next start.
    await client.query("select count(*) from audit_log");
  } finally {
    await client.close();
  }
  return { movedAside };
}

/**
 * Restores into a database as its owner: the tables are created and their rows copied before
 * the append-only triggers are (pg_restore's order), so restoring carries every audit row; the
 * triggers and the app role's grants are back when it ends. Connected as a superuser, it sets up
 * the roles first and restores as the migrator. One transaction: all or nothing.
 */
async function restoreServer(url: string, file: string, options: RestoreOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const superuser = await isSuperuser(client);
    if (superuser) {
      await setUpRoles(client, rolePasswordsFromEnv());
      await client.query(`set role ${MIGRATOR_ROLE}`);
    }
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
    );
    if ((rows[0]?.n ?? 0) > 0) {
      if (!options.force) {
        throw new RestoreRefusedError(
          "The database already has tables. Restoring replaces everything in it: add --force, " +
            "or restore into a new, empty database.",
        );
      }
      await client.query(
        "drop schema if exists drizzle cascade; drop schema public cascade; create schema public",
      );
    }
    await runTool(
      "pg_restore",
      [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-acl",
        ...(superuser ? [`--role=${MIGRATOR_ROLE}`] : []),
        file,
      ],
      url,
    );
    await grantAppRole(client);
  } finally {
    await client.end();
  }
}

/** The embedded database may be opened by one process only; PGlite does not check. */
function assertNotInUse(dataDir: string): void {
  if (existsSync(join(dataDir, "postmaster.pid"))) {
    throw new RestoreRefusedError(
      `The embedded database at ${dataDir} is open (postmaster.pid): stop the server first. ` +
        "If no server runs, the file is left from a crash: delete it and try again.",
    );
  }
}

/** The newest pg_dump / pg_restore installed (PG_BIN overrides), else the one on PATH. */
function toolPath(name: "pg_dump" | "pg_restore"): string {
  const dirs = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  return dirs.map((d) => join(d, name)).find((p) => existsSync(p)) ?? name;
}

/** Runs pg_dump or pg_restore on `url`, the password in the environment, not on the command line. */
async function runTool(name: "pg_dump" | "pg_restore", args: string[], url: string) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const child = spawn(toolPath(name), [...args, `--dbname=${parsed.toString()}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    stdio: ["ignore", "inherit", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error(
              `${name} was not found: install PostgreSQL's client tools (apt-get install ` +
                "postgresql-client, the server's major version or newer) or set PG_BIN.",
            )
          : error,
      ),
    );
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`${name} failed (${code}): ${stderr.trim()}`);
}
