import type { Database } from "@jindu/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../errors.js";
import { type FileKind, fileKindOf, type Grid } from "./grid.js";
import type { GridLimits } from "./sheet-limits.js";

export interface Upload {
  kind: FileKind;
  bytes: Buffer;
  filename: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The upload, once read (an Idempotency-Key's check reads it before the route does). */
    upload?: Upload;
    /** The uploaded file and its sheet, read by `readSheetFirst`. */
    sheet?: { upload: Upload; grid: Grid };
  }
}

/** The one uploaded file of a multipart request, checked to really be .xlsx or .csv. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (request.upload) return request.upload;
  if (!request.isMultipart()) {
    throw new ApiError(415, "send the file as multipart/form-data in a field named file");
  }
  const file = await request.file();
  if (!file) throw new ApiError(400, "no file in the upload", { field: "file" });
  const bytes = await file.toBuffer();
  if (file.file.truncated) throw new ApiError(413, "the file is larger than 20 MB");
  const kind = fileKindOf(file.filename, bytes);
  if (!kind) {
    throw new ApiError(415, `${file.filename} is not an .xlsx workbook or a .csv file`, {
      field: "file",
    });
  }
  request.upload = { kind, bytes, filename: file.filename };
  return request.upload;
}

/**
 * A route's preHandler that reads the upload and its sheet (within the limits of the template of
 * the `parent` region in the query) before the route's transaction opens (transaction.ts): an
 * upload slow to arrive or to read must never hold the database; the embedded one has one
 * connection, and every other request would wait for it.
 */
export const readSheetFirst =
  (limitsOf: (db: Database, parent: string) => Promise<GridLimits>) =>
  async (request: FastifyRequest) => {
    const upload = await readUpload(request);
    const { parent } = request.query as { parent: string };
    const limits = await limitsOf(request.server.db, parent);
    request.sheet = { upload, grid: await request.server.readSheet(upload, limits) };
  };

/** What `readSheetFirst` read. */
export function uploadedSheet(request: FastifyRequest): { upload: Upload; grid: Grid } {
  if (!request.sheet) throw new Error(`${request.routeOptions.url} reads no sheet first`);
  return request.sheet;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Sends a workbook as a download; the name may be Chinese (RFC 5987). */
export function sendWorkbook(reply: FastifyReply, filename: string, bytes: Buffer) {
  return reply
    .type(XLSX)
    .header(
      "content-disposition",
      `attachment; filename="jindu.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(bytes);
}
