import { penaltyKindLabels, penaltyKinds, type PenaltyKind } from '../../../../contracts/enforcement';
import { chineseDate } from '../../../core/calendar/civil-dates';

/**
 * How case documents write amounts, dates and penalties: 元 in Arabic numerals with the amount in
 * capital characters beside it (大写, as on every payment notice), dates as 2026年9月14日.
 */

const digits = '零壹贰叁肆伍陆柒捌玖';
const smallUnits = ['', '拾', '佰', '仟'];
const largeUnits = ['', '万', '亿', '万亿'];

/** 1…9999 in capitals, zeros inside written once: 1005 → 壹仟零伍. */
function groupInCapitals(value: number): string {
  let text = '';
  let pendingZero = false;
  let started = false;
  for (let place = 3; place >= 0; place -= 1) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += `${digits[digit] ?? ''}${smallUnits[place] ?? ''}`;
    started = true;
  }
  return text;
}

function integerInCapitals(value: number): string {
  if (value === 0) return '零';
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let text = '';
  let pendingZero = false;
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index] ?? 0;
    if (group === 0) {
      if (text) pendingZero = true;
      continue;
    }
    if (text && (pendingZero || group < 1000)) text += '零';
    pendingZero = false;
    text += `${groupInCapitals(group)}${largeUnits[index] ?? ''}`;
  }
  return text;
}

/** An amount in 分 as 人民币 capitals: 500000 → 人民币伍仟元整, 12345 → 人民币壹佰贰拾叁元肆角伍分. */
export function yuanInCapitals(fen: number): string {
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '人民币零元整';
  let text = whole > 0 ? `${integerInCapitals(whole)}元` : '';
  if (jiao === 0 && cents === 0) return `人民币${text}整`;
  if (jiao > 0) text += `${digits[jiao] ?? ''}角`;
  else if (whole > 0) text += '零';
  if (cents > 0) text += `${digits[cents] ?? ''}分`;
  return `人民币${text}`;
}

/** An amount in 分 in Arabic numerals: 500000 → 5000元, 500050 → 5000.50元. */
export function yuanText(fen: number): string {
  const yuan = fen / 100;
  return `${Number.isInteger(yuan) ? String(yuan) : yuan.toFixed(2)}元`;
}

/** 5000元（大写：人民币伍仟元整） */
export const amountText = (fen: number) => `${yuanText(fen)}（大写：${yuanInCapitals(fen)}）`;

/** An instant as read in Asia/Shanghai: 2026年9月14日10时30分. */
export function dateTimeText(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return `${chineseDate(local.slice(0, 10))}${String(Number(local.slice(11, 13)))}时${local.slice(14, 16)}分`;
}

export const dateText = (date: string | null | undefined) => (date ? chineseDate(date) : '');

/** A penalty as stored (fines in 分) or as entered (fines in 元), read into one shape. */
export interface PenaltyAmounts {
  kinds: PenaltyKind[];
  fineFen: number;
  confiscationFen: number;
  detail: string | null;
}

const fenOf = (record: Record<string, unknown>, fen: string, yuan: string) => {
  const inFen = record[fen];
  if (typeof inFen === 'number') return Math.round(inFen);
  const inYuan = record[yuan];
  return typeof inYuan === 'number' ? Math.round(inYuan * 100) : 0;
};

export function penaltyOf(value: unknown): PenaltyAmounts | null {
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  const kinds = Array.isArray(record.kinds)
    ? record.kinds.filter((kind): kind is PenaltyKind => (penaltyKinds as readonly unknown[]).includes(kind))
    : [];
  const detail = typeof record.detail === 'string' && record.detail.trim() ? record.detail.trim() : null;
  return {
    kinds,
    fineFen: fenOf(record, 'fineFen', 'fineYuan'),
    confiscationFen: fenOf(record, 'confiscationFen', 'confiscationYuan'),
    detail,
  };
}

/**
 * The penalty as the numbered items of a decision: 警告；罚款5000元（大写：人民币伍仟元整）；没收违法所得…
 * The confiscated amount goes with 没收违法所得 when decided, else with 没收非法财物.
 */
export function penaltyItems(penalty: PenaltyAmounts): string[] {
  const amountKind: PenaltyKind | null = penalty.kinds.includes('confiscateGains')
    ? 'confiscateGains'
    : penalty.kinds.includes('confiscateProperty')
      ? 'confiscateProperty'
      : null;
  const items = penalty.kinds.map((kind) => {
    if (kind === 'fine') return `罚款${amountText(penalty.fineFen)}`;
    if (kind === amountKind && penalty.confiscationFen > 0)
      return `${penaltyKindLabels[kind]}${amountText(penalty.confiscationFen)}`;
    return penaltyKindLabels[kind];
  });
  if (penalty.detail) items.push(penalty.detail);
  return items;
}

/** Items numbered （1）…；（2）…。 */
export const numberedItems = (items: string[]) =>
  items.map((item, index) => `（${String(index + 1)}）${item}${index === items.length - 1 ? '。' : '；'}`);

export const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
