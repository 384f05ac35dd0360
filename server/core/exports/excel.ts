import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../errors';

/**
 * Excel in and out for every list users keep in Excel (DESIGN.md core mechanism 7): a list
 * exported with Chinese headers; an import template; rows read and validated one by one; the
 * problems returned as a workbook naming row, column and problem. Modules declare columns once.
 */

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type CellValue = string | number | boolean | Date | null | undefined;

/** One column of an exported list. */
export interface ExportColumn<Row> {
  header: string;
  width?: number;
  value: (row: Row) => CellValue;
}

/** One column of an import sheet; `key` names the field the row schema receives. */
export interface ImportColumn {
  key: string;
  header: string;
  required?: boolean;
  /** shown under the header in the template */
  hint?: string;
  width?: number;
}

/** A problem found in one row of an uploaded sheet. Row numbers are the sheet's own (header = 1). */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** An import refused as a whole; nothing was written. Carries the row problems for the error sheet. */
export class ImportRejectedError extends AppError {
  constructor(readonly rowErrors: ImportRowError[]) {
    super('VALIDATION_FAILED', `导入文件有 ${rowErrors.length} 处问题，未导入任何数据`, 'file', {
      rowErrors,
    });
    this.name = 'ImportRejectedError';
  }
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/** Writes rows to one sheet with Chinese headers, frozen header row, column widths. */
export async function writeListWorkbook<Row>(
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width ?? 16 }));
  styleHeader(sheet.getRow(1));
  for (const row of rows) {
    sheet.addRow(columns.map((column) => column.value(row) ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template users fill: headers (required ones marked ＊), a hint row as a note, text-formatted cells. */
export async function writeImportTemplate(
  sheetName: string,
  columns: readonly ImportColumn[],
  examples: readonly Record<string, string>[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width ?? 18,
    // text format, so ID numbers and codes are not turned into numbers by Excel
    style: { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  styleHeader(header);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    if (column.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    const note = [column.required ? '必填' : '选填', column.hint].filter(Boolean).join('；');
    cell.note = note;
  });
  for (const example of examples) sheet.addRow(columns.map((column) => example[column.key] ?? ''));
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 20 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 60 },
  ];
  styleHeader(help.getRow(1));
  for (const column of columns)
    help.addRow([column.header, column.required ? '必填' : '选填', column.hint ?? '']);
  help.addRow([]);
  help.addRow([
    '',
    '',
    '从第 2 行起每行一条；示例行请删除或改写。任何一行有问题时整个文件都不会导入，并返回问题清单。',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell's value as trimmed text (dates as YYYY-MM-DD); empty cells are null. */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return cellText(value.richText.map((part) => part.text).join(''));
    if ('text' in value && typeof value.text === 'string') return cellText(value.text);
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return null;
    return null;
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** A row read from an uploaded sheet: its sheet row number and the text of each declared column. */
export interface ImportedRow {
  row: number;
  values: Record<string, string | null>;
}

/**
 * Reads the first sheet of an uploaded workbook: finds each declared column by its header (a
 * trailing ＊ or * ignored), skips empty rows. A file that is not a workbook, or lacks a
 * required column, is refused as a whole.
 */
export async function readImportSheet(
  buffer: Buffer,
  columns: readonly ImportColumn[],
  maxRows = 10_000,
): Promise<ImportedRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '上传的文件不是有效的 Excel（.xlsx）文件', 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', '上传的 Excel 文件没有工作表', 'file');
  const headerIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, columnNumber) => {
    const text = cellText(cell.value);
    if (text) headerIndex.set(text.replace(/[＊*]\s*$/, '').trim(), columnNumber);
  });
  const missing = columns.filter((column) => column.required && !headerIndex.has(column.header));
  if (missing.length > 0) {
    throw new ImportRejectedError(
      missing.map((column) => ({ row: 1, column: column.header, message: '缺少此列，请使用下载的导入模板' })),
    );
  }
  const rows: ImportedRow[] = [];
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const values: Record<string, string | null> = {};
    let isEmpty = true;
    for (const column of columns) {
      const columnNumber = headerIndex.get(column.header);
      const text = columnNumber === undefined ? null : cellText(row.getCell(columnNumber).value);
      values[column.key] = text;
      if (text !== null) isEmpty = false;
    }
    if (isEmpty) continue;
    rows.push({ row: rowNumber, values });
    if (rows.length > maxRows) {
      throw new AppError('VALIDATION_FAILED', `一次最多导入 ${maxRows} 行，请拆分文件`, 'file');
    }
  }
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件没有数据行', 'file');
  return rows;
}

/** The problems of a refused import as a workbook: 行号, 列, 问题. */
export async function writeImportErrorWorkbook(errors: readonly ImportRowError[]): Promise<Buffer> {
  return writeListWorkbook<ImportRowError>(
    '导入问题',
    [
      { header: '行号', width: 8, value: (error) => error.row },
      { header: '列', width: 20, value: (error) => error.column },
      { header: '问题', width: 60, value: (error) => error.message },
    ],
    errors,
  );
}

/** The header of the column a field belongs to, for error rows. */
const headerOf = (columns: readonly ImportColumn[], field: string | undefined) =>
  columns.find((column) => column.key === field)?.header ?? (field ? field : '整行');

/**
 * Validates every row with `schema`, then applies the valid rows in order with `apply` (which
 * calls the module's service). Any problem — a malformed cell or a refusal by the service —
 * is collected with its row and column; if there is any, ImportRejectedError is thrown so the
 * caller's transaction rolls back and nothing is half-imported. Returns the number imported.
 */
export async function importRows<Schema extends z.ZodType>(options: {
  buffer: Buffer;
  columns: readonly ImportColumn[];
  schema: Schema;
  apply: (row: z.output<Schema>, rowNumber: number) => Promise<void>;
  maxRows?: number;
}): Promise<number> {
  const { columns, schema } = options;
  const rows = await readImportSheet(options.buffer, columns, options.maxRows);
  const errors: ImportRowError[] = [];
  const parsed: { row: number; value: z.output<Schema> }[] = [];
  for (const { row, values } of rows) {
    const result = schema.safeParse(values);
    if (result.success) {
      parsed.push({ row, value: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const key = issue.path[0] === undefined ? undefined : String(issue.path[0]);
      errors.push({ row, column: headerOf(columns, key), message: issue.message });
    }
  }
  if (errors.length > 0) throw new ImportRejectedError(errors);
  for (const { row, value } of parsed) {
    try {
      await options.apply(value, row);
    } catch (error) {
      // A refusal by the service (bad reference, duplicate, out of scope) names the row; anything else aborts.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      errors.push({ row, column: headerOf(columns, error.field), message: error.message });
    }
  }
  if (errors.length > 0) throw new ImportRejectedError(errors);
  return parsed.length;
}
