import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { riskGrades, type EntityListQuery, type EntityView } from '../../../../contracts/spotchecks';
import type { Role } from '../../../../contracts/roles';
import { requireRole } from '../../../core/access/authorize';
import { civilDate } from '../../../core/clock';
import type { ServiceContext } from '../../../core/context';
import { countUpTo } from '../../../core/db/capped-count';
import { newId } from '../../../core/db/ids';
import type { ImportColumn } from '../../../core/exports/excel';
import type { ImportSpec } from '../../../core/imports/import-jobs';
import { creditCodeMessages, creditCodeProblem } from '../../../core/identity/national-codes';
import { matchesSearch, segmentedText, toSearchVector } from '../../../core/search/chinese-search';
import { countInspectionsByCreditCode } from '../profile/entity-profile-repository';
import { entities, type EntityRow } from '../spotcheck-tables';

/**
 * 检查对象名录库: the entities random inspections draw from, kept by import (a million rows at a
 * time, all or nothing; a code already listed is updated in place) and read by every department.
 */

/** Who keeps the directory: the justice bureau, department liaisons and agency heads. */
export const entityKeeperRoles: readonly Role[] = ['justiceBureau', 'liaison', 'agencyHead'];
/** Who reads it: those and the officers and leaders. */
export const entityReaderRoles: readonly Role[] = [
  ...entityKeeperRoles,
  'officer',
  'legalReviewer',
  'leader',
];

export const entityImportColumns: readonly ImportColumn[] = [
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    required: true,
    width: 24,
    hint: '18 位，按 GB 32100 校验',
  },
  { key: 'name', header: '名称', required: true, width: 36 },
  { key: 'riskGrade', header: '信用风险分类', required: true, width: 14, hint: 'A、B、C 或 D（A 风险最低）' },
  { key: 'address', header: '住所（经营场所）', width: 40 },
  { key: 'industry', header: '行业', width: 16 },
  { key: 'jurisdictionCode', header: '所属区划代码', width: 14, hint: '6 位行政区划代码，如 410323' },
  { key: 'licences', header: '持有许可证', width: 30, hint: '多个用「；」分隔，如 食品经营许可证；营业执照' },
];

const optionalCell = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullable()
    .transform((value) => value ?? null);

/** One row of the import file, checked. */
export const entityImportRowSchema = z.object({
  creditCode: z
    .string({ message: '统一社会信用代码不能为空' })
    .transform((value) => value.trim().toUpperCase())
    .superRefine((value, context) => {
      const problem = creditCodeProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: `${creditCodeMessages[problem]}：${value}` });
    }),
  name: z.string({ message: '名称不能为空' }).max(200, '名称不能超过 200 个字'),
  riskGrade: z
    .string({ message: '信用风险分类不能为空' })
    .transform((value) => value.trim().toUpperCase().replace(/类$/, ''))
    .pipe(z.enum(riskGrades, { message: '信用风险分类只能是 A、B、C 或 D' })),
  address: optionalCell('住所', 300),
  industry: optionalCell('行业', 100),
  jurisdictionCode: z
    .string()
    .regex(/^\d{6}$/, '所属区划代码须为 6 位数字')
    .nullable(),
  licences: z
    .string()
    .max(1000, '持有许可证不能超过 1000 个字')
    .nullable()
    .transform((value) =>
      value
        ? [
            ...new Set(
              value
                .split(/[；;，,、\n]/)
                .map((part) => part.trim())
                .filter(Boolean),
            ),
          ]
        : [],
    ),
});
export type EntityImportRow = z.output<typeof entityImportRowSchema>;

/**
 * Writes a batch: new codes are inserted, listed ones updated when something changed, the rest
 * left alone (and counted as unchanged). `xmax = 0` tells an inserted row from an updated one.
 */
