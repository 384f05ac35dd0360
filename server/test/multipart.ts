import ExcelJS from 'exceljs';
import { xlsxContentType } from '../core/exports/excel';

/** One part of a multipart/form-data body: a text field, or a file. */
export type MultipartPart =
  { name: string; value: string } | { name: string; filename: string; contentType: string; bytes: Buffer };

const boundary = '----fazhi-test-boundary';

/** A multipart/form-data body for `app.inject`, the parts in the order given. */
export function multipartBody(parts: readonly MultipartPart[]): {
  payload: Buffer;
  headers: { 'content-type': string };
} {
  const chunks = parts.flatMap((part) =>
    'value' in part
      ? [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
          ),
        ]
      : [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
          ),
          part.bytes,
          Buffer.from('\r\n'),
        ],
  );
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A filled import sheet uploaded as the `file` field, as the console sends it. */
export const xlsxUpload = (workbook: Buffer) =>
  multipartBody([{ name: 'file', filename: 'import.xlsx', contentType: xlsxContentType, bytes: workbook }]);

/** The first sheet of a workbook as rows of cell texts (numbers as text, other cells empty), header row included. */
export async function readSheetRows(workbook: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(workbook as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((value) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')),
    );
  });
  return rows;
}
