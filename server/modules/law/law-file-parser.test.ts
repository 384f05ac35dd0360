import { describe, expect, it } from 'vitest';
import { LawFileProblem, parseLawFile } from './law-file-parser';
import { hasLawData, lawFile } from './law-test-data';

describe.skipIf(!hasLawData())('parseLawFile on real files of the collection', () => {
  it('reads a law: title, short title, history, dates, chapters and sections, 款 and 项', () => {
    const law = parseLawFile(lawFile('行政法/行政处罚法(2021-01-22).md'));
    expect(law.title).toBe('中华人民共和国行政处罚法');
    expect(law.shortTitle).toBe('行政处罚法');
    expect(law.level).toBe('law');
    expect(law.category).toBe('行政法');
    expect(law.versionDate).toBe('2021-01-22');
    expect(law.promulgatedOn).toBe('1996-03-17');
    // "本法自2021年7月15日起施行" in the last article
    expect(law.effectiveOn).toBe('2021-07-15');
    expect(law.history).toHaveLength(4);
    expect(law.articles).toHaveLength(86);
    expect(law.articles.map((article) => article.number)).toEqual(
      Array.from({ length: 86 }, (_, i) => i + 1),
    );
    const article = law.articles[57];
    expect(article?.label).toBe('第五十八条');
    expect(article?.chapter).toBe('第五章 行政处罚的决定');
    expect(article?.section).toBe('第三节 普通程序');
    expect(article?.paragraphs).toHaveLength(2);
    expect(article?.paragraphs[0]?.items).toHaveLength(4);
    expect(article?.paragraphs[0]?.items[2]).toMatch(/^（三）/);
    expect(article?.text.split('\n')).toHaveLength(6);
  });

  it('takes the level from the folder: 行政法规 and 部门规章 (with the ministry as issuer)', () => {
    const regulation = parseLawFile(lawFile('行政法规/专利代理条例(2018-11-06).md'));
    expect(regulation.level).toBe('adminRegulation');
    expect(regulation.issuer).toBe('国务院');
    // the history line "2019年3月1日 施行"
    expect(regulation.effectiveOn).toBe('2019-03-01');
    const rule = parseLawFile(lawFile('部门规章/公安部/机动车登记规定(2021-12-17).md'));
    expect(rule.level).toBe('departmentRule');
    expect(rule.issuer).toBe('公安部');
  });

  it('keeps a 条例 adopted by the NPC Standing Committee a law, not a regulation', () => {
    const law = parseLawFile(lawFile('行政法/户口登记条例(1958-01-09).md'));
    expect(law.level).toBe('law');
  });

  it('reads 之一 articles and a version date from the history when the file name has none', () => {
    const criminal = parseLawFile(lawFile('刑法/刑法.md'));
    const article = criminal.articles.find(
      (candidate) => candidate.number === 120 && candidate.subNumber === 1,
    );
    expect(article?.label).toBe('第一百二十条之一');
    expect(criminal.versionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads a part of a code split over files: the part named by its second # heading', () => {
    const part = parseLawFile(lawFile('民法典/物权编.md'));
    expect(part.title).toBe('中华人民共和国民法典');
    expect(part.filePart).toBe('物权编');
    // "2021年1月1日 施行" names no version: the adoption date does
    expect(part.versionDate).toBe('2020-05-28');
    expect(part.effectiveOn).toBe('2021-01-01');
    expect(part.articles[0]?.number).toBe(205);
    expect(part.articles[0]?.part).toBe('物权编 第一分编 通则');
  });

  it("does not take a 修正 version's original commencement clause as its effective date", () => {
    const older = parseLawFile(lawFile('行政法/体育法(2016-11-07).md'));
    expect(older.effectiveOn).toBeNull();
    const newer = parseLawFile(lawFile('行政法/体育法(2022-06-24).md'));
    expect(newer.effectiveOn).toBe('2023-01-01');
  });
});

describe('parseLawFile on plain text', () => {
  it('reads the title from the first line, history lines, a stated level, headings and articles', () => {
    const text = [
      '',
      '示例市文明行为促进条例',
      '2020年6月1日 示例市人民代表大会常务委员会通过',
      '2020年9月1日 施行',
      '效力层级：地方性法规',
      '第一章 总则',
      '第一条 为了示例，制定本条例。',
      '第二条 本条例所称行为包括：',
      '（一）甲；',
      '（二）乙。',
      '前款规定以外的行为，另行规定。',
      '第二章 附则',
      '第三条 本条例自2020年9月1日起施行。',
    ].join('\r\n');
    const law = parseLawFile({ path: '示例市文明行为促进条例.txt', text });
    expect(law.title).toBe('示例市文明行为促进条例');
    expect(law.level).toBe('localRegulation');
    expect(law.versionDate).toBe('2020-06-01');
    expect(law.effectiveOn).toBe('2020-09-01');
    expect(law.history).toHaveLength(2);
    expect(law.articles.map((article) => [article.label, article.chapter])).toEqual([
      ['第一条', '第一章 总则'],
      ['第二条', '第一章 总则'],
      ['第三条', '第二章 附则'],
    ]);
    expect(law.articles[1]?.paragraphs).toEqual([
      { text: '本条例所称行为包括：', items: ['（一）甲；', '（二）乙。'] },
      { text: '前款规定以外的行为，另行规定。', items: [] },
    ]);
  });

  it('refuses a file with no title or no date, in Chinese', () => {
    expect(() => parseLawFile({ path: 'a.txt', text: '\n\n' })).toThrow(LawFileProblem);
    expect(() => parseLawFile({ path: 'a.txt', text: '某规定\n第一条 内容' })).toThrow('无法确定版本日期');
  });
});
