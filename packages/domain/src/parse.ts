/**
 * Reads a figure as people type it in a spreadsheet: "1,234", "１２３４", " 56.5 ". Blank means
 * "not reported" (null); anything that is not a plain number is refused (NaN).
 */
export function parseFigure(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") return Number.isFinite(input) ? input : Number.NaN;
  const text = input
    .trim()
    // Full-width digits, point and minus, as typed with a Chinese input method.
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, "");
  if (text === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}
