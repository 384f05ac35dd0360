import type {
  CertificateFilter,
  CertificateListQuery,
  CreateCertificateInput,
  UpdateCertificateInput,
} from '../../../contracts/org';
import { requireActor } from '../../core/access/authorize';
import { appendAuditEvent } from '../../core/audit/append-audit-event';
import type { ServiceContext } from '../../core/context';
import type { Executor } from '../../core/db/open-database';
import { newId } from '../../core/db/ids';
import { AppError, invalid, notFound } from '../../core/errors';
import { peopleWritePolicy } from './org-policy';
import {
  countCertificates,
  findCertificateIdByNumber,
  findCertificateInScope,
  findPersonInScope,
  insertCertificate,
  selectCertificates,
  selectHoldersValidOn,
  updateCertificateRow,
  type CertificateRecord,
} from './org-repository';

const maxExportRows = 50_000;

/** A page of the enforcement certificates in the actor's scope. */
export async function listCertificates(ctx: ServiceContext, query: CertificateListQuery) {
  requireActor(ctx);
  const total = await countCertificates(ctx, query);
  const items = await selectCertificates(ctx, query, { page: query.page, pageSize: query.pageSize });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Every certificate in scope matching the filter, for export. */
export async function exportCertificates(
  ctx: ServiceContext,
  filter: CertificateFilter,
): Promise<CertificateRecord[]> {
  requireActor(ctx);
  return selectCertificates(ctx, filter, { page: 1, pageSize: maxExportRows });
}

/** One certificate in scope; NOT_FOUND outside it. */
export async function getCertificate(ctx: ServiceContext, id: string): Promise<CertificateRecord> {
  const record = await findCertificateInScope(ctx, id);
  if (!record) throw notFound('执法证');
  return record;
}

async function checkNumberFree(ctx: ServiceContext, number: string, selfId: string | null): Promise<void> {
  const holder = await findCertificateIdByNumber(ctx.tx, ctx.tenantCode, number);
  if (holder && holder !== selfId) throw new AppError('CONFLICT', `执法证号 ${number} 已存在`, 'number');
}

function checkTerm(issuedOn: string, expiresOn: string): void {
  if (expiresOn <= issuedOn) throw invalid('expiresOn', '有效期至必须晚于发证日期');
}

/** Records an enforcement certificate for an officer in scope; the number is unique in the tenant. */
export async function createCertificate(
  ctx: ServiceContext,
  input: CreateCertificateInput,
): Promise<CertificateRecord> {
  const person = await findPersonInScope(ctx, input.personId);
  if (!person) throw new AppError('NOT_FOUND', '持证人不存在或不在您的管理范围内', 'personId');
  peopleWritePolicy(ctx, person.organizationPath);
  if (!person.isActive) throw invalid('personId', `${person.name}已不在职`);
  if (!person.duties.includes('officer'))
    throw invalid('personId', `${person.name}不是执法人员，不能持有执法证`);
  checkTerm(input.issuedOn, input.expiresOn);
  await checkNumberFree(ctx, input.number, null);
  const id = newId();
  const now = ctx.clock.now();
  const row = {
    tenantCode: ctx.tenantCode,
    id,
    personId: input.personId,
    number: input.number,
    field: input.field,
    issuedBy: input.issuedBy,
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn,
    status: input.status ?? 'valid',
    createdAt: now,
    updatedAt: now,
  };
  await insertCertificate(ctx.tx, row);
  await appendAuditEvent(ctx, {
    action: 'enforcementCertificate.create',
    entityType: 'enforcementCertificate',
    entityId: id,
    organizationId: person.organizationId,
    change: { ...row, createdAt: undefined, updatedAt: undefined },
  });
  return getCertificate(ctx, id);
}

/** Edits a certificate in scope: corrects its data, or suspends, revokes or restores it (status). */
export async function updateCertificate(
  ctx: ServiceContext,
  id: string,
  input: UpdateCertificateInput,
): Promise<CertificateRecord> {
  const current = await getCertificate(ctx, id);
  peopleWritePolicy(ctx, current.organizationPath);
  checkTerm(input.issuedOn ?? current.issuedOn, input.expiresOn ?? current.expiresOn);
  if (input.number !== undefined) await checkNumberFree(ctx, input.number, id);
  if (current.status === 'revoked' && input.status !== undefined && input.status !== 'revoked') {
    throw new AppError('CONFLICT', '已注销的执法证不能恢复，请重新发证', 'status');
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const before = Object.fromEntries(
    Object.keys(changes).map((key) => [key, current[key as keyof CertificateRecord] ?? null]),
  );
  await updateCertificateRow(ctx.tx, ctx.tenantCode, id, { ...changes, updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action:
      input.status && input.status !== current.status
        ? `enforcementCertificate.${input.status === 'valid' ? 'restore' : input.status === 'suspended' ? 'suspend' : 'revoke'}`
        : 'enforcementCertificate.update',
    entityType: 'enforcementCertificate',
    entityId: id,
    organizationId: current.organizationId,
    change: { before, after: changes },
  });
  return getCertificate(ctx, id);
}

/**
 * Whether a person holds an enforcement certificate valid on `date` (status valid, the date within
 * its term, the person still serving). Later modules ask this before an officer acts in a case
 * (行政处罚法 art. 42: enforcement by at least two officers holding certificates).
 */
export async function hasValidCertificateOn(
  executor: Executor,
  tenantCode: string,
  personId: string,
  date: string,
): Promise<boolean> {
  return (await selectHoldersValidOn(executor, tenantCode, [personId], date)).length === 1;
}

/** Of these people, the ones holding a certificate valid on `date`. */
export async function holdersOfValidCertificatesOn(
  executor: Executor,
  tenantCode: string,
  personIds: readonly string[],
  date: string,
): Promise<Set<string>> {
  return new Set(await selectHoldersValidOn(executor, tenantCode, personIds, date));
}
