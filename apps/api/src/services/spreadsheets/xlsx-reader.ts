import { posix } from "node:path";
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import type { Grid } from "./grid.js";
import { type GridLimits, SheetRefused } from "./sheet-limits.js";

/*
 * The first sheet of an .xlsx, read in one pass and never further than the caller's limits:
 * the zip's central directory is checked before anything is inflated (yauzl also stops an entry
 * that inflates to more than it declared), only the four parts needed are inflated, and a cell
 * with a value beyond the limits ends the reading at once. The file's <dimension> is ignored.
 */

/** Bytes of sheet XML allowed per cell the limits allow (a cell with a formula and a style). */
const XML_BYTES_PER_CELL = 256;
/** Bytes of shared strings allowed per cell (an explanation may be a paragraph of Chinese). */
const TEXT_BYTES_PER_CELL = 1024;
const BASE_BYTES = 1024 * 1024;
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Too large for the template: 413. */
function refuse(message: string): never {
  throw new SheetRefused(message, 413);
}

/** Not a readable workbook: 400. */
function damaged(message: string): never {
  throw new SheetRefused(message, 400);
}

function partBudget(limits: GridLimits, perCell: number) {
  return Math.min(MAX_PART_BYTES, BASE_BYTES + limits.rows * limits.columns * perCell);
}

async function openZip(bytes: Buffer) {
  try {
    return await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return damaged("the file is not a readable .xlsx workbook (its zip directory is damaged)");
  }
}

/** The zip's entries by name, from its central directory; nothing inflated yet. */
async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entries.size >= MAX_ENTRIES) {
        reject(new SheetRefused(`the workbook has more than ${MAX_ENTRIES} parts`, 413));
        return;
      }
      entries.set(entry.fileName.replace(/^\//, ""), entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", () => reject(new SheetRefused("the .xlsx workbook is damaged", 400)));
    zip.readEntry();
  });
  return entries;
}

/** Streams one part through a SAX parser, refusing it if it declares more bytes than allowed. */
async function parsePart(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  maxBytes: number,
  what: string,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): Promise<void> {
  if (entry.uncompressedSize > maxBytes) {
    refuse(
      `the workbook's ${what} unpacks to ${entry.uncompressedSize} bytes; at most ${maxBytes} are read for this template`,
    );
  }
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error || !s ? reject(error) : resolve(s))),
  ).catch(() => damaged(`the workbook's ${what} cannot be unpacked`));
  const parser = new SaxesParser();
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  stream.setEncoding("utf8");
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown, why = "is not well-formed XML") => {
      stream.destroy();
      reject(
        error instanceof SheetRefused
          ? error
          : new SheetRefused(`the workbook's ${what} ${why}`, 400),
      );
    };
    stream.on("data", (chunk: string) => {
      try {
        parser.write(chunk);
      } catch (error) {
        fail(error);
      }
    });
    stream.on("end", () => {
      try {
        parser.close();
        resolve();
      } catch (error) {
        fail(error);
      }
    });
    // yauzl stops a part that inflates to more than its directory entry declared.
    stream.on("error", (error) => fail(error, "is damaged or unpacks to more than it declares"));
  });
}

