import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportColumn } from '../exports/excel';
import { readImportFile } from './import-files';

/** Reading list files as streams: CSV in UTF-8 (with or without BOM) or GB18030, and .xlsx. */

const columns: ImportColumn[] = [
  { key: 'code', header: '代码', required: true },
  { key: 'name', header: '名称', required: true },
  { key: 'note', header: '备注' },
];

describe('readImportFile', () => {
  let folder: string;
  const file = async (name: string, bytes: Buffer | string) => {
    const path = join(folder, name);
    await writeFile(path, bytes);
    return path;
  };
  const read = async (path: string) => {
    const rows = [];
    for await (const row of readImportFile(path, columns)) rows.push(row);
    return rows;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fazhi-import-files-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('finds columns by header in any order (a trailing * ignored), keeps quoted commas and line breaks, skips empty rows', async () => {
    const path = await file(
      'a.csv',
      '\uFEFF备注,名称*,代码＊\r\n"含,逗号","第一行\n第二行",A1\r\n,,\r\n  ,  乙 ,A2\r\n',
    );
    expect(await read(path)).toEqual([
      { row: 3, values: { code: 'A1', name: '第一行\n第二行', note: '含,逗号' } },
      { row: 5, values: { code: 'A2', name: '乙', note: null } },
    ]);
  });

  it('reads GB18030 text written by Excel on Chinese Windows', async () => {
    // 代码,名称 / B1,甲 in GBK
    const gbk = Buffer.from([
      0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a, 0x42, 0x31, 0x2c, 0xbc, 0xd7, 0x0d,
      0x0a,
    ]);
    expect(await read(await file('b.csv', gbk))).toEqual([
      { row: 2, values: { code: 'B1', name: '甲', note: null } },
    ]);
  });

  it('reads the first sheet of a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['代码', '名称']);
    sheet.addRow(['C1', '丙']);
    workbook.addWorksheet('其他').addRow(['代码', '名称']);
    const path = await file('c.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await read(path)).toEqual([{ row: 2, values: { code: 'C1', name: '丙', note: null } }]);
  });

  it('refuses a file without a required column, an empty file and a broken workbook, in Chinese', async () => {
    await expect(read(await file('d.csv', '代码\r\nD1\r\n'))).rejects.toThrow('文件第 1 行缺少列：名称');
    await expect(read(await file('e.csv', ''))).rejects.toThrow('上传的文件是空的');
    await expect(read(await file('f.xlsx', Buffer.from('PK\u0003\u0004 broken')))).rejects.toThrow(
      '上传的文件不是有效的 Excel（.xlsx）或 CSV 文件',
    );
  });
});
