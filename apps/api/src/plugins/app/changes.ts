import {
  announcement,
  bumpDataVersion,
  CATALOGUE_CHANGED,
  CHANGES_CHANNEL,
  currentDataVersion,
  heardAnnouncement,
} from "@jindu/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { VersionFrontier } from "./version-frontier.js";

declare module "fastify" {
  interface FastifyInstance {
    changes: Changes;
  }
}

export interface Changes {
  /**
   * The data version as this process has heard it (VersionFrontier: "41", or "41~2" with two
   * changes heard out of order), or null when it is not listening (then ask the database).
   * Every change, in this process or another, makes it another.
   */
  version(): string | null;
  /** Runs `forget` after every change anywhere, so that caches drop what it may have made stale. */
  onChange(forget: () => void): void;
  /**
   * Runs `forget` after every change anywhere with the places whose own figures it changed, when
   * it named them: regions, or months of regions (`330100@2026-03`, a month's save, submit or
   * approval; see `placeOf`), else null: any region.
   * Every other kind of change (the catalogue, accounts, a lost connection) is null too.
   */
  onRegionChange(forget: (regions: readonly string[] | null) => void): void;
  /**
   * Runs `forget` after every change anywhere that may have touched accounts or sessions: all
   * but those announced as data only (a month's figures, targets…). A bureau's save at month end
   * then does not make every signed-in request read its session again.
   */
  onAccountChange(forget: () => void): void;
  /** Counts the account changes heard: what was read while it moved may be stale. */
  accountChanges(): number;
  /**
   * Runs `forget` after every change that may have touched the catalogue (indicators, task
   * lists, targets, settings, regions, profiles): every change not announced as data only, and
   * every catalogue change the database announces itself (migrations 0023 and 0024: whoever made
   * it, with a data version of its own after the signal).
   */
  onCatalogueChange(forget: () => void): void;
  /** Counts the catalogue changes heard: what was read while it moved may be stale. */
  catalogueChanges(): number;
  /** Records a successful change made here: a new data version, announced to every process. */
  bump(): Promise<void>;
  /** Notes the version a change of this process took in its transaction, once committed. */
  committed(version: string, dataOnly?: boolean, regions?: readonly string[]): void;
}

/**
 * What lets a process keep things in memory without serving them stale: every change takes a new
 * data version and announces it (PostgreSQL NOTIFY, sent at commit), and every API process
 * listens. Changes commit in any order (VersionFrontier): every announcement heard gives a new
 * current version, so what was computed or tagged before it is never served after it. A process
 * that loses its listening connection stops trusting memory (version() is null, every cache is
 * emptied and bypassed) while the connection is reconnected with backoff; once listening again
 * it reads the current version and trusts memory again.
 */
export default fp(
  async function changes(app: FastifyInstance) {
    let frontier: VersionFrontier | null = null;
    /** Trusting memory: listening, with a version to start from. */
    let listening = false;
    /** The listening connection is up, though the version may not be known yet. */
    let connected = false;
    let gapTimer: NodeJS.Timeout | undefined;
    const listeners: (() => void)[] = [];
    const regionListeners: ((regions: readonly string[] | null) => void)[] = [];
    const accountListeners: (() => void)[] = [];
    let accountChanges = 0;
    const catalogueListeners: (() => void)[] = [];
    let catalogueChanges = 0;
    const forgetCatalogue = () => {
      catalogueChanges++;
      for (const forget of catalogueListeners) forget();
      for (const forget of regionListeners) forget(null);
    };
    const forgetAccounts = () => {
      accountChanges++;
      for (const forget of accountListeners) forget();
      forgetCatalogue();
    };
    const forgetData = (regions: readonly string[] | null = null) => {
      for (const forget of listeners) forget();
      for (const forget of regionListeners) forget(regions);
    };
    const forgetAll = () => {
      forgetAccounts();
      forgetData();
    };
    // A version taken by a change that then rolled back never comes: the gap is closed after a
    // wait, and caches start again under the new version.
    const watchGap = () => {
      const since = frontier?.openGapSince();
      if (since === null || since === undefined || gapTimer) return;
      const wait = Math.max(0, since + (frontier as VersionFrontier).gapMs - Date.now());
      gapTimer = setTimeout(() => {
        gapTimer = undefined;
        if (frontier?.closeOldGap(Date.now())) forgetData();
        watchGap();
      }, wait);
      gapTimer.unref();
    };
    const start = (version: bigint) => {
      if (frontier) frontier.restart(version);
      else frontier = new VersionFrontier(version);
      listening = true;
    };
    const heard = (payload: string) => {
      // Not a version: the catalogue kept in memory is dropped. The database's trigger then
      // announces a version (not data only) in the same delivery, which empties the rest.
      if (payload === CATALOGUE_CHANGED) return forgetCatalogue();
      const said = heardAnnouncement(payload);
      if (said === null) return;
      // Whatever its number, a change that may have touched accounts empties what depends on them.
      if (!said.dataOnly) forgetAccounts();
      if (!listening) {
        // Listening again without a version read: this announcement brings one.
        if (connected) start(said.version);
        return forgetData();
      }
      if (!(frontier as VersionFrontier).heard(said.version, Date.now())) return;
      forgetData(said.regions);
      watchGap();
    };
    let stop = async () => {};

    app.decorate("changes", {
      version: () => (listening && frontier ? frontier.current() : null),
      onChange: (forget: () => void) => listeners.push(forget),
      onRegionChange: (forget: (regions: readonly string[] | null) => void) =>
        regionListeners.push(forget),
      onAccountChange: (forget: () => void) => accountListeners.push(forget),
      accountChanges: () => accountChanges,
      onCatalogueChange: (forget: () => void) => catalogueListeners.push(forget),
      catalogueChanges: () => catalogueChanges,
      bump: async () => heard(await bumpDataVersion(app.db)),
      committed: (committed: string, dataOnly = false, regions?: readonly string[]) =>
        heard(announcement(committed, { dataOnly, regions })),
    } satisfies Changes);

    const lost = (error: Error) => {
      app.log.error({ err: error }, "lost the change notifications; caches are off until back");
      listening = false;
      connected = false;
      forgetAll();
    };
    const restored = async () => {
      try {
        // Listening again: whatever changed meanwhile is in the database's version.
        connected = true;
        const current = BigInt(await currentDataVersion(app.db));
        forgetAll();
        start(current);
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
      connected = true;
      // Read after listening starts, so that no change falls between the two.
      start(BigInt(await currentDataVersion(app.db)));
    });
    app.addHook("onClose", async () => {
      clearTimeout(gapTimer);
      await stop();
    });
  },
  { name: "changes", dependencies: ["database"] },
);
