import { claimRun, type Database, finishRun, releaseRun } from "@jindu/db";
import { dailySlot } from "@jindu/domain";

/** What a job is given: the database, the clock's time and the slot it runs for. */
export interface JobContext {
  db: Database;
  now: Date;
  slot: string;
}

/** A daily job: due at `hour` o'clock Beijing time; returns a line for the run's record. */
export interface Job {
  name: string;
  hour: number;
  run(ctx: JobContext): Promise<string>;
}

export interface SchedulerOptions {
  db: Database;
  jobs: readonly Job[];
  /** The time; injected by tests. */
  clock?: () => Date;
  /** How often to look for due runs (default one minute). */
  tickMs?: number;
  /** Names this process in the runs it claims (host and pid). */
  runBy: string;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export interface RunReport {
  job: string;
  slot: string;
  ran: boolean;
  outcome?: string;
}

/**
 * Runs daily jobs on the database's terms, not one process's timers: at every tick each job's
 * latest due slot (today's once its hour has come, else yesterday's) is claimed by inserting its
 * row in scheduled_runs, which exactly one process manages however many tick at once. A process
 * that was down for days finds one slot due, so missed days are caught up once. A run that fails
 * gives its claim back to be tried at the next tick; what it already did is not repeated, since
 * every notification it writes is keyed by its event.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<RunReport[]> | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  start() {
    const loop = async () => {
      await this.tick();
      this.timer = setTimeout(loop, this.options.tickMs ?? 60_000);
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  /** One look at every job: runs what is due and unclaimed. */
  tick(): Promise<RunReport[]> {
    if (this.current) return this.current;
    this.current = this.runDue().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async runDue(): Promise<RunReport[]> {
    const { db, jobs, log } = this.options;
    const now = (this.options.clock ?? (() => new Date()))();
    const reports: RunReport[] = [];
    for (const job of jobs) {
      const slot = dailySlot(now, job.hour);
      try {
        if (!(await claimRun(db, job.name, slot, this.options.runBy))) {
          reports.push({ job: job.name, slot, ran: false });
          continue;
        }
      } catch (error) {
        log?.warn({ err: error, job: job.name }, "could not claim a scheduled run");
        continue;
      }
      try {
        const outcome = await job.run({ db, now, slot });
        await finishRun(db, job.name, slot, outcome);
        log?.info({ job: job.name, slot, outcome }, "scheduled run done");
        reports.push({ job: job.name, slot, ran: true, outcome });
      } catch (error) {
        log?.warn({ err: error, job: job.name, slot }, "scheduled run failed; retried next tick");
        await releaseRun(db, job.name, slot).catch(() => undefined);
        reports.push({ job: job.name, slot, ran: false, outcome: (error as Error).message });
      }
    }
    return reports;
  }
}
