import type { CitationProblem, CitationReference } from '../../../contracts/law';
import { numeralCharacters, parseNumeral } from './chinese-numerals';

/**
 * Reads the law citations in a text: 《title》 followed by 第X条[之Y][第X款][第（X）项], with lists
 * (、 和 及 与 或), ranges (至) and several laws in one text. A 款 or 项 after a separator applies to
 * the article cited just before it (第三十二条第一款、第二款). Pure: no database.
 */

const numeral = `([${numeralCharacters}]+)`;
const articlePattern = new RegExp(`第${numeral}条(?:之${numeral})?`, 'y');
const paragraphPattern = new RegExp(`第${numeral}款`, 'y');
const itemPattern = new RegExp(`第(?:[（(]${numeral}[）)]|${numeral})项`, 'y');
const separatorPattern = /\s*(?:以及|或者|、|，|,|和|及|与|或)\s*/y;
const rangePattern = /\s*(?:至|到|—|－|-|~|～)\s*/y;
/** A version note between the title and the article: 《…》（2021年修订）第五十八条. */
const versionNotePattern = /\s*[（(][^（）()《》]{1,20}[）)]\s*/y;
const spacePattern = /\s*/y;
/** What looks like a citation tail but is not one: 第五十八款 with no 条, or 第五十八 alone. */
const unreadableTailPattern = new RegExp(
  `第[${numeralCharacters}（）()]+(?:款|项|(?=[、，,。；;\\s]|$))`,
  'y',
);

/** The most references one range (第一条至第X条) may expand to; a longer one is a problem, not thousands of rows. */
const maxRangeLength = 200;

type Level = 'article' | 'paragraph' | 'item';

interface Token {
  level: Level;
  start: number;
  end: number;
  article?: { number: number; sub: number };
  value?: number;
}

interface Position {
  article: number;
  articleSub: number;
  paragraph: number | null;
  item: number | null;
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** One 第…条 / 第…款 / 第…项 at `at`, or null. */
function readToken(text: string, at: number): Token | null {
  const article = matchAt(articlePattern, text, at);
  if (article) {
    const number = parseNumeral(article[1] ?? '');
    const sub = article[2] === undefined ? 0 : parseNumeral(article[2]);
    if (number === null || number === 0 || sub === null) return null;
    return { level: 'article', start: at, end: at + article[0].length, article: { number, sub } };
  }
  const paragraph = matchAt(paragraphPattern, text, at);
  if (paragraph) {
    const value = parseNumeral(paragraph[1] ?? '');
    if (value === null || value === 0) return null;
    return { level: 'paragraph', start: at, end: at + paragraph[0].length, value };
  }
  const item = matchAt(itemPattern, text, at);
  if (item) {
    const value = parseNumeral(item[1] ?? item[2] ?? '');
    if (value === null || value === 0) return null;
    return { level: 'item', start: at, end: at + item[0].length, value };
  }
  return null;
}

/** Applies a token to the position cited just before it: an article starts afresh, a 款 keeps the article, a 项 keeps both. */
function advance(position: Position | null, token: Token): Position | null {
  if (token.level === 'article' && token.article)
    return { article: token.article.number, articleSub: token.article.sub, paragraph: null, item: null };
  if (!position) return null;
  if (token.level === 'paragraph') return { ...position, paragraph: token.value ?? null, item: null };
  return { ...position, item: token.value ?? null };
}

/** 第X条第Y款第（Z）项 read as far as it goes from `at`: the position and where it ends, or null. */
function readChain(
  text: string,
  at: number,
  context: Position | null,
): { position: Position; end: number; first: Token; last: Token } | null {
  const token = readToken(text, at);
  if (!token) return null;
  let position = advance(context, token);
  if (!position) return null;
  let last = token;
  let end = token.end;
  for (;;) {
    const next = readToken(text, end);
    // a deeper level only: 第三条第一款 continues, 第三条第四条 does not
    if (!next || levelDepth(next.level) <= levelDepth(last.level)) break;
    const moved = advance(position, next);
    if (!moved) break;
    position = moved;
    last = next;
    end = next.end;
  }
  return { position, end, first: token, last };
}

const levelDepth = (level: Level) => (level === 'article' ? 0 : level === 'paragraph' ? 1 : 2);

function reference(
  lawTitle: string,
  text: string,
  start: number,
  end: number,
  position: Position,
): CitationReference {
  return { raw: text.slice(start, end), start, end, lawTitle, ...position };
}

/** The positions strictly between `from` and `to` at the level of `to`'s last token (a range 第三十二条至第三十五条). */
function expandRange(from: Position, to: Position, level: Level): Position[] | 'tooLong' | 'backwards' {
  const between: Position[] = [];
  if (level === 'article') {
    if (to.article < from.article || (to.article === from.article && to.articleSub <= from.articleSub))
      return 'backwards';
    if (to.article - from.article > maxRangeLength) return 'tooLong';
    for (let number = from.article + 1; number < to.article; number += 1)
      between.push({ article: number, articleSub: 0, paragraph: null, item: null });
    return between;
  }
  const key = level === 'paragraph' ? 'paragraph' : 'item';
  const low = from[key];
  const high = to[key];
  if (low === null || high === null || high <= low) return 'backwards';
  if (high - low > maxRangeLength) return 'tooLong';
  for (let value = low + 1; value < high; value += 1) between.push({ ...to, [key]: value });
  return between;
}

/** The longest title 《…》 read; a longer bracket is prose, not a law title. */
const maxTitleLength = 100;

/**
 * The 《…》 spans of `text`, outermost only: a title may hold another one
 * (《国务院关于实施《中华人民共和国公司法》注册资本登记管理制度的规定》), as 〈〉 or as 《》.
 */
function titleSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let index = text.indexOf('《');
  while (index >= 0) {
    let depth = 0;
    let end = -1;
    for (let at = index; at < text.length && at - index <= maxTitleLength + 1; at += 1) {
      const character = text[at];
      if (character === '\n') break;
      if (character === '《') depth += 1;
      else if (character === '》' && (depth -= 1) === 0) {
        end = at + 1;
        break;
      }
    }
    if (end > index + 2) {
      spans.push({ start: index, end });
      index = text.indexOf('《', end);
    } else index = text.indexOf('《', index + 1);
  }
  return spans;
}

