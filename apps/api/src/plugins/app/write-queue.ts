/**
 * Changes wait their turn here, not in the connection pool: at month end thousands of saves
 * arrive in the same second, and a pool's queue gives up after its connection timeout (meant
 * for a database that is gone) and answers them 503. Here they wait in order, as many run at
 * once as leave connections for the reads, and only an absurd backlog is refused.
 * A FIFO semaphore of a few lines: nothing a dependency would add.
 */
export class WriteQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  /** Whether one more change may wait for its turn. */
  get full(): boolean {
    return this.waiting.length >= this.maxWaiting;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (running stays the same), else frees up.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
