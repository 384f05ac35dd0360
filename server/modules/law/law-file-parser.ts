import { createHash } from 'node:crypto';
import { lawLevelLabels, lawLevels, type LawLevel } from '../../../contracts/law';
import { numeralCharacters, parseNumeral } from './chinese-numerals';
import { shortTitleOf } from './law-rules';

/**
 * Reads one law file into a version and its articles. Two formats:
 * - Markdown as in the LawRefBook collection: `# 标题` (a second `# 物权编` names the part of a code
 *   split over several files), history lines, `<!-- INFO END -->`, `##`… headings for 编/章/节,
 *   paragraphs starting `第X条 `;
 * - plain text: the first non-empty line is the title, lines starting with a date are history,
 *   `效力层级：行政法规` states the level, 编/章/节 lines and `第X条 ` paragraphs as in Markdown.
 * Text outside articles (a preamble, appendices after a heading) is not kept as an article.
 * Pure: the caller reads the file.
 */

export interface ParsedParagraph {
  text: string;
  items: string[];
}

export interface ParsedArticle {
  number: number;
  subNumber: number;
  /** 第五十八条 as written */
  label: string;
  part: string | null;
  chapter: string | null;
  section: string | null;
  /** 款 separated by newlines, each followed by its 项 lines */
  text: string;
  paragraphs: ParsedParagraph[];
}

export interface ParsedLaw {
  title: string;
  shortTitle: string;
  level: LawLevel;
  /** the collection's folder (行政法, 经济法…) */
  category: string | null;
  issuer: string | null;
  versionDate: string;
  promulgatedOn: string | null;
  effectiveOn: string | null;
  history: string[];
  /** the part of a code this file holds (民法典's 物权编), from a second `#` heading */
  filePart: string | null;
  articles: ParsedArticle[];
  /** SHA-256 of the file's text */
  contentHash: string;
}

export interface LawFileInput {
  /** the path relative to the folder imported (行政法/行政处罚法(2021-01-22).md), or an uploaded file's name */
  path: string;
  text: string;
}

export class LawFileProblem extends Error {}

const numeral = `[${numeralCharacters}]+`;
const articleStart = new RegExp(`^(第(${numeral})条(?:之(${numeral}))?)[ \\u3000\\t]+(.*)$`);
const headingKind = new RegExp(`^第${numeral}(分编|编|章|节)`);
const itemStart = /^[（(][一二三四五六七八九十百]+[）)]/;
const subItemStart = /^\d+[.．、]/;
const historyDate = /^(\d{4})年(\d{1,2})月(\d{1,2})日/;
const fileNameDate = /\((\d{4}-\d{2}-\d{2})\)\.(?:md|txt)$/i;
const onlyEffective = /^\d{4}年\d{1,2}月\d{1,2}日\s*起?施行$/;
const effectiveClause = /自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/;
const issuers = ['全国人民代表大会常务委员会', '全国人民代表大会', '国务院', '中央军事委员会'];

