import { describe, expect, it } from 'vitest';
import { highlight, searchQuery, segmentWords, segmentedText } from './chinese-search';

describe('Chinese search segmentation and highlighting', () => {
  it('splits Chinese into words, drops punctuation, and indexes two-character pieces of longer words', () => {
    const words = segmentWords('中华人民共和国行政处罚法，第五十八条。');
    expect(words).toContain('行政');
    expect(words).toContain('处罚');
    expect(words).not.toContain('，');
    // a query for a part of a long word still meets it in the index
    expect(segmentWords('人民政府')).toEqual(expect.arrayContaining(['人民政府', '人民', '政府']));
    expect(segmentWords('人民政府', { expandLongWords: false })).toEqual(['人民政府']);
  });

  it('stores space-joined words and builds an AND query of the words, none for an empty query', () => {
    expect(segmentedText('食品安全 监督')).toBe('食品 安全 监督');
    expect(searchQuery('  ，。 ')).toBeNull();
    expect(searchQuery('食品安全')).not.toBeNull();
  });

  it('marks every hit of the query in a window around the first one', () => {
    const text = `${'前文'.repeat(100)}未取得食品生产经营许可从事食品生产经营活动的，没收违法所得`;
    const pieces = highlight(text, '食品 许可', 60);
    expect(pieces[0]).toEqual({ text: '…', isHit: false });
    const hits = pieces.filter((piece) => piece.isHit).map((piece) => piece.text);
    expect(hits).toEqual(['食品', '许可', '食品']);
    expect(pieces.map((piece) => piece.text).join('')).toContain('未取得食品生产经营许可');
    expect(highlight('短文本', '')).toEqual([{ text: '短文本', isHit: false }]);
  });
});