/** The references and the unreadable citation tails in `text`. */
export function parseCitations(text: string): {
  references: CitationReference[];
  problems: CitationProblem[];
} {
  const references: CitationReference[] = [];
  const problems: CitationProblem[] = [];
  for (const { start: titleStart, end: titleEnd } of titleSpans(text)) {
    const lawTitle = text.slice(titleStart + 1, titleEnd - 1).trim();
    let at = titleEnd;
    const note = matchAt(versionNotePattern, text, at);
    if (note && readToken(text, at + note[0].length)) at += note[0].length;
    else at = (matchAt(spacePattern, text, at)?.[0].length ?? 0) + at;

    const first = readChain(text, at, null);
    if (!first) {
      const tail = matchAt(unreadableTailPattern, text, at);
      if (tail)
        problems.push({
          raw: text.slice(titleStart, at + tail[0].length),
          start: titleStart,
          message: `引用《${lawTitle}》的“${tail[0]}”无法识别：没有写明第几条`,
        });
      continue;
    }
    references.push(reference(lawTitle, text, titleStart, first.end, first.position));
    let previous = first;
    let end = first.end;
    for (;;) {
      const separator = matchAt(separatorPattern, text, end);
      const range = separator ? null : matchAt(rangePattern, text, end);
      const joint = separator ?? range;
      if (!joint) break;
      const nextStart = end + joint[0].length;
      const next = readChain(text, nextStart, previous.position);
      if (!next) break;
      if (range) {
        const between = expandRange(previous.position, next.position, next.first.level);
        if (between === 'tooLong' || between === 'backwards') {
          problems.push({
            raw: text.slice(previous.last.start, next.end),
            start: previous.last.start,
            message:
              between === 'tooLong'
                ? `引用《${lawTitle}》的范围“${text.slice(previous.last.start, next.end)}”过长，请分别列出`
                : `引用《${lawTitle}》的范围“${text.slice(previous.last.start, next.end)}”起止颠倒`,
          });
        } else {
          for (const position of between)
            references.push(reference(lawTitle, text, previous.last.start, next.end, position));
        }
      }
      references.push(reference(lawTitle, text, nextStart, next.end, next.position));
      previous = next;
      end = next.end;
    }
  }
  return { references, problems };
}