const isoDate = (match: RegExpExecArray | RegExpMatchArray) =>
  `${match[1] ?? ''}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;

const clean = (line: string) => line.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '');

/**
 * The level of a file: 行政法规 and 部门规章 by their folders; in the other folders (the NPC's
 * collection) a title ending 条例/规定/办法 is still a law when the NPC or its Standing Committee
 * adopted it (学位条例, 户口登记条例 are), and an administrative regulation only when its history
 * names the State Council and not the NPC. A plain-text file may say `效力层级：…`.
 */
function levelOf(folders: string[], history: string[], stated: string | null): LawLevel {
  if (stated) {
    const level = lawLevels.find((candidate) => lawLevelLabels[candidate] === stated);
    if (level) return level;
  }
  if (folders.includes('行政法规')) return 'adminRegulation';
  if (folders.includes('部门规章')) return 'departmentRule';
  const byHistory = history.join('');
  if (!byHistory.includes('全国人民代表大会') && byHistory.includes('国务院')) return 'adminRegulation';
  return 'law';
}

/** Who issued it: a department rule's ministry folder, else the body its history names first. */
function issuerOf(folders: string[], history: string[], level: LawLevel): string | null {
  if (level === 'departmentRule') {
    const ministry = folders[folders.indexOf('部门规章') + 1];
    if (ministry) return ministry;
  }
  const joined = history.join('\n');
  let found: { issuer: string; at: number } | null = null;
  for (const issuer of issuers) {
    const at = joined.indexOf(issuer);
    if (at >= 0 && (!found || at < found.at || (at === found.at && issuer.length > found.issuer.length)))
      found = { issuer, at };
  }
  return found?.issuer ?? null;
}

interface ArticleBuilder {
  number: number;
  subNumber: number;
  label: string;
  part: string | null;
  chapter: string | null;
  section: string | null;
  paragraphs: ParsedParagraph[];
}

function addLine(article: ArticleBuilder, line: string) {
  const last = article.paragraphs.at(-1);
  if (itemStart.test(line) && last) {
    last.items.push(line);
    return;
  }
  // 1．… under an item is part of that item; under a 款 ending with a colon it is an item itself
  if (subItemStart.test(line) && last) {
    if (last.items.length > 0) {
      last.items[last.items.length - 1] = `${last.items.at(-1) ?? ''}\n${line}`;
      return;
    }
    if (/[：:]$/.test(last.text)) {
      last.items.push(line);
      return;
    }
  }
  article.paragraphs.push({ text: line, items: [] });
}

function finish(article: ArticleBuilder): ParsedArticle {
  return {
    number: article.number,
    subNumber: article.subNumber,
    label: article.label,
    part: article.part,
    chapter: article.chapter,
    section: article.section,
    text: article.paragraphs.map((paragraph) => [paragraph.text, ...paragraph.items].join('\n')).join('\n'),
    paragraphs: article.paragraphs,
  };
}

/** Parses one law file (Markdown or plain text); throws LawFileProblem with a Chinese message when it has no title or date. */
export function parseLawFile(input: LawFileInput): ParsedLaw {
  const isMarkdown = !/\.txt$/i.test(input.path);
  const text = input.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n').map(clean);
  const folders = input.path.split(/[/\\]/).slice(0, -1);

  let title: string | null = null;
  let filePart: string | null = null;
  let statedLevel: string | null = null;
  const history: string[] = [];
  let index = 0;
  // the head: title, a part name, history lines, up to INFO END (Markdown) or the first heading/article (text)
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!line) continue;
    if (isMarkdown && line === '<!-- INFO END -->') {
      index += 1;
      break;
    }
    if (!isMarkdown && title && (articleStart.test(line) || headingKind.test(line))) break;
    const heading = /^(#+)\s*(.*)$/.exec(line);
    if (!title) {
      title = clean(heading ? (heading[2] ?? '') : line).replace(/\s+/g, '');
      continue;
    }
    if (heading && heading[1] === '#' && !filePart) {
      filePart = clean(heading[2] ?? '');
      continue;
    }
    if (isMarkdown && heading) break;
    const level = /^效力层级[：:]\s*(.+)$/.exec(line);
    if (level) {
      statedLevel = clean(level[1] ?? '');
      continue;
    }
    if (historyDate.test(line) || isMarkdown) history.push(line);
    else break;
  }
  if (!title) throw new LawFileProblem('文件中没有标题');

  const articles: ParsedArticle[] = [];
  const seen = new Set<string>();
  let part: string | null = filePart;
  let chapter: string | null = null;
  let section: string | null = null;
  let current: ArticleBuilder | null = null;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!line || line.startsWith('<!--')) continue;
    const heading = /^#+\s*(.*)$/.exec(line);
    const headingText = heading ? clean(heading[1] ?? '').replace(/\s+/g, ' ') : line;
    const kind = headingKind.exec(headingText)?.[1] ?? null;
    if (heading || (!isMarkdown && kind && !articleStart.test(line))) {
      if (current) articles.push(finish(current));
      current = null;
      if (kind === '编') {
        part = filePart && filePart !== headingText ? `${filePart} ${headingText}` : headingText;
        chapter = null;
        section = null;
      } else if (kind === '分编') {
        part = filePart ? `${filePart} ${headingText}` : headingText;
        chapter = null;
        section = null;
      } else if (kind === '节') {
        section = headingText;
      } else {
        chapter = headingText;
        section = null;
      }
      continue;
    }
    const start = articleStart.exec(line);
    if (start) {
      const number = parseNumeral(start[2] ?? '');
      const subNumber = start[3] === undefined ? 0 : parseNumeral(start[3]);
      const key = `${number ?? ''}:${subNumber ?? ''}`;
      // a repeated number (an appendix quoting another text) continues the article before it
      if (number !== null && subNumber !== null && !seen.has(key)) {
        seen.add(key);
        if (current) articles.push(finish(current));
        current = {
          number,
          subNumber,
          label: start[1] ?? '',
          part,
          chapter,
          section,
          paragraphs: [],
        };
        addLine(current, clean(start[4] ?? ''));
        continue;
      }
    }
    if (current) addLine(current, line);
  }
  if (current) articles.push(finish(current));

  const dates = history.flatMap((line) => {
    const match = historyDate.exec(line);
    return match ? [isoDate(match)] : [];
  });
  // a line that only says when it takes effect (2021年1月1日 施行) does not name a version
  const versionDates = history.flatMap((line) => {
    const match = historyDate.exec(line);
    return match && !onlyEffective.test(line) ? [isoDate(match)] : [];
  });
  const fromName = fileNameDate.exec(input.path)?.[1] ?? null;
  const versionDate = fromName ?? versionDates.at(-1) ?? dates.at(-1) ?? null;
  if (!versionDate)
    throw new LawFileProblem('无法确定版本日期：文件名中没有（YYYY-MM-DD），历史沿革中也没有日期');
  const level = levelOf(folders, history, statedLevel);
  return {
    title,
    shortTitle: shortTitleOf(title),
    level,
    category: folders[0] ?? null,
    issuer: issuerOf(folders, history, level),
    versionDate,
    promulgatedOn: dates[0] ?? null,
    effectiveOn: effectiveDate(history, articles, versionDate),
    history,
    filePart,
    articles,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

/**
 * The day this version took effect: a history line saying 施行, else the article saying
 * 自…起施行 (自公布之日起施行 → the version date). A date before the version date belongs to
 * the first version (a 修正 keeps the original clause), so it is not taken; null when unknown.
 */
function effectiveDate(history: string[], articles: ParsedArticle[], versionDate: string): string | null {
  const candidates: string[] = [];
  for (const line of history) {
    const match = historyDate.exec(line);
    if (match && line.includes('施行')) candidates.push(isoDate(match));
  }
  for (const article of articles.slice(-5).reverse()) {
    const clause = effectiveClause.exec(article.text);
    if (clause) {
      candidates.push(isoDate(clause));
      break;
    }
    if (/自公布之日起施行/.test(article.text)) {
      candidates.push(versionDate);
      break;
    }
  }
  return candidates.find((date) => date >= versionDate) ?? null;
}
