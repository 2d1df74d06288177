import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Piscina } from "piscina";
import { ApiError } from "../../errors.js";
import type { FileKind, Grid } from "../../services/spreadsheets/grid.js";
import type { GridAnswer, GridTask } from "../../services/spreadsheets/grid-task.js";
import type { GridLimits } from "../../services/spreadsheets/sheet-limits.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Reads an uploaded sheet on a worker thread, within the limits of its template. */
    readSheet(upload: { kind: FileKind; bytes: Buffer }, limits: GridLimits): Promise<Grid>;
  }
}

/**
 * The module each worker thread loads. From the sources (tsx, Vitest) a shim that loads the
 * TypeScript reader through tsx; in the built server (apps/api/build.ts) this module is part of
 * dist/server.js and the reader is bundled beside it.
 */
const workerFile = import.meta.url.endsWith(".ts")
  ? new URL("../../services/spreadsheets/grid-worker.mjs", import.meta.url).href
  : new URL("./grid-worker.js", import.meta.url).href;

/** A sheet within its template's limits reads in well under a second; this is the backstop. */
export const READ_DEADLINE_MS = 10_000;

const tooLarge = (message: string) =>
  new ApiError(413, message, { field: "file", rule: "sheet_too_large" });

/**
 * Spreadsheets are read on worker threads (piscina), never on the thread that answers requests:
 * however a file is built, other requests and /healthz keep being answered, and a read that
 * outlasts the deadline is stopped by ending its worker.
 */
export default fp(
  async function spreadsheetReader(app: FastifyInstance) {
    // Made at the first upload, or when the server starts listening so that the first upload
    // does not wait for a thread to start; tests that never upload start no thread.
    let pool: Piscina<GridTask, GridAnswer> | undefined;
    const readers = () => {
      pool ??= new Piscina<GridTask, GridAnswer>({
        filename: workerFile,
        minThreads: 1,
        maxThreads: 2,
        idleTimeout: 60_000,
        maxQueue: 16,
        atomics: "disabled",
        // A file that would take the memory of the whole server ends its own worker instead.
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      return pool;
    };

    async function readSheet(upload: { kind: FileKind; bytes: Buffer }, limits: GridLimits) {
      // A copy of its own, moved to the worker rather than cloned.
      const bytes = new Uint8Array(upload.bytes);
      let answer: GridAnswer;
      try {
        answer = await readers().run(
          { kind: upload.kind, bytes, limits },
          { signal: AbortSignal.timeout(READ_DEADLINE_MS), transferList: [bytes.buffer] },
        );
      } catch (error) {
        const text = error instanceof Error ? `${error.name} ${error.message}` : "";
        if (/AbortError|aborted/i.test(text)) {
          throw tooLarge(
            `the file took longer than ${READ_DEADLINE_MS / 1000} s to read; send the template's rows and columns only`,
          );
        }
        if (/queue is at limit/i.test(text)) {
          throw new ApiError(503, "too many files are being read right now; try again shortly");
        }
        if (/out of memory|memory limit/i.test(text)) {
          throw tooLarge("the file needs more memory to read than a filled template ever does");
        }
        throw error;
      }
      if ("refused" in answer) {
        if (answer.statusCode === 413) throw tooLarge(answer.refused);
        throw new ApiError(answer.statusCode, answer.refused, { field: "file" });
      }
      return answer.grid;
    }

    app.decorate("readSheet", readSheet);
    app.addHook("onListen", async () => {
      readers();
    });
    app.addHook("onClose", async () => {
      await pool?.destroy();
    });
  },
  { name: "spreadsheet-reader" },
);
