import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { organizationScope } from '../../core/access/scope';
import type { ServiceContext } from '../../core/context';
import { countUpTo } from '../../core/db/capped-count';
import { storedFiles } from '../../core/files/file-tables';
import { matchesSearch, segmentedText, toSearchVector } from '../../core/search/chinese-search';
import { enforcementCertificates, organizations, people } from '../org/org-tables';
import {
  discretionBenchmarks,
  enforcementCaseRecords,
  enforcementCases,
  enforcementParties,
  majorDecisionRules,
  type DiscretionBenchmarkRow,
  type EnforcementCaseRecordRow,
  type EnforcementCaseRow,
  type EnforcementPartyRow,
  type MajorDecisionRuleRow,
} from './enforcement-tables';

/** Drizzle queries of enforcement. Every read of cases applies organizationScope (the platform itself sees all). */

export interface ScopedCase {
  row: EnforcementCaseRow;
  organizationPath: string;
  organizationName: string;
  organizationShortName: string | null;
}

/**
 * A case row as reads select it: every column but the search index's tsvector, which only the
 * search condition uses (reading it back would cost every list and every action its text).
 */
const caseRow = { ...getTableColumns(enforcementCases), searchVector: sql<string | null>`NULL` };

/** Who reads cases: enforcement staff, the justice bureau and leaders — never the 三员 administrators. */
export const caseReaderRoles = ['officer', 'agencyHead', 'legalReviewer', 'justiceBureau', 'leader'] as const;

/** A case whose body lies in the actor's scope (as a case reader), with the body's path and name, or null. */
export async function findScopedCase(ctx: ServiceContext, caseId: string): Promise<ScopedCase | null> {
  const [found] = await ctx.tx
    .select({
      row: caseRow,
      organizationPath: organizations.path,
      organizationName: organizations.name,
      organizationShortName: organizations.shortName,
    })
    .from(enforcementCases)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, enforcementCases.tenantCode),
        eq(organizations.id, enforcementCases.organizationId),
      ),
    )
    .where(
      and(
        eq(enforcementCases.tenantCode, ctx.tenantCode),
        eq(enforcementCases.id, caseId),
        organizationScope(ctx, enforcementCases.organizationId, caseReaderRoles),
      ),
    );
  return found ?? null;
}

export async function insertCase(
  ctx: ServiceContext,
  row: EnforcementCaseRow,
  searchText: string,
): Promise<void> {
  await ctx.tx
    .insert(enforcementCases)
    .values({ ...row, searchVector: sql`${toSearchVector(segmentedText(searchText))}` as never });
}

export async function updateCase(
  ctx: ServiceContext,
  caseId: string,
  changes: Partial<Omit<EnforcementCaseRow, 'tenantCode' | 'id'>>,
  searchText?: string,
): Promise<void> {
  await ctx.tx
    .update(enforcementCases)
    .set({
      ...changes,
      ...(searchText === undefined
        ? {}
        : { searchVector: sql`${toSearchVector(segmentedText(searchText))}` }),
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(enforcementCases.tenantCode, ctx.tenantCode), eq(enforcementCases.id, caseId)));
}

