import { toChineseNumeral } from './chinese-numerals';

/** Pure rules of the law library: titles, labels, which version is in force on a day. */

const statePrefix = '中华人民共和国';

/** A title without spaces, a title inside it written 《》 as the collection does (〈公司法〉 → 《公司法》). */
export const normalTitle = (written: string): string =>
  written.replace(/\s+/g, '').replace(/〈/g, '《').replace(/〉/g, '》');

/** A title as written in a citation, tidied: no spaces, no version note (（2021年修订）) at its end. */
export function tidyTitle(written: string): string {
  return normalTitle(written)
    .replace(/[（(][^（）()]*\d{4}[^（）()]*[）)]$/, '')
    .trim();
}

/** The title without 中华人民共和国: the short form citations use (行政处罚法). */
export const shortTitleOf = (title: string): string =>
  title.startsWith(statePrefix) && title.length > statePrefix.length
    ? title.slice(statePrefix.length)
    : title;

/** The titles a written title may stand for: as written, without a version note, without 中华人民共和国 and with it. */
export function titleVariants(written: string): string[] {
  const asWritten = normalTitle(written);
  const title = tidyTitle(written);
  const short = shortTitleOf(title);
  // 宪法修正案（2018年） is a title of its own: the note is only dropped when the title as written is unknown
  return [...new Set([asWritten, shortTitleOf(asWritten), title, short, `${statePrefix}${short}`])];
}

/** 第五十八条, 第十条之一. */
export const articleLabel = (number: number, subNumber: number): string =>
  `第${toChineseNumeral(number)}条${subNumber > 0 ? `之${toChineseNumeral(subNumber)}` : ''}`;

/** The day a version starts to apply: its effective date, or the date that names it when none is known. */
export const versionStart = (version: { effectiveOn: string | null; versionDate: string }): string =>
  version.effectiveOn ?? version.versionDate;

/**
 * The version in force on `date` (YYYY-MM-DD): the newest that had started by then and was not
 * repealed by then; null when none. A superseded version is in force until its successor starts,
 * which choosing the newest started version gives.
 */
export function versionInForce<
  Version extends { effectiveOn: string | null; versionDate: string; repealedOn: string | null },
>(versions: Version[], date: string): Version | null {
  let best: Version | null = null;
  for (const version of versions) {
    if (versionStart(version) > date) continue;
    if (version.repealedOn !== null && version.repealedOn <= date) continue;
    if (
      !best ||
      versionStart(version) > versionStart(best) ||
      (versionStart(version) === versionStart(best) && version.versionDate > best.versionDate)
    )
      best = version;
  }
  return best;
}

/** （2021年修订）, （2017年修正）, （1996年版）: names a version in a message. */
export function versionNote(version: { versionDate: string; history: string[] }): string {
  const last = version.history.at(-1) ?? '';
  const kind = last.includes('修订') ? '修订' : last.includes('修正') ? '修正' : '版';
  return `（${version.versionDate.slice(0, 4)}年${kind}）`;
}

/** 2026-11-22 → 2026年11月22日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year ?? ''}年${Number(month)}月${Number(day)}日`;
}
