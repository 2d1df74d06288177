import type { ImportResult } from "@jindu/api/schemas";
import { apiErrorOf, NetworkError } from "@/lib/api-client";

export type { ImportResult };
export type ImportAction = "draft" | "submitted" | "approved";

export interface ImportTarget {
  parent: string;
  year: number;
  month: number;
}

/** Upload progress: bytes sent so far of the whole request. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

interface UploadOptions {
  path: string;
  query: Record<string, string | number | boolean | undefined>;
  file: File;
  csrfToken: string | null;
  responseType: "json" | "blob";
  onProgress?: (progress: UploadProgress) => void;
  /** Called once the request is sent in full and the server is working on it. */
  onSent?: () => void;
  signal?: AbortSignal;
  /** Statuses whose body is an answer to show, not an error (the import's 422 lists the errors). */
  answers?: number[];
  /** Called with the answer's status and headers before it resolves (a count it carries, say). */
  onAnswer?: (status: number, header: (name: string) => string | null) => void;
}

/**
 * POSTs one file as multipart/form-data with XMLHttpRequest, whose upload events (unlike fetch's)
 * report progress. Same conventions as the fetch client: session cookie, CSRF header, the API's
 * one error shape.
 */
export function uploadFile<T>({
  path,
  query,
  file,
  csrfToken,
  responseType,
  onProgress,
  onSent,
  signal,
  answers = [],
  onAnswer,
}: UploadOptions): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const body = new FormData();
  body.append("file", file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api${path}?${params}`);
    xhr.withCredentials = true;
    xhr.responseType = responseType;
    xhr.setRequestHeader("accept", responseType === "json" ? "application/json" : "*/*");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    });
    xhr.upload.addEventListener("load", () => onSent?.());
    xhr.addEventListener("load", async () => {
      if ((xhr.status >= 200 && xhr.status < 300) || answers.includes(xhr.status)) {
        onAnswer?.(xhr.status, (name) => xhr.getResponseHeader(name));
        resolve(xhr.response as T);
        return;
      }
      const error = await errorBody(xhr);
      reject(
        apiErrorOf(
          xhr.status,
          xhr.statusText,
          error,
          xhr.getResponseHeader("retry-after") ?? undefined,
        ),
      );
    });
    xhr.addEventListener("error", () => reject(new NetworkError("upload failed")));
    xhr.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(body);
  });
}

type ErrorBody = { message?: string; rule?: string; field?: string } | null;

async function errorBody(xhr: XMLHttpRequest): Promise<ErrorBody> {
  try {
    if (xhr.response instanceof Blob) return JSON.parse(await xhr.response.text()) as ErrorBody;
    return xhr.response as ErrorBody;
  } catch {
    return null;
  }
}

/** Checks (dryRun) or imports a file; 422 answers with every bad row and cell. */
export const importFile = (
  target: ImportTarget,
  file: File,
  options: {
    dryRun: boolean;
    action: ImportAction;
    csrfToken: string | null;
    onProgress?: (progress: UploadProgress) => void;
    onSent?: () => void;
    signal?: AbortSignal;
  },
) =>
  uploadFile<ImportResult>({
    path: "/import",
    query: { ...target, action: options.action, dryRun: options.dryRun },
    file,
    csrfToken: options.csrfToken,
    responseType: "json",
    answers: [422],
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onSent ? { onSent: options.onSent } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });

/** The uploaded file back with every bad cell marked, saved under the name the API gives. */
export async function downloadAnnotated(
  target: ImportTarget,
  file: File,
  action: ImportAction,
  csrfToken: string | null,
) {
  const blob = await uploadFile<Blob>({
    path: "/import/annotated",
    query: { ...target, action },
    file,
    csrfToken,
    responseType: "blob",
  });
  saveBlob(blob, `${file.name.replace(/\.(xlsx|csv)$/i, "")}-标注.xlsx`);
}

export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The template is a plain GET with the session cookie: a link downloads it. */
export const templateHref = (target: ImportTarget) =>
  `/api/import/template?${new URLSearchParams({
    parent: target.parent,
    year: String(target.year),
    month: String(target.month),
  })}`;
