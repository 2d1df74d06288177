/**
 * The servers under test, in a worker thread of the bench process: the Jindu API (buildApp over
 * the bench database) and a bare Fastify hello-world, each on a free port. A thread of its own
 * keeps the load generator in the main thread from sharing the servers' event loop.
 */
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@jindu/db";
import Fastify from "fastify";
import { buildApp } from "../../apps/api/src/app.js";

const { url, webRoot } = workerData as { url: string; webRoot?: string };
const database = await openDatabase({ url });
// Every bureau signs in from this one address before the burst: the per-address sign-in limit
// (20 a minute by default) would otherwise refuse all but the first few.
const app = await buildApp({ database, webRoot, loginsPerMinute: 1_000_000 });
// As server.ts: a deep accept queue for the month-end burst.
await app.listen({ port: 0, host: "127.0.0.1", backlog: 4096 });

const hello = Fastify({ logger: false });
hello.get("/", async () => ({ hello: "world" }));
await hello.listen({ port: 0, host: "127.0.0.1" });

const portOf = (s: typeof hello) => {
  const address = s.server.address();
  return typeof address === "object" && address ? address.port : 0;
};
parentPort?.on("message", async (message) => {
  if (message === "memory") {
    // rss is the whole process's (this worker, the bench's load generator and its data); the
    // heap is this worker's own, the API's.
    const { rss } = process.memoryUsage();
    const { used_heap_size, external_memory } = getHeapStatistics();
    parentPort?.postMessage({ rss, heap: used_heap_size, external: external_memory });
  }
  if (message === "close") {
    await app.close();
    await hello.close();
    await database.close();
    parentPort?.postMessage("closed");
  }
});
parentPort?.postMessage({
  apiPort: portOf(app as unknown as typeof hello),
  helloPort: portOf(hello),
});
