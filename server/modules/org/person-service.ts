import type {
  CreatePersonInput,
  PersonFilter,
  PersonListQuery,
  UpdatePersonInput,
} from '../../../contracts/org';
import { requireActor } from '../../core/access/authorize';
import { appendAuditEvent } from '../../core/audit/append-audit-event';
import { civilDate } from '../../core/clock';
import type { ServiceContext } from '../../core/context';
import { encryptField, loadFieldKey } from '../../core/crypto/field-encryption';
import { newId } from '../../core/db/ids';
import { AppError, invalid, notFound } from '../../core/errors';
import { peopleWritePolicy } from './org-policy';
import {
  countPeople,
  findOrganizationInScope,
  findPersonInScope,
  insertPerson,
  selectPeople,
  updatePersonRow,
  type PersonRecord,
} from './org-repository';
import {
  genderOfIdNumber,
  idNumberMessages,
  idNumberProblem,
  maskIdNumber,
} from '../../core/identity/national-codes';

const maxExportRows = 50_000;

/** A page of the people in the actor's scope. */
export async function listPeople(ctx: ServiceContext, query: PersonListQuery) {
  requireActor(ctx);
  const total = await countPeople(ctx, query);
  const items = await selectPeople(ctx, query, { page: query.page, pageSize: query.pageSize });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Every person in scope matching the filter, for export (ID numbers stay masked). */
export async function exportPeople(ctx: ServiceContext, filter: PersonFilter): Promise<PersonRecord[]> {
  requireActor(ctx);
  return selectPeople(ctx, filter, { page: 1, pageSize: maxExportRows });
}

/** One person in scope; NOT_FOUND outside it. */
export async function getPerson(ctx: ServiceContext, id: string): Promise<PersonRecord> {
  const record = await findPersonInScope(ctx, id);
  if (!record) throw notFound('人员');
  return record;
}

async function organizationForPeople(ctx: ServiceContext, organizationId: string) {
  const organization = await findOrganizationInScope(ctx, organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '所属组织不存在或不在您的管理范围内', 'organizationId');
  if (!organization.isActive) throw invalid('organizationId', `组织「${organization.name}」已停用`);
  peopleWritePolicy(ctx, organization.path);
  return organization;
}

function protectIdNumber(ctx: ServiceContext, idNumber: string) {
  const problem = idNumberProblem(idNumber, civilDate(ctx.clock.now()));
  if (problem) throw invalid('idNumber', idNumberMessages[problem]);
  return {
    idNumberEncrypted: encryptField(loadFieldKey(ctx.config), idNumber),
    idNumberMasked: maskIdNumber(idNumber),
  };
}

/** Adds a person (officer, legal reviewer, principal, liaison…) to an organization in scope; the ID number is stored encrypted. */
export async function createPerson(ctx: ServiceContext, input: CreatePersonInput): Promise<PersonRecord> {
  await organizationForPeople(ctx, input.organizationId);
  const protectedId = input.idNumber
    ? protectIdNumber(ctx, input.idNumber)
    : { idNumberEncrypted: null, idNumberMasked: null };
  const gender = input.gender ?? (input.idNumber ? genderOfIdNumber(input.idNumber) : null);
  if (input.idNumber && input.gender && input.gender !== genderOfIdNumber(input.idNumber)) {
    throw invalid('gender', '性别与身份证号码不一致');
  }
  const id = newId();
  const now = ctx.clock.now();
  const row = {
    tenantCode: ctx.tenantCode,
    id,
    organizationId: input.organizationId,
    name: input.name,
    gender,
    ...protectedId,
    phone: input.phone ?? null,
    position: input.position ?? null,
    duties: [...new Set(input.duties)],
    hasLegalQualification: input.hasLegalQualification ?? false,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  };
  await insertPerson(ctx.tx, row);
  await appendAuditEvent(ctx, {
    action: 'person.create',
    entityType: 'person',
    entityId: id,
    organizationId: input.organizationId,
    // never the ID number itself, not even encrypted: the audit log is kept for ever
    change: { ...row, idNumberEncrypted: undefined, createdAt: undefined, updatedAt: undefined },
  });
  return getPerson(ctx, id);
}

/** Edits a person in scope (moving to another organization needs rights on both). */
export async function updatePerson(
  ctx: ServiceContext,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonRecord> {
  const current = await getPerson(ctx, id);
  peopleWritePolicy(ctx, current.organizationPath);
  if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
    await organizationForPeople(ctx, input.organizationId);
  }
  const { idNumber, ...rest } = input;
  const changes: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  if (changes.duties) changes.duties = [...new Set(input.duties)];
  if (idNumber !== undefined) {
    Object.assign(
      changes,
      idNumber ? protectIdNumber(ctx, idNumber) : { idNumberEncrypted: null, idNumberMasked: null },
    );
  }
  const before = Object.fromEntries(
    Object.keys(changes)
      .filter((key) => key !== 'idNumberEncrypted')
      .map((key) => [key, current[key as keyof PersonRecord] ?? null]),
  );
  await updatePersonRow(ctx.tx, ctx.tenantCode, id, { ...changes, updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action: 'person.update',
    entityType: 'person',
    entityId: id,
    organizationId: (changes.organizationId as string | undefined) ?? current.organizationId,
    change: { before, after: { ...changes, idNumberEncrypted: undefined } },
  });
  return getPerson(ctx, id);
}

/** Marks a person as no longer serving (never deleted: case records name them). */
export async function deactivatePerson(ctx: ServiceContext, id: string): Promise<PersonRecord> {
  const current = await getPerson(ctx, id);
  peopleWritePolicy(ctx, current.organizationPath);
  if (!current.isActive) return current;
  await updatePersonRow(ctx.tx, ctx.tenantCode, id, { isActive: false, updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action: 'person.deactivate',
    entityType: 'person',
    entityId: id,
    organizationId: current.organizationId,
    change: { before: { isActive: true }, after: { isActive: false } },
  });
  return getPerson(ctx, id);
}
