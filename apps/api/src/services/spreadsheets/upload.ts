import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../errors.js";
import { type FileKind, fileKindOf } from "./grid.js";

/** The one uploaded file of a multipart request, checked to really be .xlsx or .csv. */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ kind: FileKind; bytes: Buffer; filename: string }> {
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
  return { kind, bytes, filename: file.filename };
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
