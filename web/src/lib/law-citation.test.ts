import { describe, expect, it } from 'vitest';
import { lawArticlePath } from '../config/paths';
import { chineseNumber, citedPlace } from './law-citation';

describe('citations written the way statutes write them', () => {
  it('writes article numbers in Chinese numerals (十二 not 一十二, 一百零五, 一百一十)', () => {
    const written = [1, 10, 12, 20, 58, 100, 105, 110, 1010].map(chineseNumber);
    expect(written).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '五十八',
      '一百',
      '一百零五',
      '一百一十',
      '一千零一十',
    ]);
  });

  it('names the article, its 之一, the 款 and the 项', () => {
    expect(citedPlace({ article: 58, articleSub: 0, paragraph: 1, item: 3 })).toBe(
      '第五十八条第一款第（三）项',
    );
    expect(citedPlace({ article: 133, articleSub: 1, paragraph: null, item: null })).toBe(
      '第一百三十三条之一',
    );
  });

  it('links to the article on the portal and in the console, 之一 as 58-1', () => {
    expect(lawArticlePath('portal', 'abc', { number: 58 })).toBe('/laws/abc?article=58');
    expect(lawArticlePath('console', 'abc', { number: 58, subNumber: 1 })).toBe(
      '/admin/law/abc?article=58-1',
    );
    expect(lawArticlePath('console', 'abc')).toBe('/admin/law/abc');
  });
});
