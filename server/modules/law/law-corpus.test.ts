import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LawSearchResult } from '../../../contracts/law';
import { readContext } from '../../core/context';
import { queryRows } from '../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { importLawFiles, readLawFolder } from './import-laws';
import { parseLawFile, type ParsedLaw } from './law-file-parser';
import { articleLabel, versionStart } from './law-rules';
import { resolveCitationTexts } from './law-service';
import { hasLawData, lawDataDir } from './law-test-data';

/**
 * The whole collection (1,071 files): imported into a fresh PGlite, every article of every file
 * cited by title and number on its version's date must resolve to exactly that article. PGlite
 * only: this is the slow test of the suite.
 */
const innerTitles = (title: string) => title.replace(/《/g, '〈').replace(/》/g, '〉');

describe.skipIf(!hasLawData())('the whole law collection', () => {
  let platform: TestPlatform;
  let parsed: ParsedLaw[];
  let fileCount: number;

  beforeAll(async () => {
    platform = await buildTestPlatform({ database: 'pglite' });
    const files = readLawFolder(lawDataDir);
    fileCount = files.length;
    parsed = files.map((file) => parseLawFile(file));
    const run = await importLawFiles(platform.deps, null, lawDataDir, files);
    expect(run).toMatchObject({ status: 'finished', processedFiles: files.length, problems: [] });
  }, 600_000);
  afterAll(() => platform.close());

  async function libraryCounts() {
    const [row] = await queryRows<{ versions: number; articles: number; superseded: number }>(
      platform.deps.db,
      sql`SELECT (SELECT count(*)::int FROM laws) AS versions, (SELECT count(*)::int FROM law_articles) AS articles,
            (SELECT count(*)::int FROM laws WHERE superseded_by_id IS NOT NULL) AS superseded`,
    );
    return row;
  }

  it('resolves a citation of every article of every file, on its version’s date, to exactly that article', async () => {
    const versions = await queryRows<{
      id: string;
      title: string;
      versionDate: string;
      effectiveOn: string | null;
    }>(
      platform.deps.db,
      sql`SELECT id, title, version_date::text AS "versionDate", effective_on::text AS "effectiveOn" FROM laws`,
    );
    const versionOf = new Map(
      versions.map((version) => [`${version.title}\n${version.versionDate}`, version]),
    );
    // citations grouped by the day they are resolved on: one batch per day
    const byDate = new Map<string, { text: string; lawId: string; number: number; subNumber: number }[]>();
    let articleCount = 0;
    for (const law of parsed) {
      const version = versionOf.get(`${law.title}\n${law.versionDate}`);
      expect(version, `${law.title} ${law.versionDate}`).toBeDefined();
      if (!version) continue;
      const date = versionStart(version);
      const batch = byDate.get(date) ?? [];
      for (const article of law.articles) {
        articleCount += 1;
        batch.push({
          // a title inside the title is written 〈〉, as in print
          text: `《${innerTitles(law.title)}》${articleLabel(article.number, article.subNumber)}`,
          lawId: version.id,
          number: article.number,
          subNumber: article.subNumber,
        });
      }
      byDate.set(date, batch);
    }
    const ctx = readContext(platform.deps, null);
    const failures: string[] = [];
    let resolved = 0;
    for (const [date, batch] of byDate) {
      const results = await resolveCitationTexts(
        ctx,
        batch.map((citation) => citation.text),
        date,
      );
      batch.forEach((citation, index) => {
        const [found] = results[index]?.citations ?? [];
        const exact =
          found?.status === 'resolved' &&
          found.law?.id === citation.lawId &&
          found.article === citation.number &&
          found.articleSub === citation.subNumber;
        if (exact) resolved += 1;
        else
          failures.push(
            `${date} ${citation.text}: ${found?.status ?? 'no citation'} ${found?.problem ?? ''}`,
          );
      });
    }
    const counts = await libraryCounts();
    console.info(
      `法规库全集：${fileCount} 个文件，${counts?.versions ?? 0} 个版本（${counts?.superseded ?? 0} 个已被取代），${counts?.articles ?? 0} 条入库；逐条引用 ${articleCount} 条，准确解析 ${resolved} 条`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(resolved).toBe(articleCount);
  }, 600_000);

  it('re-importing the whole collection changes nothing', async () => {
    const before = await libraryCounts();
    const again = await importLawFiles(platform.deps, null, lawDataDir, readLawFolder(lawDataDir));
    expect(again).toMatchObject({
      importedVersions: 0,
      importedArticles: 0,
      unchangedVersions: before?.versions,
    });
    expect(await libraryCounts()).toEqual(before);
  }, 600_000);

  it('finds known articles ranked first by a phrase of their text', async () => {
    const known = [
      { q: '初次从事行政处罚决定法制审核的人员', title: '中华人民共和国行政处罚法', label: '第五十八条' },
      { q: '行政强制措施权不得委托', title: '中华人民共和国行政强制法', label: '第十七条' },
      { q: '自然人的民事权利能力一律平等', title: '中华人民共和国民法典', label: '第十四条' },
    ];
    for (const { q, title, label } of known) {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/public/law/search?q=${encodeURIComponent(q)}`,
      });
      const [top] = response.json<LawSearchResult>().articles;
      expect([top?.lawTitle, top?.articleLabel], q).toEqual([title, label]);
    }
  });
});
