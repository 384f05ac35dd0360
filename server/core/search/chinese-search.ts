import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { HighlightedPiece } from '../../../contracts/law';

/**
 * Chinese full-text search, written once (DESIGN.md core mechanism 8): PostgreSQL's `simple`
 * parser does not split Chinese, so text is segmented in Node with Intl.Segmenter and stored as
 * space-joined words in a `simple` tsvector under a GIN index. Single characters are kept as
 * well, so a one-character query still matches.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Words longer than this are split further into overlapping two-character pieces, so a part of a long word still matches. */
const longWord = 2;

/** The words of `text` for indexing or querying, lower-cased, punctuation dropped, in order. */
export function segmentWords(text: string, options: { expandLongWords?: boolean } = {}): string[] {
  const expand = options.expandLongWords ?? true;
  const words: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!part.isWordLike) continue;
    const word = part.segment.replace(/[\s'":\\&|!()<>*]/g, '');
    if (!word) continue;
    words.push(word);
    if (expand && /\p{Script=Han}/u.test(word) && Array.from(word).length > longWord) {
      const chars = Array.from(word);
      for (let index = 0; index + 2 <= chars.length; index += 1)
        words.push(chars.slice(index, index + 2).join(''));
    }
  }
  return words;
}

/** The text to store in a search column: segmented words joined by spaces (cast to tsvector by `toSearchVector`). */
export const segmentedText = (text: string): string => segmentWords(text).join(' ');

/** SQL for a tsvector built from already segmented text. */
export const toSearchVector = (segmented: string): SQL => sql`to_tsvector('simple', ${segmented})`;

/** A tsquery requiring every word of the user's query (segmented the same way as the index). Null for an empty query. */
export function searchQuery(query: string): SQL | null {
  const terms = [...new Set(segmentWords(query, { expandLongWords: false }))];
  if (terms.length === 0) return null;
  return sql`to_tsquery('simple', ${terms.map((term) => `'${term}'`).join(' & ')})`;
}

/** `column @@ query`, or null when the query has no words. */
export function matchesSearch(column: AnyColumn | SQL, query: string): SQL | null {
  const tsquery = searchQuery(query);
  return tsquery ? sql`${column} @@ ${tsquery}` : null;
}

/** The rank of a row for ordering hits (ts_rank_cd over the stored vector). */
export function searchRank(column: AnyColumn | SQL, query: string): SQL {
  const tsquery = searchQuery(query);
  return tsquery ? sql`ts_rank_cd(${column}, ${tsquery})` : sql`0`;
}

/** A piece of text with the query's words marked, for highlighting without sending HTML. */
export type { HighlightedPiece };

/**
 * Splits `text` around the query's words (longest first), at most `maxLength` characters around
 * the first hit, so a result list can show a snippet with its hits highlighted.
 */
export function highlight(text: string, query: string, maxLength = 160): HighlightedPiece[] {
  const terms = [...new Set(segmentWords(query, { expandLongWords: false }))].sort(
    (a, b) => b.length - a.length,
  );
  if (terms.length === 0) return [{ text: text.slice(0, maxLength), isHit: false }];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  const lower = text.toLowerCase();
  const firstHit = lower.search(pattern);
  const start = firstHit > maxLength / 3 ? firstHit - Math.floor(maxLength / 3) : 0;
  const window = text.slice(start, start + maxLength);
  const pieces: HighlightedPiece[] = [];
  if (start > 0) pieces.push({ text: '…', isHit: false });
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    const index = match.index;
    if (index > last) pieces.push({ text: window.slice(last, index), isHit: false });
    pieces.push({ text: match[0], isHit: true });
    last = index + match[0].length;
  }
  if (last < window.length) pieces.push({ text: window.slice(last), isHit: false });
  if (start + maxLength < text.length) pieces.push({ text: '…', isHit: false });
  return pieces;
}
