import { describe, expect, it } from 'vitest';
import { parseNumeral, toChineseNumeral } from './chinese-numerals';
import { parseCitations } from './citation-parser';

/** The references of a text as [title, article, sub, paragraph, item] rows, easy to compare. */
const cited = (text: string) =>
  parseCitations(text).references.map((reference) => [
    reference.lawTitle,
    reference.article,
    reference.articleSub,
    reference.paragraph,
    reference.item,
  ]);

describe('Chinese numerals in article numbers', () => {
  it('reads the numbers statutes use, written in characters or digits', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['十', 10],
      ['十五', 15],
      ['二十', 20],
      ['二十三', 23],
      ['一百', 100],
      ['一百零八', 108],
      ['一百一十', 110],
      ['一百二十', 120],
      ['两百', 200],
      ['一千二百六十', 1260],
      ['一千零一', 1001],
      ['一万零一', 10_001],
      ['58', 58],
      ['５８', 58],
    ];
    for (const [written, value] of cases) expect(parseNumeral(written), written).toBe(value);
  });

  it('refuses what is not a number', () => {
    expect(parseNumeral('五八十x')).toBeNull();
    expect(parseNumeral('')).toBeNull();
  });

  it('writes numbers back the way statutes number articles, round trip up to 1,300', () => {
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(58)).toBe('五十八');
    expect(toChineseNumeral(108)).toBe('一百零八');
    expect(toChineseNumeral(110)).toBe('一百一十');
    expect(toChineseNumeral(1260)).toBe('一千二百六十');
    for (let value = 1; value <= 1300; value += 1) expect(parseNumeral(toChineseNumeral(value))).toBe(value);
  });
});

