import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CiteResult,
  LawDetail,
  LawImportView,
  LawSearchResult,
  LawSummary,
} from '../../../contracts/law';
import { queryRows } from '../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, signedInAs } from '../../test/factories';
import { testDatabaseKinds } from '../../test/test-databases';
import { multipartBody } from '../../test/multipart';
import { hasLawData, lawFile } from './law-test-data';

/** Law files uploaded as the console does: several `files` parts. */
const multipart = (files: { name: string; text: string }[]) =>
  multipartBody(
    files.map((file) => ({
      name: 'files',
      filename: file.name,
      contentType: 'text/markdown',
      bytes: Buffer.from(file.text, 'utf8'),
    })),
  );

async function libraryRows(platform: TestPlatform) {
  const [row] = await queryRows<{ laws: number; articles: number; imports: number }>(
    platform.deps.db,
    sql`SELECT (SELECT count(*)::int FROM laws) AS laws, (SELECT count(*)::int FROM law_articles) AS articles, (SELECT count(*)::int FROM law_imports) AS imports`,
  );
  return row;
}

const lawFiles = [
  '行政法/行政处罚法(2021-01-22).md',
  '行政法/体育法(2016-11-07).md',
  '行政法/体育法(2022-06-24).md',
];

describe.skipIf(!hasLawData()).each(testDatabaseKinds())('law routes on %s', (database) => {
  let platform: TestPlatform;
  let bureau: { cookie: string };
  let liaison: { cookie: string };
  let importId: string;

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    const city = await createTestOrganization(platform, { name: '示范市人民政府' });
    bureau = await signedInAs(platform, 'justiceBureau', city.id);
    liaison = await signedInAs(platform, 'liaison', city.id);
  });
  afterAll(() => platform.close());

  it('refuses an import without sign-in (401) or by a role that does not keep the library (403), writing nothing', async () => {
    const upload = multipart([{ name: '行政处罚法(2021-01-22).md', text: lawFile(lawFiles[0] ?? '').text }]);
    const anonymous = await platform.app.inject({ method: 'POST', url: '/api/law/imports', ...upload });
    expect(anonymous.statusCode).toBe(401);
    const forbidden = await platform.app.inject({
      method: 'POST',
      url: '/api/law/imports',
      payload: upload.payload,
      headers: { ...upload.headers, ...liaison },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(
      (await platform.app.inject({ method: 'GET', url: '/api/law/imports', headers: liaison })).statusCode,
    ).toBe(403);
    expect(await libraryRows(platform)).toEqual({ laws: 0, articles: 0, imports: 0 });
  });

  it('refuses a file that is not .md or .txt, and an upload without files, with 400 naming files', async () => {
    const wrong = multipart([{ name: '名单.xlsx', text: 'x' }]);
    const refused = await platform.app.inject({
      method: 'POST',
      url: '/api/law/imports',
      payload: wrong.payload,
      headers: { ...wrong.headers, ...bureau },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'files' });
    const json = await platform.app.inject({
      method: 'POST',
      url: '/api/law/imports',
      payload: { files: [] },
      headers: bureau,
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ field: 'files' });
    expect(await libraryRows(platform)).toEqual({ laws: 0, articles: 0, imports: 0 });
  });

  it('imports uploaded files in the background; the run can be polled until finished', async () => {
    const upload = multipart(
      lawFiles.map((path) => ({ name: path.split('/').pop() ?? path, text: lawFile(path).text })),
    );
    const started = await platform.app.inject({
      method: 'POST',
      url: '/api/law/imports',
      payload: upload.payload,
      headers: { ...upload.headers, ...bureau },
    });
    expect(started.statusCode, started.body).toBe(200);
    importId = started.json<{ importId: string }>().importId;
    let run: LawImportView | null = null;
    for (let poll = 0; poll < 600; poll += 1) {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/law/imports/${importId}`,
        headers: bureau,
      });
      run = response.json<LawImportView>();
      if (run.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(run).toMatchObject({
      status: 'finished',
      totalFiles: 3,
      processedFiles: 3,
      importedVersions: 3,
      importedArticles: 86 + 54 + 122,
      problems: [],
    });
    expect(run?.startedBy).toContain('（');
    const list = await platform.app.inject({ method: 'GET', url: '/api/law/imports', headers: bureau });
    expect(list.json<{ items: LawImportView[] }>().items.map((item) => item.id)).toContain(importId);
    const missing = await platform.app.inject({
      method: 'GET',
      url: '/api/law/imports/00000000-0000-7000-8000-000000000000',
      headers: bureau,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lists current versions by default, all versions when asked, and finds titles by words', async () => {
    const current = await platform.app.inject({ method: 'GET', url: '/api/public/law/laws' });
    const page = current.json<{ items: LawSummary[]; total: number }>();
    expect(page.total).toBe(2);
    expect(page.items.every((law) => law.isCurrent)).toBe(true);
    const all = await platform.app.inject({
      method: 'GET',
      url: '/api/public/law/laws?includeSuperseded=true',
    });
    expect(all.json<{ total: number }>().total).toBe(3);
    const found = await platform.app.inject({
      method: 'GET',
      url: `/api/public/law/laws?q=${encodeURIComponent('处罚')}`,
    });
    expect(found.json<{ items: LawSummary[] }>().items.map((law) => law.shortTitle)).toEqual(['行政处罚法']);
    const bad = await platform.app.inject({ method: 'GET', url: '/api/public/law/laws?pageSize=500' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'pageSize' });
  });

  it('shows a law with its articles in order and every version of its title', async () => {
    const list = await platform.app.inject({
      method: 'GET',
      url: `/api/public/law/laws?q=${encodeURIComponent('体育法')}&includeSuperseded=true`,
    });
    const versions = list.json<{ items: LawSummary[] }>().items;
    const older = versions.find((law) => law.versionDate === '2016-11-07');
    const detail = await platform.app.inject({
      method: 'GET',
      url: `/api/public/law/laws/${older?.id ?? ''}`,
    });
    const law = detail.json<LawDetail>();
    expect(law.isCurrent).toBe(false);
    expect(law.supersededOn).toBe('2023-01-01');
    expect(law.versions.map((version) => version.versionDate)).toEqual(['2022-06-24', '2016-11-07']);
    expect(law.articles.map((article) => article.ordinal)).toEqual(
      Array.from({ length: 54 }, (_, i) => i + 1),
    );
    expect(law.articles[0]?.label).toBe('第一条');
    const missing = await platform.app.inject({
      method: 'GET',
      url: '/api/public/law/laws/00000000-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect((await platform.app.inject({ method: 'GET', url: '/api/public/law/laws/abc' })).statusCode).toBe(
      400,
    );
  });

  it('searches articles: the article a phrase comes from ranks first, with its words marked', async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: `/api/public/law/search?q=${encodeURIComponent('初次从事行政处罚决定法制审核的人员')}`,
    });
    const result = response.json<LawSearchResult>();
    expect(result.articles[0]).toMatchObject({
      lawTitle: '中华人民共和国行政处罚法',
      articleLabel: '第五十八条',
    });
    expect(result.articles[0]?.pieces.some((piece) => piece.isHit && piece.text.length > 0)).toBe(true);
    const empty = await platform.app.inject({ method: 'GET', url: '/api/public/law/search?q=' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ field: 'q' });
  });

  it('resolves citations posted to /cite on the date given, or today', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/public/law/cite',
      payload: { text: '依据《中华人民共和国行政处罚法》第五十八条第一款第（三）项', date: '2024-01-01' },
    });
    const result = response.json<CiteResult>();
    expect(result.citations[0]).toMatchObject({
      status: 'resolved',
      text: '（三）案件情况疑难复杂、涉及多个法律关系的；',
    });
    const today = await platform.app.inject({
      method: 'POST',
      url: '/api/public/law/cite',
      payload: { text: '《体育法》第五十四条' },
    });
    // the test clock says 2026-09-28: the 2022 revision is in force
    expect(today.json<CiteResult>().citations[0]?.law?.versionDate).toBe('2022-06-24');
    const bad = await platform.app.inject({
      method: 'POST',
      url: '/api/public/law/cite',
      payload: { text: '《体育法》第一条', date: '2024/01/01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'date' });
  });
});
