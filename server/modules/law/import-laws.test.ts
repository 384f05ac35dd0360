import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContext } from '../../core/context';
import { queryRows } from '../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { testDatabaseKinds } from '../../test/test-databases';
import { importLawFiles } from './import-laws';
import { resolveCitations } from './law-service';
import { hasLawData, lawFile } from './law-test-data';

const codeParts = ['总则', '物权编', '合同编', '人格权编', '婚姻家庭编', '继承编', '侵权责任编', '附则'];

async function libraryState(platform: TestPlatform) {
  const versions = await queryRows<{
    title: string;
    versionDate: string;
    supersededOn: string | null;
    hasSuccessor: boolean;
    articleCount: number;
    articles: number;
  }>(
    platform.deps.db,
    sql`SELECT title, version_date::text AS "versionDate", superseded_on::text AS "supersededOn",
          superseded_by_id IS NOT NULL AS "hasSuccessor", article_count AS "articleCount",
          (SELECT count(*)::int FROM law_articles a WHERE a.law_id = l.id) AS articles
        FROM laws l ORDER BY title, version_date`,
  );
  const [audit] = await queryRows<{ imports: number }>(
    platform.deps.db,
    sql`SELECT count(*)::int AS imports FROM audit_events WHERE action = 'lawLibrary.import'`,
  );
  return { versions, auditedImports: audit?.imports ?? 0 };
}

describe.skipIf(!hasLawData()).each(testDatabaseKinds())('importing law files on %s', (database) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
  });
  afterAll(() => platform.close());

  it('imports a newer version first, then an older one, and links the older to its successor', async () => {
    const progress: number[] = [];
    const newer = await importLawFiles(platform.deps, null, 'test', [
      lawFile('行政法/体育法(2022-06-24).md'),
    ]);
    const older = await importLawFiles(
      platform.deps,
      null,
      'test',
      [lawFile('行政法/体育法(2016-11-07).md'), { path: 'broken.txt', text: '只有标题' }],
      (step) => progress.push(step.processedFiles),
    );
    expect(newer).toMatchObject({ status: 'finished', importedVersions: 1, importedArticles: 122 });
    expect(older).toMatchObject({
      status: 'finished',
      processedFiles: 2,
      importedVersions: 1,
      importedArticles: 54,
    });
    expect(older.problems).toEqual([
      { file: 'broken.txt', message: expect.stringContaining('无法确定版本日期') as string },
    ]);
    expect(progress).toEqual([2]);
    const { versions, auditedImports } = await libraryState(platform);
    expect(versions).toEqual([
      {
        title: '中华人民共和国体育法',
        versionDate: '2016-11-07',
        supersededOn: '2023-01-01',
        hasSuccessor: true,
        articleCount: 54,
        articles: 54,
      },
      {
        title: '中华人民共和国体育法',
        versionDate: '2022-06-24',
        supersededOn: null,
        hasSuccessor: false,
        articleCount: 122,
        articles: 122,
      },
    ]);
    // one audit event per run, not per article
    expect(auditedImports).toBe(2);
  });

  it('cites the version in force on the day: the old 体育法 until the new one took effect', async () => {
    const ctx = readContext(platform.deps, null);
    const before = await resolveCitations(ctx, '《体育法》第五十四条', '2022-12-31');
    expect(before.citations[0]).toMatchObject({ status: 'resolved', law: { versionDate: '2016-11-07' } });
    const after = await resolveCitations(ctx, '《体育法》第五十四条', '2023-01-01');
    expect(after.citations[0]).toMatchObject({ status: 'resolved', law: { versionDate: '2022-06-24' } });
    const gone = await resolveCitations(ctx, '《体育法》第一百二十条', '2020-01-01');
    expect(gone.citations[0]?.status).toBe('articleNotFound');
    expect(gone.citations[0]?.problem).toBe('《体育法》（2016年修正）没有第一百二十条');
  });

  it('merges the parts of a code filed separately into one version, and re-importing changes nothing', async () => {
    const files = codeParts.map((part) => lawFile(`民法典/${part}.md`));
    const first = await importLawFiles(platform.deps, null, 'test', files);
    expect(first).toMatchObject({
      processedFiles: 8,
      importedVersions: 1,
      unchangedVersions: 0,
      importedArticles: 1260,
    });
    const before = await libraryState(platform);
    const again = await importLawFiles(platform.deps, null, 'test', [
      ...files,
      lawFile('行政法/体育法(2016-11-07).md'),
      lawFile('行政法/体育法(2022-06-24).md'),
    ]);
    expect(again).toMatchObject({
      processedFiles: 10,
      importedVersions: 0,
      unchangedVersions: 3,
      importedArticles: 0,
    });
    const after = await libraryState(platform);
    expect(after.versions).toEqual(before.versions);
    expect(after.auditedImports).toBe(before.auditedImports + 1);
    const ctx = readContext(platform.deps, null);
    const cited = await resolveCitations(ctx, '《民法典》第一千二百六十条', '2024-01-01');
    expect(cited.citations[0]).toMatchObject({ status: 'resolved', articleLabel: '第一千二百六十条' });
  });
});