export async function findPartyByKey(
  ctx: ServiceContext,
  key: { creditCode: string } | { idNumberDigest: string },
): Promise<EnforcementPartyRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(enforcementParties)
    .where(
      and(
        eq(enforcementParties.tenantCode, ctx.tenantCode),
        'creditCode' in key
          ? eq(enforcementParties.creditCode, key.creditCode)
          : eq(enforcementParties.idNumberDigest, key.idNumberDigest),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertParty(ctx: ServiceContext, row: EnforcementPartyRow): Promise<void> {
  await ctx.tx.insert(enforcementParties).values(row);
}

export async function updateParty(
  ctx: ServiceContext,
  id: string,
  changes: Partial<Pick<EnforcementPartyRow, 'name' | 'address' | 'phone' | 'legalRepresentative'>>,
): Promise<void> {
  await ctx.tx
    .update(enforcementParties)
    .set({ ...changes, updatedAt: ctx.clock.now() })
    .where(and(eq(enforcementParties.tenantCode, ctx.tenantCode), eq(enforcementParties.id, id)));
}

export async function findParties(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<EnforcementPartyRow[]> {
  if (ids.length === 0) return [];
  return ctx.tx
    .select()
    .from(enforcementParties)
    .where(and(eq(enforcementParties.tenantCode, ctx.tenantCode), inArray(enforcementParties.id, [...ids])));
}

export interface OfficerRow {
  personId: string;
  name: string;
  organizationId: string;
  duties: string[];
  hasLegalQualification: boolean;
  isActive: boolean;
  certificateNumber: string | null;
  certificateValid: boolean;
}

/**
 * People with the certificate that is valid on `date` if they hold one (else their latest), so
 * a case shows each officer's certificate number and whether it is valid today.
 */
export async function findOfficers(
  ctx: ServiceContext,
  filter: { personIds?: readonly string[]; organizationId?: string },
  date: string,
): Promise<OfficerRow[]> {
  const conditions: SQL[] = [eq(people.tenantCode, ctx.tenantCode)];
  if (filter.personIds) {
    if (filter.personIds.length === 0) return [];
    conditions.push(inArray(people.id, [...filter.personIds]));
  }
  if (filter.organizationId) conditions.push(eq(people.organizationId, filter.organizationId));
  const rows = await ctx.tx
    .select({
      personId: people.id,
      name: people.name,
      organizationId: people.organizationId,
      duties: people.duties,
      hasLegalQualification: people.hasLegalQualification,
      isActive: people.isActive,
      certificateNumber: enforcementCertificates.number,
      status: enforcementCertificates.status,
      issuedOn: enforcementCertificates.issuedOn,
      expiresOn: enforcementCertificates.expiresOn,
    })
    .from(people)
    .leftJoin(
      enforcementCertificates,
      and(
        eq(enforcementCertificates.tenantCode, people.tenantCode),
        eq(enforcementCertificates.personId, people.id),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(people.name), desc(enforcementCertificates.expiresOn));
  const byPerson = new Map<string, OfficerRow>();
  for (const row of rows) {
    const valid =
      row.isActive &&
      row.status === 'valid' &&
      row.issuedOn !== null &&
      row.expiresOn !== null &&
      row.issuedOn <= date &&
      date <= row.expiresOn;
    const known = byPerson.get(row.personId);
    if (known && (known.certificateValid || !valid)) continue;
    byPerson.set(row.personId, {
      personId: row.personId,
      name: row.name,
      organizationId: row.organizationId,
      duties: row.duties,
      hasLegalQualification: row.hasLegalQualification,
      isActive: row.isActive,
      certificateNumber: row.certificateNumber,
      certificateValid: valid,
    });
  }
  return [...byPerson.values()];
}

export async function insertRecord(ctx: ServiceContext, row: EnforcementCaseRecordRow): Promise<void> {
  await ctx.tx.insert(enforcementCaseRecords).values(row);
}

export interface RecordWithFile extends EnforcementCaseRecordRow {
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
}

/** How many whole-process records a case has and whether one is an audio-video file (the guards' facts). */
export async function summarizeRecords(
  ctx: ServiceContext,
  caseId: string,
): Promise<{ count: number; hasAudioVideo: boolean }> {
  const [row] = await ctx.tx
    .select({
      count: sql<number>`count(*)::int`,
      hasAudioVideo: sql<boolean>`coalesce(bool_or(${enforcementCaseRecords.kind} = 'audioVideo' AND ${enforcementCaseRecords.fileSha256} IS NOT NULL), false)`,
    })
    .from(enforcementCaseRecords)
    .where(
      and(eq(enforcementCaseRecords.tenantCode, ctx.tenantCode), eq(enforcementCaseRecords.caseId, caseId)),
    );
  return { count: row?.count ?? 0, hasAudioVideo: row?.hasAudioVideo ?? false };
}

export async function listRecords(ctx: ServiceContext, caseId: string): Promise<RecordWithFile[]> {
  const rows = await ctx.tx
    .select({
      record: enforcementCaseRecords,
      fileName: storedFiles.originalName,
      mediaType: storedFiles.mediaType,
      size: storedFiles.size,
    })
    .from(enforcementCaseRecords)
    .leftJoin(
      storedFiles,
      and(
        eq(storedFiles.tenantCode, enforcementCaseRecords.tenantCode),
        eq(storedFiles.sha256, enforcementCaseRecords.fileSha256),
      ),
    )
    .where(
      and(eq(enforcementCaseRecords.tenantCode, ctx.tenantCode), eq(enforcementCaseRecords.caseId, caseId)),
    )
    .orderBy(asc(enforcementCaseRecords.recordedAt), asc(enforcementCaseRecords.createdAt));
  return rows.map((row) => ({
    ...row.record,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
  }));
}

export async function findBenchmark(
  ctx: ServiceContext,
  organizationId: string,
  powerItemId: string,
): Promise<DiscretionBenchmarkRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(discretionBenchmarks)
    .where(
      and(
        eq(discretionBenchmarks.tenantCode, ctx.tenantCode),
        eq(discretionBenchmarks.organizationId, organizationId),
        eq(discretionBenchmarks.powerItemId, powerItemId),
      ),
    )
    .orderBy(desc(discretionBenchmarks.updatedAt))
    .limit(1);
  return row ?? null;
}

export async function listActiveMajorRules(
  ctx: ServiceContext,
  organizationId: string,
): Promise<MajorDecisionRuleRow[]> {
  return ctx.tx
    .select()
    .from(majorDecisionRules)
    .where(
      and(
        eq(majorDecisionRules.tenantCode, ctx.tenantCode),
        eq(majorDecisionRules.organizationId, organizationId),
        eq(majorDecisionRules.isActive, true),
      ),
    );
}

/** The next number of a series for the body and year is taken by core/documents; the count of cases is for demo and tests. */
export interface CaseFilter {
  /** words to find in the case's segmented text (number, title, party, item, facts) */
  words?: string | undefined;
  /** a whole 立案编号 or 决定书文号, matched exactly */
  number?: string | undefined;
  organizationId?: string | undefined;
  organizationPath?: string | undefined;
  state?: string | undefined;
  procedure?: string | undefined;
  source?: string | undefined;
  year?: number | undefined;
  isMajor?: boolean | undefined;
  overdueOn?: string | undefined;
  officerPersonId?: string | undefined;
  registeredFrom?: string | undefined;
  registeredTo?: string | undefined;
  states?: readonly string[] | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
}

function caseConditions(ctx: ServiceContext, filter: CaseFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [
    eq(enforcementCases.tenantCode, ctx.tenantCode),
    organizationScope(ctx, enforcementCases.organizationId, caseReaderRoles),
  ];
  if (filter.organizationPath) {
    conditions.push(
      sql`${enforcementCases.organizationId} IN (SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.tenantCode} = ${ctx.tenantCode} AND ${organizations.path} LIKE ${`${filter.organizationPath}%`})`,
    );
  }
  if (filter.state) conditions.push(eq(enforcementCases.state, filter.state));
  if (filter.states) conditions.push(inArray(enforcementCases.state, [...filter.states]));
  if (filter.procedure) conditions.push(eq(enforcementCases.procedure, filter.procedure));
  if (filter.source) conditions.push(eq(enforcementCases.source, filter.source));
  if (filter.year) conditions.push(eq(enforcementCases.year, filter.year));
  if (filter.isMajor !== undefined) conditions.push(eq(enforcementCases.isMajor, filter.isMajor));
  if (filter.overdueOn) conditions.push(lt(enforcementCases.nextDueDate, filter.overdueOn));
  if (filter.dueFrom) conditions.push(gte(enforcementCases.nextDueDate, filter.dueFrom));
  if (filter.dueTo) conditions.push(lte(enforcementCases.nextDueDate, filter.dueTo));
  if (filter.registeredFrom) conditions.push(gte(enforcementCases.registeredOn, filter.registeredFrom));
  if (filter.registeredTo) conditions.push(lte(enforcementCases.registeredOn, filter.registeredTo));
  if (filter.officerPersonId) {
    conditions.push(sql`${filter.officerPersonId}::uuid = ANY(${enforcementCases.officerPersonIds})`);
  }
  if (filter.number) {
    conditions.push(
      or(eq(enforcementCases.caseNumber, filter.number), eq(enforcementCases.decisionNumber, filter.number)),
    );
  }
  if (filter.words) conditions.push(matchesSearch(enforcementCases.searchVector, filter.words) ?? sql`false`);
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

export async function selectCases(
  ctx: ServiceContext,
  filter: CaseFilter,
  page: { page: number; pageSize: number },
  order: 'registered' | 'due' = 'registered',
): Promise<{
  rows: (EnforcementCaseRow & { organizationName: string })[];
  total: number;
  totalIsCapped: boolean;
}> {
  const where = and(...caseConditions(ctx, filter));
  const count = await countUpTo(ctx, enforcementCases, where);
  const rows = await ctx.tx
    .select({ row: caseRow, organizationName: organizations.name })
    .from(enforcementCases)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, enforcementCases.tenantCode),
        eq(organizations.id, enforcementCases.organizationId),
      ),
    )
    .where(where)
    .orderBy(
      ...(order === 'due'
        ? [asc(enforcementCases.nextDueDate), asc(enforcementCases.registeredOn)]
        : [desc(enforcementCases.registeredOn), desc(enforcementCases.createdAt)]),
    )
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    rows: rows.map((entry) => ({ ...entry.row, organizationName: entry.organizationName })),
    ...count,
  };
}
