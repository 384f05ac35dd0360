import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView } from '../../../../contracts/imports';
import type { EntityView } from '../../../../contracts/spotchecks';
import { queryRows } from '../../../core/db/query-rows';
import { composeCreditCode } from '../../../core/identity/national-codes';
import { markInterruptedImports } from '../../../core/imports/import-jobs';
import { importJobs } from '../../../core/imports/import-tables';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { createTestOrganization, signedInAs } from '../../../test/factories';
import { httpCaller, type SessionHeaders } from '../../../test/http-call';
import { multipartBody } from '../../../test/multipart';
import { testDatabaseKinds } from '../../../test/test-databases';

/** 检查对象名录库: imports of Excel and CSV files, all or nothing, with progress and the problems by row. */

const code = (body: string) => composeCreditCode('91', '410300', body);
const header = '统一社会信用代码,名称,信用风险分类,住所（经营场所）,行业,所属区划代码,持有许可证';

describe.each(testDatabaseKinds())('the entity directory on %s', (database) => {
  let platform: TestPlatform;
  let dataDir: string;
  let keeper: SessionHeaders;
  let officer: SessionHeaders;
  const call = httpCaller(() => platform);

  const upload = async (who: SessionHeaders, bytes: Buffer, filename: string) => {
    const body = multipartBody([{ name: 'file', filename, contentType: 'text/csv', bytes }]);
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/spotchecks/entities/import',
      headers: { ...who, ...body.headers },
      payload: body.payload,
    });
    return { status: response.statusCode, body: response.json<ImportJobView & { message?: string }>() };
  };
  /** Uploads and waits for the job's outcome. */
  const importFile = async (bytes: Buffer, filename = 'entities.csv') => {
    const started = await upload(keeper, bytes, filename);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.status).toBe('running');
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const job = await call<ImportJobView>(
        keeper,
        'GET',
        `/api/spotchecks/entities/imports/${started.body.id}`,
      );
      if (job.body.status !== 'running') return job.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the import did not finish');
  };
  const count = async () =>
    (await queryRows<{ n: number }>(platform.deps.db, sql`SELECT count(*)::int AS n FROM entities`))[0]?.n;
  const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fazhi-entities-'));
    platform = await buildTestPlatform({ database, env: { FAZHI_DATA_DIR: dataDir } });
    const city = await createTestOrganization(platform, {
      name: '示范市人民政府',
      jurisdictionCode: '410300',
    });
    keeper = await signedInAs(platform, 'justiceBureau', city.id);
    officer = await signedInAs(platform, 'officer', city.id);
  }, 120_000);
  afterAll(async () => {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports a CSV file whole, then updates listed codes in place and adds the new ones', async () => {
    const first = await importFile(
      csv(
        `${code('MA4EN001')},示范市味美餐饮管理有限公司,B,示范市洛龙区开元大道 88 号,餐饮业,410311,食品经营许可证；营业执照`,
        `${code('MA4EN002')},示范市康健大药房连锁有限公司,a类,示范市西工区中州路 12 号,零售业,410303,药品经营许可证`,
        `${code('MA4EN003')},示范市恒达建材有限公司,D,,,,`,
      ),
    );
    expect(first).toMatchObject({
      status: 'done',
      totalRows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      errorCount: 0,
    });
    const found = await call<{ items: EntityView[]; total: number }>(
      keeper,
      'GET',
      '/api/spotchecks/entities?q=药房',
    );
    expect(found.body.items.map((item) => item.name)).toEqual(['示范市康健大药房连锁有限公司']);
    expect(found.body.items[0]?.riskGrade).toBe('A');
    const byCode = await call<{ items: EntityView[] }>(
      officer,
      'GET',
      `/api/spotchecks/entities?q=${code('MA4EN001')}`,
    );
    expect(byCode.body.items[0]?.licences).toEqual(['食品经营许可证', '营业执照']);

    const again = await importFile(
      csv(
        `${code('MA4EN001')},示范市味美餐饮管理有限公司,C,示范市洛龙区开元大道 88 号,餐饮业,410311,食品经营许可证；营业执照`,
        `${code('MA4EN002')},示范市康健大药房连锁有限公司,A,示范市西工区中州路 12 号,零售业,410303,药品经营许可证`,
        `${code('MA4EN004')},示范市新开超市有限公司,B,,,,`,
      ),
    );
    expect(again).toMatchObject({ status: 'done', inserted: 1, updated: 1, unchanged: 1 });
    expect(await count()).toBe(4);
    const graded = await call<{ items: EntityView[] }>(keeper, 'GET', '/api/spotchecks/entities?riskGrade=C');
    expect(graded.body.items.map((item) => item.creditCode)).toEqual([code('MA4EN001')]);
  });

  it('refuses a file with any bad row as a whole, naming each row and column, and writes nothing', async () => {
    const before = await count();
    const rejected = await importFile(
      csv(
        `${code('MA4EN010')},示范市甲公司,B,,,,`,
        `91410300MA4EN0110X,示范市乙公司,B,,,,`,
        `${code('MA4EN010')},示范市甲公司（重复）,B,,,,`,
        `${code('MA4EN012')},示范市丙公司,E,,,4103,`,
      ),
    );
    expect(rejected.status).toBe('rejected');
    expect(rejected.message).toBe('文件有 4 处问题，未导入任何数据');
    expect(rejected.errors).toEqual([
      { row: 3, column: '统一社会信用代码', message: expect.stringMatching(/^统一社会信用代码校验位不正确/) },
      { row: 4, column: '统一社会信用代码', message: '与第 2 行重复' },
      { row: 5, column: '信用风险分类', message: '信用风险分类只能是 A、B、C 或 D' },
      { row: 5, column: '所属区划代码', message: '所属区划代码须为 6 位数字' },
    ]);
    expect(await count()).toBe(before);
    const sheet = await platform.app.inject({
      method: 'GET',
      url: `/api/spotchecks/entities/imports/${rejected.id}/errors`,
      headers: keeper,
    });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030) and a workbook', async () => {
    const gbk = encodeGb18030(`${header}\r\n${code('MA4EN020')},示范市国标编码测试有限公司,B,,,,\r\n`);
    const fromGbk = await importFile(gbk);
    expect(fromGbk).toMatchObject({ status: 'done', inserted: 1 });
    const named = await call<{ items: EntityView[] }>(
      keeper,
      'GET',
      `/api/spotchecks/entities?q=${code('MA4EN020')}`,
    );
    expect(named.body.items[0]?.name).toBe('示范市国标编码测试有限公司');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(header.split(','));
    sheet.addRow([
      code('MA4EN021'),
      '示范市表格导入测试有限公司',
      'C',
      '示范市涧西区',
      '制造业',
      '410305',
      '',
    ]);
    const fromXlsx = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'entities.xlsx');
    expect(fromXlsx).toMatchObject({ status: 'done', inserted: 1 });
  });

  it('refuses a file without a required column, an officer’s upload, and marks a job cut off by a stop as failed', async () => {
    const noGrade = await importFile(
      Buffer.from(`统一社会信用代码,名称\r\n${code('MA4EN030')},示范市某公司\r\n`),
    );
    expect(noGrade.status).toBe('rejected');
    expect(noGrade.message).toBe('文件第 1 行缺少列：信用风险分类（请使用下载的导入模板）');
    const refused = await upload(officer, csv(`${code('MA4EN031')},示范市某公司,B,,,,`), 'x.csv');
    expect(refused.status).toBe(403);

    await platform.deps.db.insert(importJobs).values({
      tenantCode: platform.config.tenantCode,
      id: '00000000-0000-4000-8000-00000000a001',
      kind: 'entities',
      fileName: 'cut-off.csv',
      status: 'running',
      createdByName: '测试',
    });
    expect(await markInterruptedImports(platform.deps)).toEqual([
      '1 个导入任务因平台停止而中断，未导入任何数据。',
    ]);
    const cut = await call<ImportJobView>(
      keeper,
      'GET',
      '/api/spotchecks/entities/imports/00000000-0000-4000-8000-00000000a001',
    );
    expect(cut.body).toMatchObject({
      status: 'failed',
      message: '导入过程中平台停止，未导入任何数据，请重新上传',
    });
  });
});

/** GB18030 bytes of a string, as Excel on Chinese Windows writes a CSV (Node's TextDecoder reads it; ICU encodes it). */
function encodeGb18030(text: string): Buffer {
  const bytes: number[] = [];
  const decoder = new TextDecoder('gb18030');
  // build a table of the characters used by decoding every two-byte GBK code once
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const character = decoder.decode(Uint8Array.from([lead, trail]));
      if (!table.has(character)) table.set(character, [lead, trail]);
    }
  }
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80) bytes.push(character.charCodeAt(0));
    else {
      const encoded = table.get(character);
      if (!encoded) throw new Error(`no GBK code for ${character}`);
      bytes.push(...encoded);
    }
  }
  return Buffer.from(bytes);
}
