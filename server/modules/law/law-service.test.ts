import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContext } from '../../core/context';
import { newId } from '../../core/db/ids';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { testDatabaseKinds } from '../../test/test-databases';
import { insertLawArticles, insertLawVersion, type NewLawArticle } from './law-repository';
import { resolveCitations, resolveCitationTexts } from './law-service';

/** A made-up law (no statute text in the repository): article n has n 款, the first 款 with three 项. */
function articlesOf(lawId: string, count: number, versionMark: string): NewLawArticle[] {
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const paragraphs = Array.from({ length: Math.min(number, 3) }, (__, paragraph) => ({
      text: `${versionMark}第${number}条第${paragraph + 1}款的文字`,
      items: paragraph === 0 ? ['（一）甲项', '（二）乙项', '（三）丙项'] : [],
    }));
    return {
      id: newId(),
      lawId,
      ordinal: number,
      number,
      subNumber: 0,
      label: `第${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][index] ?? ''}条`,
      part: null,
      chapter: null,
      section: null,
      text: paragraphs.map((paragraph) => [paragraph.text, ...paragraph.items].join('\n')).join('\n'),
      paragraphs,
    };
  });
}

async function addVersion(
  platform: TestPlatform,
  version: {
    title: string;
    versionDate: string;
    effectiveOn: string | null;
    repealedOn?: string;
    articles: number;
  },
) {
  const id = newId();
  await insertLawVersion(platform.deps.db, {
    id,
    title: version.title,
    shortTitle: version.title.replace(/^中华人民共和国/, ''),
    level: 'law',
    versionDate: version.versionDate,
    effectiveOn: version.effectiveOn,
    repealedOn: version.repealedOn ?? null,
    history: [`${version.versionDate.slice(0, 4)}年 某次会议修订`],
    articleCount: version.articles,
    contentHash: id.replace(/-/g, '').padEnd(64, '0'),
  });
  await insertLawArticles(
    platform.deps.db,
    version.title,
    articlesOf(id, version.articles, version.versionDate),
  );
  return id;
}

describe.each(testDatabaseKinds())('resolving citations on %s', (database) => {
  let platform: TestPlatform;
  let older: string;
  let newer: string;

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    older = await addVersion(platform, {
      title: '中华人民共和国示例管理法',
      versionDate: '2010-06-01',
      effectiveOn: '2010-10-01',
      articles: 5,
    });
    newer = await addVersion(platform, {
      title: '中华人民共和国示例管理法',
      versionDate: '2021-01-22',
      effectiveOn: '2021-07-15',
      articles: 8,
    });
    await addVersion(platform, {
      title: '示例暂行条例',
      versionDate: '2000-01-01',
      effectiveOn: null,
      repealedOn: '2015-01-01',
      articles: 3,
    });
  });
  afterAll(() => platform.close());

  const ctx = () => readContext(platform.deps, null);

  it('resolves a full citation to the 项 of the version in force on the date, with the article text', async () => {
    const result = await resolveCitations(
      ctx(),
      '依据《中华人民共和国示例管理法》第二条第一款第（三）项的规定',
      '2022-03-01',
    );
    expect(result.problems).toEqual([]);
    expect(result.citations).toHaveLength(1);
    const [citation] = result.citations;
    expect(citation?.status).toBe('resolved');
    expect(citation?.law?.id).toBe(newer);
    expect(citation?.articleLabel).toBe('第二条');
    expect(citation?.text).toBe('（三）丙项');
    expect(citation?.articleText).toContain('2021-01-22第2条第2款的文字');
  });

  it('picks the version in force on the day: the older one before the newer takes effect', async () => {
    const before = await resolveCitations(ctx(), '《示例管理法》第二条第二款', '2021-07-14');
    expect(before.citations[0]?.law?.id).toBe(older);
    expect(before.citations[0]?.text).toBe('2010-06-01第2条第2款的文字');
    const after = await resolveCitations(ctx(), '《示例管理法》第二条第二款', '2021-07-15');
    expect(after.citations[0]?.law?.id).toBe(newer);
  });

  it('matches a title written with or without 中华人民共和国', async () => {
    const [short, full, prefixed] = await resolveCitationTexts(
      ctx(),
      ['《示例管理法》第一条', '《中华人民共和国示例管理法》第一条', '《中华人民共和国示例暂行条例》第一条'],
      '2012-01-01',
    );
    expect(short?.citations[0]?.law?.id).toBe(older);
    expect(full?.citations[0]?.law?.id).toBe(older);
    expect(prefixed?.citations[0]?.status).toBe('resolved');
  });

  it('says in Chinese what is missing: law, version in force, article, 款, 项', async () => {
    const text =
      '《不存在法》第一条；《示例管理法》第九百条；《示例管理法》第一条第二款；《示例管理法》第二条第一款第（九）项';
    const [result] = await resolveCitationTexts(ctx(), [text], '2022-01-01');
    const statuses = result?.citations.map((citation) => [citation.status, citation.problem]);
    expect(statuses).toEqual([
      ['lawNotFound', '法规库中没有《不存在法》'],
      ['articleNotFound', '《示例管理法》（2021年修订）没有第九百条'],
      ['paragraphNotFound', '《示例管理法》（2021年修订）第一条没有第二款（该条共1款）'],
      ['itemNotFound', '《示例管理法》（2021年修订）第二条第一款没有第（九）项'],
    ]);
  });

  it('reports a law not yet in force and a repealed one as not in force', async () => {
    const early = await resolveCitations(ctx(), '《示例管理法》第一条', '2009-01-01');
    expect(early.citations[0]?.status).toBe('notInForce');
    expect(early.citations[0]?.problem).toBe('《示例管理法》在2009年1月1日尚未施行');
    const repealed = await resolveCitations(ctx(), '《示例暂行条例》第一条', '2016-01-01');
    expect(repealed.citations[0]?.status).toBe('notInForce');
    expect(repealed.citations[0]?.problem).toBe('《示例暂行条例》已于2015年1月1日废止');
  });

  it('resolves a batch of texts in order, keeping parse problems per text', async () => {
    const texts = Array.from({ length: 500 }, (_, index) => `《示例管理法》第${(index % 8) + 1}条`);
    texts.push('《示例管理法》第五十八款');
    const results = await resolveCitationTexts(ctx(), texts, '2024-01-01');
    expect(results).toHaveLength(501);
    expect(results.slice(0, 500).every((result) => result.citations[0]?.status === 'resolved')).toBe(true);
    expect(results[7]?.citations[0]?.article).toBe(8);
    expect(results[500]?.problems).toHaveLength(1);
  });
});
