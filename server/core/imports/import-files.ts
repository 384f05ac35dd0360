import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { cellText, type ImportColumn, type ImportedRow } from '../exports/excel';

/**
 * Rows of an uploaded list file, read as a stream so a million rows never sit in memory: an
 * Excel workbook (.xlsx, its first sheet) or a CSV file (UTF-8, with or without BOM, or the
 * GB18030/GBK that Excel writes on Chinese Windows). The first row holds the headers; columns are
 * found by header (a trailing ＊ or * ignored); empty rows are skipped. Row numbers are the file's
 * own (header = 1).
 */
export async function* readImportFile(
  path: string,
  columns: readonly ImportColumn[],
): AsyncGenerator<ImportedRow> {
  const kind = await fileKind(path);
  const rows = kind === 'xlsx' ? xlsxRows(path) : csvRows(path, await csvEncoding(path));
  let header: Map<string, number> | null = null;
  for await (const { row, cells } of rows) {
    if (!header) {
      header = new Map();
      for (const [index, cell] of cells.entries()) {
        if (cell) header.set(cell.replace(/[＊*]\s*$/, '').trim(), index);
      }
      const missing = columns.filter((column) => column.required && !header?.has(column.header));
      if (missing.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `文件第 1 行缺少列：${missing.map((column) => column.header).join('、')}（请使用下载的导入模板）`,
          'file',
        );
      }
      continue;
    }
    const values: Record<string, string | null> = {};
    let isEmpty = true;
    for (const column of columns) {
      const index = header.get(column.header);
      const text = index === undefined ? null : (cells[index] ?? null);
      values[column.key] = text;
      if (text !== null) isEmpty = false;
    }
    if (!isEmpty) yield { row, values };
  }
  if (!header) throw new AppError('VALIDATION_FAILED', '上传的文件是空的', 'file');
}

type RawRow = { row: number; cells: (string | null)[] };

async function fileKind(path: string): Promise<'xlsx' | 'csv'> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    // .xlsx is a zip: PK\x03\x04
    return bytesRead === 4 && buffer.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

/** UTF-8 when the first 64 KB decode as UTF-8 (a multi-byte character cut at the end allowed), else GB18030. */
async function csvEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
    const head = buffer.subarray(0, bytesRead);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

const clean = (value: string | null | undefined) => {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
};

async function* csvRows(path: string, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<RawRow> {
  const decoder = new TextDecoder(encoding);
  async function* text() {
    for await (const chunk of createReadStream(path)) yield decoder.decode(chunk as Buffer, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  const parser = Readable.from(text()).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { row: info.lines, cells: record.map(clean) };
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
      throw new AppError('VALIDATION_FAILED', `CSV 文件格式有误：${error.message}`, 'file');
    }
    throw error;
  }
}

async function* xlsxRows(path: string): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        yield { row: row.number, cells: values.slice(1).map((value) => cellText(value)) };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION_FAILED', '上传的文件不是有效的 Excel（.xlsx）或 CSV 文件', 'file');
  }
}
