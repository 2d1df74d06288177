import {
  claimDueDeliveries,
  type Database,
  type DeliveryAttachment,
  type DueDelivery,
  recordDelivery,
} from "@jindu/db";
import { retryDelay } from "@jindu/domain";
import { send } from "./senders.js";

export interface DeliveryWorkerOptions {
  db: Database;
  /** The app's address as its users reach it, to make links absolute. */
  publicUrl: string;
  /** Makes an attachment's bytes (the bulletin .xlsx) when its mail is sent. */
  attach?: (a: DeliveryAttachment) => Promise<{ filename: string; content: Buffer }>;
  /** How retries are spaced (tests shorten them). */
  retry?: { firstDelayMs?: number; maxDelayMs?: number; attempts?: number };
  /** Looks for due deliveries at least this often even without a wake-up (default 5 s). */
  pollMs?: number;
  batch?: number;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Sends what `notify()` queued, in the background of every API process: claims due deliveries
 * (SKIP LOCKED, so processes share the work without sending anything twice), sends them, and
 * records each result, retrying failures with a doubling delay until given up. Woken at once by
 * the NOTIFY of a new delivery; polls as well, for retries and for what was missed. A lost
 * database only delays it: the loop logs and tries again at the next poll.
 */
export class DeliveryWorker {
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private again = false;

  constructor(private readonly options: DeliveryWorkerOptions) {}

  start() {
    this.running = true;
    this.wake();
  }

  /** Runs a pass now (or right after the one under way). */
  wake() {
    if (!this.running) return;
    if (this.current) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.current = this.drain().finally(() => {
      this.current = null;
      if (!this.running) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.timer = setTimeout(() => this.wake(), this.options.pollMs ?? 5_000);
      }
    });
  }

  async stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /** Sends batches until none is due; resolves to how many were attempted. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const due = await claimDueDeliveries(this.options.db, this.options.batch ?? 10, 120_000);
        if (due.length === 0) return total;
        await Promise.all(due.map((d) => this.deliver(d)));
        total += due.length;
      }
    } catch (error) {
      this.options.log?.warn({ err: error }, "delivery pass failed; trying again later");
      return total;
    }
  }

  private async deliver(d: DueDelivery) {
    const url = new URL(d.message.link, this.options.publicUrl).toString();
    let result: { ok: boolean; status: number | null; error?: string };
    try {
      const attachment =
        d.attachment && this.options.attach ? await this.options.attach(d.attachment) : null;
      result = await send({
        channel: d.channel,
        recipient: d.recipient,
        eventKey: d.eventKey,
        message: d.message,
        url,
        attachment,
      });
    } catch (error) {
      result = { ok: false, status: null, error: (error as Error).message };
    }
    const attempt = d.attempts + 1;
    if (result.ok) {
      await recordDelivery(this.options.db, d.id, { sent: true, responseStatus: result.status });
      return;
    }
    const delay = retryDelay(attempt, this.options.retry);
    await recordDelivery(this.options.db, d.id, {
      sent: false,
      error: result.error ?? "failed",
      responseStatus: result.status,
      retryAt: delay === null ? null : new Date(Date.now() + delay),
    });
    this.options.log?.warn(
      { delivery: d.id, channel: d.channel.name, attempt, error: result.error },
      delay === null ? "delivery given up" : "delivery failed; will retry",
    );
  }
}
