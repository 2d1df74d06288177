import { eq } from "drizzle-orm";
import type { Database } from "../client.js";
import { idempotencyKeys } from "../schema.js";

export async function storedResponse(db: Database, key: string) {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return row ?? null;
}

/**
 * Keeps a response under its key; the first one stored wins if two arrive at once. Whether this
 * one was kept (false: the key already had an answer).
 */
export async function storeResponse(
  db: Database,
  entry: { key: string; scope: string; statusCode: number; response: unknown },
): Promise<boolean> {
  const kept = await db
    .insert(idempotencyKeys)
    .values(entry)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return kept.length > 0;
}
