import { hostname } from "node:os";
import { DELIVERY_CHANNEL, type DeliveryAttachment } from "@jindu/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { bulletinOf } from "../../services/bulletin.js";
import { closeTransports } from "../../services/delivery/senders.js";
import { DeliveryWorker, type DeliveryWorkerOptions } from "../../services/delivery/worker.js";
import { JOBS, Scheduler } from "../../services/jobs/index.js";
import { bulletinWorkbook } from "../../services/spreadsheets/bulletin.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The delivery worker and the scheduler when this process runs them (null otherwise). */
    background: { deliveries: DeliveryWorker; scheduler: Scheduler } | null;
    /** The app's address as its users reach it, when configured. */
    publicUrl: string | null;
  }
}

export interface BackgroundOptions {
  /** The app's address as its users reach it: links in e-mail and robot messages. */
  publicUrl: string;
  /** The time the scheduler goes by (tests inject one). */
  clock?: () => Date;
  /** Scheduler tick (default a minute) and delivery poll (default 5 s). */
  tickMs?: number;
  pollMs?: number;
  retry?: DeliveryWorkerOptions["retry"];
  /** Start neither on ready: the caller ticks and drains them itself (tests). */
  manual?: boolean;
}

/** The bulletin .xlsx a pushed mail carries, made from the same numbers as the screen. */
async function attachBulletin(app: FastifyInstance, a: DeliveryAttachment) {
  const bulletin = await bulletinOf(app.database.db, {
    region: a.region,
    year: a.year,
    month: a.month,
  });
  return {
    filename: `通报-${bulletin.region.nameZh}-${a.year}年${a.month}月.xlsx`,
    content: Buffer.from(await bulletinWorkbook(bulletin, "zh")),
  };
}

/**
 * Background work of every API process: the delivery worker (woken by the NOTIFY of each new
 * delivery, from any process) and the scheduler of daily jobs. Both coordinate through the
 * database, so any number of processes may run them. Off unless asked for (tests build apps
 * without them); src/server.ts turns them on.
 */
export default fp(
  async function background(app: FastifyInstance, opts: { options?: BackgroundOptions }) {
    const options = opts.options;
    app.decorate("publicUrl", options?.publicUrl ?? null);
    if (!options) {
      app.decorate("background", null);
      return;
    }
    const db = app.database.db;
    const deliveries = new DeliveryWorker({
      db,
      publicUrl: options.publicUrl,
      attach: (a) => attachBulletin(app, a),
      retry: options.retry,
      pollMs: options.pollMs,
      log: app.log,
    });
    const scheduler = new Scheduler({
      db,
      jobs: JOBS,
      clock: options.clock,
      tickMs: options.tickMs,
      runBy: `${hostname()}:${process.pid}`,
      log: app.log,
    });
    app.decorate("background", { deliveries, scheduler });
    let unlisten: (() => Promise<void>) | null = null;
    app.addHook("onReady", async () => {
      unlisten = await app.database.listen(DELIVERY_CHANNEL, () => deliveries.wake(), {
        onRestored: () => deliveries.wake(),
      });
      if (options.manual) return;
      deliveries.start();
      scheduler.start();
    });
    app.addHook("onClose", async () => {
      await scheduler.stop();
      await deliveries.stop();
      await unlisten?.();
      closeTransports();
    });
  },
  { name: "background" },
);
