import dayjs from 'dayjs';

/** 2026-11-22 (or an ISO time) → 2026年11月22日, the way dates are written in Chinese documents. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const civil = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (civil) return `${civil[1]}年${Number(civil[2])}月${Number(civil[3])}日`;
  const time = dayjs(value);
  return time.isValid() ? `${time.year()}年${time.month() + 1}月${time.date()}日` : value;
}

/** An instant → 2026年11月22日 14:05:09 in the browser's time zone (China Standard Time in practice). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = dayjs(value);
  return time.isValid() ? `${formatDate(value)} ${time.format('HH:mm:ss')}` : value;
}

/** Today's civil date, YYYY-MM-DD, in the browser's time zone. */
export function todayCivil(): string {
  return dayjs().format('YYYY-MM-DD');
}
