import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { queryRows } from '../db/query-rows';

/**
 * 发文字号 (GB/T 9704-2012 §7.2.4): 机关代字 + 〔年份〕 + 序号 + 号, e.g. 示市监罚决〔2026〕12号.
 * Numbers run per issuing body, series and year without gaps: the next number is taken with an
 * upsert that locks the series row until the caller's transaction ends, so two concurrent
 * decisions never share a number and a rolled-back one gives its number back.
 */

export interface DocumentNumberRequest {
  organizationId: string;
  year: number;
  /** the series inside the body, e.g. 罚决 (decisions), 立 (registrations) */
  series: string;
}

export interface DocumentNumber {
  sequence: number;
  /** 〔2026〕12号 */
  suffix: string;
}

export async function takeDocumentNumber(
  ctx: Pick<ServiceContext, 'tx' | 'tenantCode'>,
  request: DocumentNumberRequest,
): Promise<DocumentNumber> {
  const [row] = await queryRows<{ last_number: number }>(
    ctx.tx,
    sql`insert into document_number_series (tenant_code, organization_id, year, series, last_number)
        values (${ctx.tenantCode}, ${request.organizationId}, ${request.year}, ${request.series}, 1)
        on conflict (tenant_code, organization_id, year, series)
        do update set last_number = document_number_series.last_number + 1
        returning last_number`,
  );
  const sequence = Number(row?.last_number);
  return { sequence, suffix: formatDocumentNumber(request.year, sequence) };
}

/** 〔2026〕12号: the year in 六角括号, the sequence without leading zeros (GB/T 9704-2012 §7.2.4). */
export const formatDocumentNumber = (year: number, sequence: number) => `〔${year}〕${sequence}号`;
