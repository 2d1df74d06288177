import type { LineDraft } from "../components/entry-line";

/**
 * Figures typed and not yet saved, kept in this browser per user, region and month: a session
 * that ends (idle, signed in elsewhere) or a connection that drops loses nothing typed. Cleared
 * once the month is saved; a week-old copy is dropped rather than offered.
 */
const PREFIX = "jindu.entry.unsaved";
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface MonthOf {
  userId: number;
  region: string;
  year: number;
  month: number;
}

interface Stored {
  savedAt: number;
  lines: Record<string, LineDraft>;
}

const keyOf = (m: MonthOf) => `${PREFIX}:${m.userId}:${m.region}:${m.year}-${m.month}`;

const isLine = (value: unknown): value is LineDraft => {
  const line = value as LineDraft | null;
  const numberOrNull = (v: unknown) => v === null || typeof v === "number";
  return (
    typeof line === "object" &&
    line !== null &&
    numberOrNull(line.value) &&
    numberOrNull(line.numerator) &&
    numberOrNull(line.denominator) &&
    typeof line.explanation === "string"
  );
};

export function readUnsaved(m: MonthOf, now = Date.now()): Record<string, LineDraft> {
  try {
    const raw = localStorage.getItem(keyOf(m));
    if (!raw) return {};
    const stored = JSON.parse(raw) as Stored;
    if (!(now - stored.savedAt < MAX_AGE_MS)) {
      localStorage.removeItem(keyOf(m));
      return {};
    }
    return Object.fromEntries(Object.entries(stored.lines ?? {}).filter(([, d]) => isLine(d)));
  } catch {
    return {};
  }
}

export function writeUnsaved(m: MonthOf, lines: Record<string, LineDraft>) {
  try {
    if (Object.keys(lines).length === 0) localStorage.removeItem(keyOf(m));
    else localStorage.setItem(keyOf(m), JSON.stringify({ savedAt: Date.now(), lines }));
  } catch {
    // A full or disabled storage only costs the safety copy; the form itself works on.
  }
}

export const clearUnsaved = (m: MonthOf) => writeUnsaved(m, {});
