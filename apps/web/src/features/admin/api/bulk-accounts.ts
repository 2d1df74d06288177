import type { AccountImportErrors } from "@jindu/api/schemas";
import { type UploadProgress, uploadFile } from "@/features/import/api/upload";

export type { AccountImportErrors };

/** The template is a plain GET with the session cookie: a link downloads it. */
export const ACCOUNTS_TEMPLATE_HREF = "/api/users/import/template";

/** What an upload comes back with: the passwords file, or every bad cell (nothing created). */
export type AccountImportAnswer =
  | { ok: true; passwords: Blob; created: number }
  | { ok: false; result: AccountImportErrors };

/**
 * Uploads a filled template. Created: the answer is the .xlsx of one-time passwords, which
 * exists nowhere else. Refused (422): the JSON list of bad cells, read from the blob.
 */
export async function importAccounts(
  file: File,
  options: {
    csrfToken: string | null;
    onProgress?: (progress: UploadProgress) => void;
    onSent?: () => void;
    signal?: AbortSignal;
  },
): Promise<AccountImportAnswer> {
  let status = 0;
  let created = 0;
  const blob = await uploadFile<Blob>({
    path: "/users/import",
    query: {},
    file,
    csrfToken: options.csrfToken,
    responseType: "blob",
    answers: [422],
    onAnswer: (answered, header) => {
      status = answered;
      created = Number(header("x-accounts-created") ?? 0);
    },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onSent ? { onSent: options.onSent } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (status === 422) {
    return { ok: false, result: JSON.parse(await blob.text()) as AccountImportErrors };
  }
  return { ok: true, passwords: blob, created };
}
