import ExcelJS from "exceljs";

/** A multipart/form-data body carrying one file, as a browser would send it. */
export function multipartFile(filename: string, bytes: Buffer) {
  const boundary = `----jindu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export async function loadWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook) {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Column number (1-based) of a code in the template's code row. */
export function columnOf(sheet: ExcelJS.Worksheet, code: string): number {
  let found = 0;
  sheet.getRow(2).eachCell((cell, col) => {
    if (cell.value === code) found = col;
  });
  if (!found) throw new Error(`no column ${code}`);
  return found;
}

/** The figure columns' codes of a monthly template as a client downloads it (its row 2). */
export async function templateCodes(
  client: {
    inject(url: string): Promise<{ statusCode: number; body: string; rawPayload: Buffer }>;
  },
  query: string,
): Promise<string[]> {
  const res = await client.inject(`/api/import/template?${query}`);
  if (res.statusCode !== 200) throw new Error(`template: ${res.statusCode} ${res.body}`);
  const row = (await loadWorkbook(res.rawPayload)).worksheets[0]?.getRow(2).values as unknown[];
  return row.filter((v): v is string => typeof v === "string");
}