/** Where the first sheet lives: package rels → workbook → its rels → the sheet's part name. */
async function firstSheetPath(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>) {
  const relsOf = async (part: string) => {
    const rels = new Map<string, { type: string; target: string }>();
    const entry = entries.get(
      posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`),
    );
    if (!entry) return rels;
    await parsePart(zip, entry, BASE_BYTES, "relationships", {
      open: (tag) => {
        if (local(tag.name) !== "Relationship") return;
        const { Id, Type, Target } = tag.attributes;
        if (!Id || !Target) return;
        // Targets are relative to the part's folder unless they start at the root.
        const target = Target.startsWith("/")
          ? Target.slice(1)
          : posix.normalize(posix.join(posix.dirname(part), Target));
        rels.set(Id, { type: Type ?? "", target });
      },
    });
    return rels;
  };
  const root = [...(await relsOf("")).values()].find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = root?.target ?? "xl/workbook.xml";
  const workbook = entries.get(workbookPath);
  if (!workbook) damaged("the file has no workbook part: is it really an .xlsx workbook?");
  let firstId: string | undefined;
  await parsePart(zip, workbook, BASE_BYTES, "workbook part", {
    open: (tag) => {
      if (firstId === undefined && local(tag.name) === "sheet") {
        firstId = Object.entries(tag.attributes).find(([k]) => local(k) === "id")?.[1];
      }
    },
  });
  const rels = await relsOf(workbookPath);
  const sheet = firstId ? rels.get(firstId) : undefined;
  const shared = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  return { sheet: sheet?.target, sharedStrings: shared?.target };
}

/** The shared strings: each <si>'s text runs, without the phonetic guides (<rPh>) of CJK text. */
async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: GridLimits) {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  await parsePart(zip, entry, partBudget(limits, TEXT_BYTES_PER_CELL), "shared strings", {
    open: (tag) => {
      const name = local(tag.name);
      if (name === "si") current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    close: (name) => {
      if (name === "si") strings.push(current);
      else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text: (text) => {
      if (inText) current += text;
    },
  });
  return strings;
}

/** "XFD20000" → column 16384 (1-based); 0 when the reference has no letters. */
function columnOfRef(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  return col;
}

function cellValue(type: string, text: string, shared: string[]): string | number | null {
  switch (type) {
    case "s":
      return shared[Number(text)] ?? null;
    case "str":
    case "inlineStr":
    case "d":
      return text;
    case "b":
      return text === "1" ? "true" : text === "0" ? "false" : null;
    case "e":
      return null;
    default: {
      if (text.trim() === "") return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
  }
}

/** The first sheet of an .xlsx workbook as a grid, refused past the limits. */
export async function readXlsx(bytes: Buffer, limits: GridLimits): Promise<Grid> {
  const zip = await openZip(bytes);
  try {
    const entries = await listEntries(zip);
    const paths = await firstSheetPath(zip, entries);
    const sheetEntry = paths.sheet ? entries.get(paths.sheet) : undefined;
    if (!sheetEntry) damaged("the workbook has no sheet");
    const sharedEntry = paths.sharedStrings ? entries.get(paths.sharedStrings) : undefined;
    const shared = sharedEntry ? await readSharedStrings(zip, sharedEntry, limits) : [];

    const grid: Grid = [];
    let row = 0;
    let col = 0;
    let type = "n";
    let text = "";
    let inValue = false;
    let inInline = false;
    let inInlineText = false;
    let phonetic = 0;
    let width = 0;
    await parsePart(zip, sheetEntry, partBudget(limits, XML_BYTES_PER_CELL), "sheet", {
      open: (tag) => {
        switch (local(tag.name)) {
          case "row": {
            const r = Number(tag.attributes.r);
            row = Number.isInteger(r) && r > 0 ? r : row + 1;
            col = 0;
            break;
          }
          case "c": {
            const ref = tag.attributes.r;
            const c = ref ? columnOfRef(ref) : 0;
            col = c > 0 ? c : col + 1;
            type = tag.attributes.t ?? "n";
            text = "";
            break;
          }
          case "v":
            inValue = true;
            break;
          case "is":
            inInline = true;
            break;
          case "t":
            inInlineText = inInline && phonetic === 0;
            break;
          case "rPh":
            phonetic++;
            break;
        }
      },
      close: (name) => {
        switch (name) {
          case "v":
            inValue = false;
            break;
          case "is":
            inInline = false;
            break;
          case "t":
            inInlineText = false;
            break;
          case "rPh":
            phonetic--;
            break;
          case "c": {
            const value = cellValue(type, text, shared);
            if (value === null || value === "") return;
            if (row > limits.rows) {
              refuse(
                `the sheet has a value in row ${row}; a sheet for this template has at most ${limits.rows} rows`,
              );
            }
            if (col > limits.columns) {
              refuse(
                `the sheet has a value in column ${col} (row ${row}); a sheet for this template has at most ${limits.columns} columns`,
              );
            }
            const cells = grid[row - 1] ?? [];
            grid[row - 1] = cells;
            cells[col - 1] = value;
            if (col > width) width = col;
            break;
          }
        }
      },
      text: (chunk) => {
        if (inValue || inInlineText) text += chunk;
      },
    });
    // The same shape as before: every row as wide as the widest, blanks as null.
    return Array.from(grid, (cells) => Array.from({ length: width }, (_, i) => cells?.[i] ?? null));
  } finally {
    zip.close();
  }
}
