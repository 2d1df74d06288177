/**
 * The data version as a process has heard it, when changes may commit out of the order they took
 * their versions in. Changes take versions from a sequence without waiting for each other (a
 * lock held to commit made every change at month end wait for the one before it, its round trip
 * and its disk flush included), so version 11 may be announced before 10.
 *
 * What stays true: every announcement heard changes `current()`, so an answer (or ETag) made
 * before an announcement is never served or confirmed after it; and the frontier (every version
 * up to it heard) only advances. Versions above the frontier heard out of order are counted in
 * the string (`"41~2"`: two heard beyond 41); a gap that stays open longer than `gapMs` (a change
 * that took its version and then rolled back) is closed by giving up on it; if that version is
 * heard after all, it counts as a late announcement (`".1"`), again a new current().
 */
export class VersionFrontier {
  private frontier: bigint;
  private readonly above = new Set<bigint>();
  /** Versions heard lately, so that the same announcement heard twice changes nothing. */
  private readonly recent = new Set<bigint>();
  private late = 0;
  private gapSince: number | null = null;
  /** current(), kept: every request asks for it, it changes only with an announcement. */
  private text: string | null = null;

  constructor(
    start: bigint,
    readonly gapMs = 2_000,
    private readonly remember = 4_096,
  ) {
    this.frontier = start;
  }

  /** The version answers are computed, cached and tagged under. */
  current(): string {
    if (this.text === null) {
      const beyond = this.above.size > 0 ? `~${this.above.size}` : "";
      const late = this.late > 0 ? `.${this.late}` : "";
      this.text = `${this.frontier}${beyond}${late}`;
    }
    return this.text;
  }

  /** Whether a gap below versions heard out of order is waiting to be closed, since when. */
  openGapSince(): number | null {
    return this.gapSince;
  }

  /** Notes an announcement; true when it was news (current() changed), false for a repeat. */
  heard(version: bigint, now: number): boolean {
    if (this.recent.has(version)) return false;
    this.note(version);
    this.text = null;
    if (version <= this.frontier) {
      // Below the frontier and not heard before: a change given up on (or older than this
      // process's start) that committed after all.
      this.late++;
      return true;
    }
    this.above.add(version);
    this.advance(now);
    return true;
  }

  /** Closes a gap open for longer than gapMs; true when current() changed. */
  closeOldGap(now: number): boolean {
    if (this.gapSince === null || now - this.gapSince < this.gapMs) return false;
    this.text = null;
    // biome-ignore lint/complexity/useMathMinMax: Math.min takes no bigint
    this.frontier = [...this.above].reduce((a, b) => (b < a ? b : a)) - 1n;
    this.advance(now);
    return true;
  }

  /** Starts again from the database's version (listening again after a loss). */
  restart(version: bigint): void {
    this.text = null;
    if (version > this.frontier) this.frontier = version;
    for (const v of this.above) if (v > this.frontier) this.frontier = v;
    this.above.clear();
    this.gapSince = null;
    // What was heard before the loss may not be all that happened: a new current() regardless.
    this.late++;
  }

  private advance(now: number): void {
    const from = this.frontier;
    while (this.above.delete(this.frontier + 1n)) this.frontier++;
    // A gap that moved is a new gap: it gets its own wait.
    if (this.above.size === 0) this.gapSince = null;
    else if (this.frontier !== from || this.gapSince === null) this.gapSince = now;
  }

  private note(version: bigint): void {
    this.recent.add(version);
    if (this.recent.size > this.remember) {
      const oldest = this.recent.values().next().value as bigint;
      this.recent.delete(oldest);
    }
  }
}
