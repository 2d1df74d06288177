const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "#@%+=!";

/**
 * A temporary password the policy accepts (12 characters, all four kinds), without look-alike
 * characters so that it can be read out over the phone. Made in the browser so that it never
 * travels back from the API, nor lands in the audit log.
 */
export function temporaryPassword(length = 12): string {
  const random = new Uint32Array(length);
  crypto.getRandomValues(random);
  const sets = [UPPER, LOWER, DIGITS, SYMBOLS];
  const all = sets.join("");
  const chars = Array.from(random, (n, i) => {
    const set = sets[i] ?? all;
    return set[n % set.length] as string;
  });
  // The first four are one of each kind; shuffle them into the rest.
  const order = new Uint32Array(length);
  crypto.getRandomValues(order);
  for (let i = length - 1; i > 0; i--) {
    const j = (order[i] as number) % (i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join("");
}