async function upsertEntities(ctx: ServiceContext, rows: EntityImportRow[]) {
  const now = ctx.clock.now();
  const changed = await ctx.tx
    .insert(entities)
    .values(
      rows.map((row) => ({
        tenantCode: ctx.tenantCode,
        id: newId(),
        creditCode: row.creditCode,
        name: row.name,
        address: row.address,
        industry: row.industry,
        jurisdictionCode: row.jurisdictionCode,
        licences: row.licences,
        riskGrade: row.riskGrade,
        searchVector: toSearchVector(
          segmentedText(`${row.name} ${row.creditCode} ${row.address ?? ''}`),
        ) as never,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [entities.tenantCode, entities.creditCode],
      set: {
        name: sql`excluded.name`,
        address: sql`excluded.address`,
        industry: sql`excluded.industry`,
        jurisdictionCode: sql`excluded.jurisdiction_code`,
        licences: sql`excluded.licences`,
        riskGrade: sql`excluded.risk_grade`,
        searchVector: sql`excluded.search_vector`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`(${entities.name}, ${entities.address}, ${entities.industry}, ${entities.jurisdictionCode}, ${entities.licences}, ${entities.riskGrade})
        IS DISTINCT FROM (excluded.name, excluded.address, excluded.industry, excluded.jurisdiction_code, excluded.licences, excluded.risk_grade)`,
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const inserted = changed.filter((row) => row.inserted).length;
  return { inserted, updated: changed.length - inserted, unchanged: rows.length - changed.length };
}

/** The import of the directory, for the core import jobs. */
export const entityImport: ImportSpec<EntityImportRow> = {
  kind: 'entities',
  auditAction: 'entity.import',
  columns: entityImportColumns,
  schema: entityImportRowSchema,
  keyOf: (row) => row.creditCode,
  apply: upsertEntities,
  batchSize: 1_000,
};

/** A directory row with its inspections carried out (this year, by inspection date, and in all). */
export function presentEntity(
  row: Omit<EntityRow, 'searchVector'>,
  inspections: { thisYear: number; total: number } | undefined,
): EntityView {
  return {
    id: row.id,
    creditCode: row.creditCode,
    name: row.name,
    address: row.address,
    industry: row.industry,
    jurisdictionCode: row.jurisdictionCode,
    licences: row.licences,
    riskGrade: row.riskGrade as EntityView['riskGrade'],
    updatedAt: row.updatedAt.toISOString(),
    inspectionsThisYear: inspections?.thisYear ?? 0,
    inspectionsTotal: inspections?.total ?? 0,
  };
}

/** The directory, searched by name, code or address, filtered by grade and division, by credit code. */
export async function listEntities(
  ctx: ServiceContext,
  query: EntityListQuery,
): Promise<{ items: EntityView[]; total: number; totalIsCapped: boolean; page: number; pageSize: number }> {
  requireRole(ctx, entityReaderRoles);
  const conditions: (SQL | undefined)[] = [eq(entities.tenantCode, ctx.tenantCode)];
  const q = query.q?.trim();
  if (q) {
    conditions.push(
      /^[0-9A-Z]{18}$/i.test(q)
        ? eq(entities.creditCode, q.toUpperCase())
        : (matchesSearch(entities.searchVector, q) ?? undefined),
    );
  }
  if (query.riskGrade) conditions.push(eq(entities.riskGrade, query.riskGrade));
  if (query.jurisdictionCode) conditions.push(eq(entities.jurisdictionCode, query.jurisdictionCode));
  const where = and(...conditions);
  const count = await countUpTo(ctx, entities, where);
  const rows = await ctx.tx
    .select({ ...getTableColumns(entities), searchVector: sql<string | null>`NULL` })
    .from(entities)
    .where(where)
    .orderBy(asc(entities.creditCode))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // the page's rows only: one grouped count by the (tenant, credit code, year) index
  const inspections = await countInspectionsByCreditCode(
    ctx,
    rows.map((row) => row.creditCode),
    Number(civilDate(ctx.clock.now()).slice(0, 4)),
  );
  return {
    items: rows.map((row) => presentEntity(row, inspections.get(row.creditCode))),
    ...count,
    page: query.page,
    pageSize: query.pageSize,
  };
}