describe('parseCitations', () => {
  it('reads a full citation down to the 项, with offsets of the text cited', () => {
    const text = '依据《中华人民共和国行政处罚法》第五十八条第一款第（三）项的规定，决定如下。';
    const { references, problems } = parseCitations(text);
    expect(problems).toEqual([]);
    expect(references).toEqual([
      {
        raw: '《中华人民共和国行政处罚法》第五十八条第一款第（三）项',
        start: 2,
        end: 2 + '《中华人民共和国行政处罚法》第五十八条第一款第（三）项'.length,
        lawTitle: '中华人民共和国行政处罚法',
        article: 58,
        articleSub: 0,
        paragraph: 1,
        item: 3,
      },
    ]);
    const [reference] = references;
    expect(text.slice(reference?.start, reference?.end)).toBe(reference?.raw);
  });

  it('reads Arabic numbers, short titles, 之一, 第三项 without brackets and half-width brackets', () => {
    expect(cited('《行政处罚法》第58条')).toEqual([['行政处罚法', 58, 0, null, null]]);
    expect(cited('《中华人民共和国刑法》第一百二十条之一')).toEqual([
      ['中华人民共和国刑法', 120, 1, null, null],
    ]);
    expect(cited('《治安管理处罚法》第十条之二第一款')).toEqual([['治安管理处罚法', 10, 2, 1, null]]);
    expect(cited('《行政许可法》第十二条第三项')).toEqual([['行政许可法', 12, 0, null, 3]]);
    expect(cited('《行政许可法》第十二条第(六)项')).toEqual([['行政许可法', 12, 0, null, 6]]);
    expect(cited('《行政强制法》 第 ')).toEqual([]);
    expect(cited('《行政复议法》第一千二百六十条')).toEqual([['行政复议法', 1260, 0, null, null]]);
  });

  it('gives one reference per article of a list, each with the law title before it', () => {
    expect(cited('《行政处罚法》第三十二条、第三十三条')).toEqual([
      ['行政处罚法', 32, 0, null, null],
      ['行政处罚法', 33, 0, null, null],
    ]);
    expect(cited('根据《行政处罚法》第三十二条和第三十三条的规定')).toEqual([
      ['行政处罚法', 32, 0, null, null],
      ['行政处罚法', 33, 0, null, null],
    ]);
    expect(cited('《行政强制法》第十条、第十一条及第十二条第二款')).toEqual([
      ['行政强制法', 10, 0, null, null],
      ['行政强制法', 11, 0, null, null],
      ['行政强制法', 12, 0, 2, null],
    ]);
    const { references } = parseCitations('《行政处罚法》第三十二条、第三十三条');
    expect(references[1]?.raw).toBe('第三十三条');
    expect(references[1]?.start).toBe('《行政处罚法》第三十二条、'.length);
  });

  it('applies a 款 list to the same article and a 项 list to the same 款', () => {
    expect(cited('《行政处罚法》第三十二条第一款、第二款')).toEqual([
      ['行政处罚法', 32, 0, 1, null],
      ['行政处罚法', 32, 0, 2, null],
    ]);
    expect(cited('《行政处罚法》第五十七条第一款第（一）项、第（二）项和第二款')).toEqual([
      ['行政处罚法', 57, 0, 1, 1],
      ['行政处罚法', 57, 0, 1, 2],
      ['行政处罚法', 57, 0, 2, null],
    ]);
  });

  it('expands ranges of articles, 款 and 项', () => {
    expect(cited('《行政处罚法》第三十二条至第三十五条')).toEqual([
      ['行政处罚法', 32, 0, null, null],
      ['行政处罚法', 33, 0, null, null],
      ['行政处罚法', 34, 0, null, null],
      ['行政处罚法', 35, 0, null, null],
    ]);
    expect(cited('《行政许可法》第十二条第（一）项至第（三）项')).toEqual([
      ['行政许可法', 12, 0, null, 1],
      ['行政许可法', 12, 0, null, 2],
      ['行政许可法', 12, 0, null, 3],
    ]);
    expect(cited('《行政许可法》第八条第一款至第三款')).toEqual([
      ['行政许可法', 8, 0, 1, null],
      ['行政许可法', 8, 0, 2, null],
      ['行政许可法', 8, 0, 3, null],
    ]);
  });

  it('refuses a backwards or absurdly long range as a problem, not thousands of references', () => {
    const backwards = parseCitations('《行政处罚法》第三十五条至第三十二条');
    expect(backwards.problems[0]?.message).toContain('起止颠倒');
    const long = parseCitations('《刑法》第一条至第九百条');
    expect(long.problems[0]?.message).toContain('过长');
    expect(long.references).toHaveLength(2);
  });

  it('reads several laws in one text of running prose', () => {
    const text =
      '当事人的行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定，依据《食品安全法》第一百二十四条第一款第（一）项和《行政处罚法》第二十八条的规定，决定如下：';
    expect(cited(text)).toEqual([
      ['中华人民共和国食品安全法', 34, 0, null, 10],
      ['食品安全法', 124, 0, 1, 1],
      ['行政处罚法', 28, 0, null, null],
    ]);
  });

  it('reads a title holding another title, in 《》 or 〈〉', () => {
    expect(cited('依据《国务院关于实施《中华人民共和国公司法》注册资本登记管理制度的规定》第二条')).toEqual([
      ['国务院关于实施《中华人民共和国公司法》注册资本登记管理制度的规定', 2, 0, null, null],
    ]);
    expect(cited('《中国人民解放军实施〈中华人民共和国药品管理法〉办法》第三条')).toEqual([
      ['中国人民解放军实施〈中华人民共和国药品管理法〉办法', 3, 0, null, null],
    ]);
    expect(cited('《未闭合的书名号第三条')).toEqual([]);
  });

  it('skips a version note between the title and the article', () => {
    expect(cited('《行政处罚法》（2021年修订）第五十八条')).toEqual([['行政处罚法', 58, 0, null, null]]);
  });

  it('takes a title with nothing after it as no reference and no problem', () => {
    expect(parseCitations('请学习《中华人民共和国行政处罚法》。')).toEqual({ references: [], problems: [] });
    expect(parseCitations('《行政处罚法》第一次修正后')).toEqual({ references: [], problems: [] });
    expect(parseCitations('《行政处罚法》第五章规定的程序')).toEqual({ references: [], problems: [] });
    expect(parseCitations('没有任何引用的文字')).toEqual({ references: [], problems: [] });
  });

  it('reports an unreadable tail (款 or 项 with no 条) as a problem in Chinese', () => {
    const { references, problems } = parseCitations('依据《行政处罚法》第五十八款的规定');
    expect(references).toEqual([]);
    expect(problems).toEqual([
      {
        raw: '《行政处罚法》第五十八款',
        start: 2,
        message: '引用《行政处罚法》的“第五十八款”无法识别：没有写明第几条',
      },
    ]);
    expect(parseCitations('《行政处罚法》第（三）项').problems).toHaveLength(1);
    expect(parseCitations('《行政处罚法》第五十八。').problems).toHaveLength(1);
  });

  it('stops a list at what is not a citation and does not carry a title across laws', () => {
    expect(cited('《行政处罚法》第三十二条和其他规定，以及第三十三条')).toEqual([
      ['行政处罚法', 32, 0, null, null],
    ]);
    expect(cited('《行政许可法》第十二条、《行政强制法》第十条')).toEqual([
      ['行政许可法', 12, 0, null, null],
      ['行政强制法', 10, 0, null, null],
    ]);
  });
});
