/**
 * The bare Fastify hello-world the bench compares the API with, in a worker thread of the bench
 * process, so that the load generator in the main thread does not share its event loop. (The API
 * itself runs as its own process, the built server: bench/src/bench.ts.)
 */
import { parentPort } from "node:worker_threads";
import Fastify from "fastify";

const hello = Fastify({ logger: false });
hello.get("/", async () => ({ hello: "world" }));
await hello.listen({ port: 0, host: "127.0.0.1" });

parentPort?.on("message", async (message) => {
  if (message === "close") {
    await hello.close();
    parentPort?.postMessage("closed");
  }
});
const address = hello.server.address();
parentPort?.postMessage({ helloPort: typeof address === "object" && address ? address.port : 0 });
