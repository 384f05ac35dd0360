import { describe, expect, it } from 'vitest';
import type { LawArticleView } from '../../../../../contracts/law';
import { articleAnchorOf, articleElementId, headingTreeOf } from './law-outline';

const article = (
  number: number,
  place: { part?: string; chapter?: string; section?: string },
  subNumber = 0,
): LawArticleView => ({
  id: `a${number}-${subNumber}`,
  ordinal: number,
  number,
  subNumber,
  label: `第${number}条`,
  part: place.part ?? null,
  chapter: place.chapter ?? null,
  section: place.section ?? null,
  text: '',
  paragraphs: [],
});

describe('the ?article= deep link', () => {
  it('reads 58 and 58-1 (第五十八条之一) to the element ids the articles carry', () => {
    expect(articleAnchorOf('58')).toBe(articleElementId({ number: 58, subNumber: 0 }));
    expect(articleAnchorOf('58-1')).toBe(articleElementId({ number: 58, subNumber: 1 }));
    expect(articleAnchorOf('058')).toBe('article-58');
    expect(articleAnchorOf('58-0')).toBe('article-58');
  });

  it('ignores an anchor that is not an article number', () => {
    expect(articleAnchorOf(null)).toBeNull();
    expect(articleAnchorOf('第五十八条')).toBeNull();
    expect(articleAnchorOf('58;alert(1)')).toBeNull();
  });
});

describe('the 编/章/节 outline', () => {
  it('nests sections in chapters in parts, each heading pointing at its first article', () => {
    const tree = headingTreeOf([
      article(1, { part: '第一编 总则', chapter: '第一章 基本规定' }),
      article(2, { part: '第一编 总则', chapter: '第一章 基本规定' }),
      article(3, { part: '第一编 总则', chapter: '第二章 自然人', section: '第一节 民事权利能力' }),
      article(4, { part: '第一编 总则', chapter: '第二章 自然人', section: '第二节 监护' }),
      article(5, { part: '第二编 物权', chapter: '第一章 一般规定' }),
    ]);
    const outline = (nodes: typeof tree): unknown[] =>
      nodes.map((node) => [
        node.title,
        node.target,
        ...(node.children.length ? [outline(node.children)] : []),
      ]);
    expect(outline(tree)).toEqual([
      [
        '第一编 总则',
        'article-1',
        [
          ['第一章 基本规定', 'article-1'],
          [
            '第二章 自然人',
            'article-3',
            [
              ['第一节 民事权利能力', 'article-3'],
              ['第二节 监护', 'article-4'],
            ],
          ],
        ],
      ],
      ['第二编 物权', 'article-5', [['第一章 一般规定', 'article-5']]],
    ]);
  });

  it('gives no tree for a law without chapters', () => {
    expect(headingTreeOf([article(1, {}), article(2, {})])).toEqual([]);
  });

  it('starts a heading again when the same chapter name returns under another part', () => {
    const tree = headingTreeOf([
      article(1, { part: '第一编', chapter: '第一章 一般规定' }),
      article(2, { part: '第二编', chapter: '第一章 一般规定' }),
    ]);
    expect(tree.map((node) => node.children.map((child) => child.target))).toEqual([
      ['article-1'],
      ['article-2'],
    ]);
  });
});
