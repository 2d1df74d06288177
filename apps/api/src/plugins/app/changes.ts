import { bumpDataVersion, CHANGES_CHANNEL, currentDataVersion, DATA_ONLY_MARK } from "@jindu/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    changes: Changes;
  }
}

export interface Changes {
  /**
   * The latest data version this process has heard of, or null when it is not listening (then
   * ask the database). Every change, in this process or another, bumps it.
   */
  version(): string | null;
  /** Runs `forget` after every change anywhere, so that caches drop what it may have made stale. */
  onChange(forget: () => void): void;
  /**
   * Runs `forget` after every change anywhere that may have touched accounts or sessions: all
   * but those announced as data only (a month's figures, targets…). A bureau's save at month end
   * then does not make every signed-in request read its session again.
   */
  onAccountChange(forget: () => void): void;
  /** Counts the account changes heard: what was read while it moved may be stale. */
  accountChanges(): number;
  /** Records a successful change made here: a new data version, announced to every process. */
  bump(): Promise<void>;
  /** Notes the version a change of this process took in its transaction, once committed. */
  committed(version: string, dataOnly?: boolean): void;
}

const newer = (a: string | null, b: string) => (a === null || BigInt(b) > BigInt(a) ? b : a);

/**
 * What lets a process keep things in memory without serving them stale: every change takes a new
 * data version and announces it (PostgreSQL NOTIFY), and every API process listens. A process
 * that loses its listening connection stops trusting memory (version() is null, every cache is
 * emptied and bypassed) while the connection is reconnected with backoff; once listening again
 * it reads the current version and trusts memory again.
 */
export default fp(
  async function changes(app: FastifyInstance) {
    let version: string | null = null;
    const listeners: (() => void)[] = [];
    const accountListeners: (() => void)[] = [];
    let accountChanges = 0;
    const forgetAccounts = () => {
      accountChanges++;
      for (const forget of accountListeners) forget();
    };
    const forgetAll = () => {
      forgetAccounts();
      for (const forget of listeners) forget();
    };
    const heard = (payload: string) => {
      const [, number, dataOnly] = /^(\d+)(:data)?$/.exec(payload) ?? [];
      if (number === undefined) return;
      // Whatever its number, a change that may have touched accounts empties what depends on them.
      if (dataOnly === undefined) forgetAccounts();
      const next = newer(version, number);
      if (next === version) return;
      version = next;
      for (const forget of listeners) forget();
    };
    let stop = async () => {};

    app.decorate("changes", {
      version: () => version,
      onChange: (forget: () => void) => listeners.push(forget),
      onAccountChange: (forget: () => void) => accountListeners.push(forget),
      accountChanges: () => accountChanges,
      bump: async () => heard(await bumpDataVersion(app.db)),
      committed: (committed: string, dataOnly = false) =>
        heard(dataOnly ? `${committed}${DATA_ONLY_MARK}` : committed),
    } satisfies Changes);

    const lost = (error: Error) => {
      app.log.error({ err: error }, "lost the change notifications; caches are off until back");
      version = null;
      forgetAll();
    };
    const restored = async () => {
      try {
        // Listening again: whatever changed meanwhile is in the database's version.
        const current = await currentDataVersion(app.db);
        forgetAll();
        version = newer(version, current);
        app.log.info("listening to change notifications again; caches are on");
      } catch (error) {
        // Still listening: the next notification brings the version and turns caches on.
        app.log.warn({ err: error }, "listening again, but the data version is not readable yet");
      }
    };

    app.addHook("onReady", async () => {
      stop = await app.database.listen(CHANGES_CHANNEL, heard, {
        onLost: lost,
        onRestored: () => void restored(),
      });
      // Read after listening starts, so that no change falls between the two.
      version = newer(version, await currentDataVersion(app.db));
    });
    app.addHook("onClose", async () => {
      await stop();
    });
  },
  { name: "changes", dependencies: ["database"] },
);
