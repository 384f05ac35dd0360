import {
  registerCaseSchema,
  type AddRecordInput,
  type CaseActionInput,
  type CaseDetail,
  type CaseOfficerChoice,
  type CaseListPage,
  type CaseListParams,
  type CaseRecordView,
  type CaseView,
  type CaseWorkbench,
  type PartyInput,
  type PenaltyInput,
  penaltyKindLabels,
  type PenaltyKind,
  type RegisterCaseInput,
} from '../../../contracts/enforcement';
import { requireActor, requireRole } from '../../core/access/authorize';
import { appendAuditEvent } from '../../core/audit/append-audit-event';
import { loadWorkingDayCalendar } from '../../core/calendar/load-calendar';
import { chineseDate, yearOf } from '../../core/calendar/civil-dates';
import type { ServiceContext } from '../../core/context';
import { blindIndex, encryptField, loadFieldKey } from '../../core/crypto/field-encryption';
import { newId } from '../../core/db/ids';
import { takeDocumentNumber } from '../../core/documents/document-numbers';
import { AppError, invalid, notFound } from '../../core/errors';
import { attachFile, getStoredFile, verifyStoredFile } from '../../core/files/file-service';
import {
  creditCodeMessages,
  creditCodeProblem,
  idNumberMessages,
  idNumberProblem,
  maskIdNumber,
} from '../../core/identity/national-codes';
import { presentDeadline, presentStep } from '../../core/procedures/procedure-presenters';
import { getProcedure } from '../../core/procedures/procedure-registry';
import type { DeadlineRecord } from '../../core/procedures/deadline-rules';
import { listDeadlinesOfInstances, listInstanceDeadlines } from '../../core/procedures/procedure-repository';
import {
  getProcedureDetail,
  perform,
  startProcedure,
  todayOf,
} from '../../core/procedures/procedure-service';
import { presentPublication } from '../../core/publication/publication-presenters';
import type { PublicationRecord } from '../../core/publication/publication-repository';
import { createPublication, findPublicationForSubject } from '../../core/publication/publication-service';
import { findScopedOrganization } from '../org/organization-service';
import { caseDocumentsOfCase } from './documents/case-documents';
import { listGeneratedDocuments } from './documents/case-document-repository';
import { isPowerItemInForce, listPowerItemsOfKind } from '../powers/power-service';
import type { CaseFacts } from './case-procedures';
import { ordinaryCaseProcedureKey, summaryCaseProcedureKey } from './case-procedures';
import {
  findBenchmark,
  findOfficers,
  findParties,
  findPartyByKey,
  caseReaderRoles,
  findScopedCase,
  insertCase,
  insertParty,
  insertRecord,
  listActiveMajorRules,
  listRecords,
  summarizeRecords,
  selectCases,
  updateCase,
  updateParty,
  type CaseFilter,
  type ScopedCase,
} from './enforcement-repository';
import {
  bodyDocumentCode,
  hearingReasons,
  hearingThresholdsOf,
  lateSurchargeFen,
  summaryProcedureProblem,
  formatYuan,
  toFen,
} from './enforcement-rules';
import {
  presentCase,
  presentRecord,
  procedureKeyOf,
  type StoredDiscretion,
  type StoredPenalty,
} from './enforcement-presenters';
import type { EnforcementCaseRow, EnforcementPartyRow } from './enforcement-tables';
import { assessDiscretion } from './discretion/discretion-rules';
import { majorReasonsFor, requiresDeliberationFor } from './major-rules/major-rules-rules';
import './case-procedures';
import { actorPersonId } from '../../core/access/actor-person';

/**
 * Enforcement cases (行政处罚案件) under the three systems. Every change is an action of the case's
 * procedure (core engine: one transaction, audit, deadlines); this service checks what only it
 * knows — the power list, certificates, the party's identity, records, the major-case catalogue
 * and discretion benchmarks — hands those facts to the procedure's guards, and keeps the case row
 * that lists, documents, publicity and oversight read.
 */

const subjectType = 'enforcementCase';

// ── Registration ─────────────────────────────────────────────────────────────

/** What an operation on a case leaves behind, without reading the case page again. */
export interface CaseActionResult {
  row: EnforcementCaseRow;
  /** the procedure instance's deadlines after the operation */
  deadlines: DeadlineRecord[];
  /** the 事后公开 record a penalty decision queued (null otherwise) */
  publication: PublicationRecord | null;
}

/** Opens a case and answers with the case page. */
export async function registerCase(ctx: ServiceContext, rawInput: RegisterCaseInput): Promise<CaseDetail> {
  const opened = await openCase(ctx, rawInput);
  return getCaseDetail(ctx, opened.row.id);
}

/** Opens a case: the ordinary procedure's 立案 request, or a summary (当场) decision. */
export async function openCase(ctx: ServiceContext, rawInput: RegisterCaseInput): Promise<CaseActionResult> {
  requireActor(ctx);
  const input = registerCaseSchema.parse(rawInput);
  const body = await findScopedOrganization(ctx, input.organizationId);
  if (!body) throw notFound('执法主体');
  requireRole(ctx, ['officer'], body.path);
  const today = todayOf(ctx);

  const { inForce, item } = await isPowerItemInForce(ctx, {
    organizationId: body.id,
    itemId: input.powerItemId,
    listKind: 'power',
    date: today,
  });
  if (!inForce || !item) {
    throw invalid('powerItemId', '该事项不在本机关现行有效的权责清单内，不能立案（清单之外无权力）');
  }
  if (item.kind !== 'penalty') {
    throw invalid('powerItemId', `「${item.name}」不是行政处罚事项，不能作为处罚案件立案`);
  }

  const officers = await checkedOfficers(ctx, body.id, input.officerPersonIds, today);
  const actorPerson = await actorPersonId(ctx);
  if (!actorPerson || !officers.some((officer) => officer.personId === actorPerson)) {
    throw invalid('officerPersonIds', '立案的执法人员本人须是本案承办人之一');
  }
  const party = await findOrCreateParty(ctx, input.party, today);

  const code = bodyDocumentCode(body);
  const year = yearOf(today);
  const isSummary = input.procedure === 'summary';
  let summaryPenalty: StoredPenalty | null = null;
  if (isSummary) {
    if (!input.summaryPenalty) throw invalid('summaryPenalty', '简易程序须填写当场作出的处罚');
    summaryPenalty = storedPenalty(input.summaryPenalty);
    const problem = summaryProcedureProblem(party.kind as 'enterprise' | 'person', summaryPenalty);
    if (problem) throw invalid('summaryPenalty.fineYuan', problem);
  } else if (input.summaryPenalty) {
    throw invalid('summaryPenalty', '普通程序在调查终结后提出处罚意见，立案时不填写处罚');
  }
  const number = await takeDocumentNumber(ctx, {
    organizationId: body.id,
    year,
    series: isSummary ? '当罚' : '立',
  });
  const caseNumber = `${code}${isSummary ? '当罚' : '立'}${number.suffix}`;

  const caseId = newId();
  const started = await startProcedure(ctx, {
    procedureKey: isSummary ? summaryCaseProcedureKey : ordinaryCaseProcedureKey,
    subjectType,
    subjectId: caseId,
    organizationId: body.id,
    fields: {},
  });
  const now = ctx.clock.now();
  const row: EnforcementCaseRow = {
    tenantCode: ctx.tenantCode,
    id: caseId,
    organizationId: body.id,
    instanceId: started.instance.id,
    procedure: input.procedure,
    caseNumber,
    year,
    title: input.title,
    source: input.source,
    sourceDetail: input.sourceDetail ?? null,
    powerItemId: item.itemId,
    powerItemVersionId: item.id,
    powerItemCode: item.code,
    powerItemName: item.name,
    field: body.enforcementField,
    partyId: party.id,
    partyKind: party.kind,
    partyName: party.name,
    state: started.instance.state,
    isMajor: false,
    majorReasons: [],
    requiresDeliberation: false,
    hearingEligible: false,
    officerPersonIds: officers.map((officer) => officer.personId),
    facts: input.facts ?? null,
    occurredOn: input.occurredOn ?? null,
    proposedPenalty: summaryPenalty,
    discretion: null,
    decisionOutcome: isSummary ? 'penalty' : null,
    decidedPenalty: summaryPenalty,
    fineFen: summaryPenalty?.fineFen ?? 0,
    surchargeFen: 0,
    decisionNumber: isSummary ? caseNumber : null,
    legalReviewConclusion: null,
    legalReviewedOn: null,
    deliberatedOn: null,
    registeredOn: today,
    decidedOn: isSummary ? today : null,
    servedOn: null,
    paidOn: null,
    closedOn: null,
    archivedOn: null,
    nextDueDate: earliestOpenDue(started.deadlines),
    searchVector: null,
    createdAt: now,
    updatedAt: now,
  };
  await insertCase(ctx, row, searchTextOf(row));
  await appendAuditEvent(ctx, {
    action: 'enforcementCase.register',
    entityType: subjectType,
    entityId: caseId,
    organizationId: body.id,
    change: {
      caseNumber,
      procedure: input.procedure,
      title: input.title,
      source: input.source,
      powerItem: { id: item.itemId, versionId: item.id, code: item.code },
      partyId: party.id,
      officerPersonIds: row.officerPersonIds,
      summaryPenalty,
    },
  });
  return { row, deadlines: started.deadlines, publication: null };
}

/** The earliest due date among open deadlines (the case list's 最近期限). */
const earliestOpenDue = (deadlines: readonly DeadlineRecord[]): string | null =>
  deadlines
    .filter((deadline) => deadline.status === 'open' && deadline.dueDate !== null)
    .map((deadline) => deadline.dueDate as string)
    .sort()[0] ?? null;

/** The named people, each an officer of the body holding a certificate valid today; else 400 naming who. */
async function checkedOfficers(
  ctx: ServiceContext,
  organizationId: string,
  personIds: readonly string[],
  today: string,
) {
  const unique = [...new Set(personIds)];
  if (unique.length < 2) {
    throw invalid('officerPersonIds', '执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条）');
  }
  const officers = await findOfficers(ctx, { personIds: unique }, today);
  for (const personId of unique) {
    const officer = officers.find((candidate) => candidate.personId === personId);
    if (!officer || officer.organizationId !== organizationId || !officer.isActive) {
      throw invalid('officerPersonIds', '承办人须是本执法主体的在职工作人员');
    }
    if (!officer.certificateValid) {
      throw invalid(
        'officerPersonIds',
        `${officer.name}没有有效的行政执法证件（${officer.certificateNumber ? `证号 ${officer.certificateNumber} 已过期、暂扣或注销` : '未登记执法证'}），不能承办案件`,
      );
    }
  }
  return unique.flatMap((personId) => officers.filter((officer) => officer.personId === personId));
}

/**
 * The party by its national code: an enterprise by 统一社会信用代码 (GB 32100), a person by ID
 * number (GB 11643) — found again through a keyed digest, stored encrypted, shown masked.
 */
async function findOrCreateParty(
  ctx: ServiceContext,
  input: PartyInput,
  today: string,
): Promise<EnforcementPartyRow> {
  const now = ctx.clock.now();
  if (input.kind === 'enterprise') {
    const creditCode = input.creditCode.trim().toUpperCase();
    const problem = creditCodeProblem(creditCode);
    if (problem) throw invalid('party.creditCode', creditCodeMessages[problem]);
    const existing = await findPartyByKey(ctx, { creditCode });
    if (existing) {
      await updateParty(ctx, existing.id, {
        name: input.name,
        address: input.address ?? existing.address,
        phone: input.phone ?? existing.phone,
        legalRepresentative: input.legalRepresentative ?? existing.legalRepresentative,
      });
      return { ...existing, name: input.name };
    }
    const row: EnforcementPartyRow = {
      tenantCode: ctx.tenantCode,
      id: newId(),
      kind: 'enterprise',
      name: input.name,
      creditCode,
      idNumberEncrypted: null,
      idNumberMasked: null,
      idNumberDigest: null,
      legalRepresentative: input.legalRepresentative ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await insertParty(ctx, row);
    return row;
  }
  const idNumber = input.idNumber.trim().toUpperCase();
  const problem = idNumberProblem(idNumber, today);
  if (problem) throw invalid('party.idNumber', idNumberMessages[problem]);
  const key = loadFieldKey(ctx.config);
  const digest = blindIndex(key, idNumber);
  const existing = await findPartyByKey(ctx, { idNumberDigest: digest });
  if (existing) {
    await updateParty(ctx, existing.id, {
      name: input.name,
      address: input.address ?? existing.address,
      phone: input.phone ?? existing.phone,
    });
    return { ...existing, name: input.name };
  }
  const row: EnforcementPartyRow = {
    tenantCode: ctx.tenantCode,
    id: newId(),
    kind: 'person',
    name: input.name,
    creditCode: null,
    idNumberEncrypted: encryptField(key, idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    idNumberDigest: digest,
    legalRepresentative: null,
    address: input.address ?? null,
    phone: input.phone ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await insertParty(ctx, row);
  return row;
}

function storedPenalty(input: PenaltyInput | undefined): StoredPenalty {
  return {
    kinds: [...new Set(input?.kinds ?? [])],
    fineFen: toFen(input?.fineYuan ?? 0),
    confiscationFen: toFen(input?.confiscationYuan ?? 0),
    detail: input?.detail ?? null,
  };
}

const isHearingReason = (reason: string) => reason.includes('经过听证程序');

const searchTextOf = (row: EnforcementCaseRow) =>
  [row.caseNumber, row.decisionNumber, row.title, row.partyName, row.powerItemName, row.facts]
    .filter(Boolean)
    .join(' ');

// ── Actions ──────────────────────────────────────────────────────────────────

/** Performs one action of the case's procedure and answers with the case page. */
export async function performCaseAction(
  ctx: ServiceContext,
  caseId: string,
  action: string,
  input: CaseActionInput,
): Promise<CaseDetail> {
  await actOnCase(ctx, caseId, action, input);
  return getCaseDetail(ctx, caseId);
}

/**
 * Performs one action of the case's procedure: the facts are computed here, in the same
 * transaction, the engine checks state, role, fields and guards and records the step, and the
 * case row follows.
 */
export async function actOnCase(
  ctx: ServiceContext,
  caseId: string,
  action: string,
  input: CaseActionInput,
): Promise<CaseActionResult> {
  requireActor(ctx);
  const scoped = await findScopedCase(ctx, caseId);
  if (!scoped) throw notFound('案件');
  const fields = input.fields ?? {};
  const today = todayOf(ctx);
  const assessment = await assessmentFor(ctx, scoped.row, action, fields);
  const deadlinesBefore =
    action === 'recordPayment' ? await listInstanceDeadlines(ctx, scoped.row.instanceId) : [];
  const facts = await caseFacts(ctx, scoped, action, fields, assessment, deadlinesBefore, today);
  const result = await perform(ctx, {
    instanceId: scoped.row.instanceId,
    action,
    fields,
    facts: facts as unknown as Record<string, unknown>,
    ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
  });
  const parsed = (result.instance.data ?? {}) as Record<string, unknown>;
  const changes = await caseChangesAfter(
    ctx,
    scoped,
    action,
    parsed,
    assessment,
    facts,
    result.deadlines,
    today,
  );
  const nextDueDate = earliestOpenDue(result.deadlines);
  const updated: EnforcementCaseRow = {
    ...scoped.row,
    ...changes,
    state: result.instance.state,
    nextDueDate,
  };
  const searchText = searchTextOf(updated);
  await updateCase(
    ctx,
    caseId,
    { ...changes, state: result.instance.state, nextDueDate },
    searchText === searchTextOf(scoped.row) ? undefined : searchText,
  );
  const publication =
    action === 'decide' && updated.decisionOutcome === 'penalty'
      ? await publishDecisionLater(ctx, scoped, updated, parsed)
      : null;
  if (Object.keys(changes).length > 0) {
    await appendAuditEvent(ctx, {
      action: `enforcementCase.${action}`,
      entityType: subjectType,
      entityId: caseId,
      organizationId: scoped.row.organizationId,
      change: { state: result.instance.state, ...changes },
    });
  }
  return { row: updated, deadlines: result.deadlines, publication };
}

/**
 * 事后公开 (行政处罚法 art. 48; the guideline): a penalty decided under the ordinary procedure goes
 * to the core publication mechanism, pending, due within its field's working days, masked.
 * Summary-procedure penalties are not published (the market-supervision rule publishes ordinary
 * ones only; the general guideline leaves it to each body's list).
 */
async function publishDecisionLater(
  ctx: ServiceContext,
  scoped: ScopedCase,
  row: EnforcementCaseRow,
  data: Record<string, unknown>,
): Promise<PublicationRecord> {
  const [party] = await findParties(ctx, [row.partyId]);
  const penalty = row.decidedPenalty as StoredPenalty | null;
  const penaltyText = [
    ...(penalty?.kinds ?? []).map((kind) =>
      kind === 'fine'
        ? `罚款 ${formatYuan(penalty?.fineFen ?? 0)}`
        : kind === 'confiscateGains' && (penalty?.confiscationFen ?? 0) > 0
          ? `没收违法所得 ${formatYuan(penalty?.confiscationFen ?? 0)}`
          : penaltyKindLabels[kind],
    ),
  ].join('；');
  const isPerson = row.partyKind === 'person';
  const content: Record<string, string> = {
    行政处罚决定书文号: row.decisionNumber ?? '',
    案件名称: row.title,
    [isPerson ? '当事人' : '当事人名称']: row.partyName,
    ...(isPerson ? {} : { 统一社会信用代码: party?.creditCode ?? '' }),
    ...(!isPerson && party?.legalRepresentative ? { 法定代表人: party.legalRepresentative } : {}),
    主要违法事实: row.facts ?? '',
    处罚依据: typeof data.lawApplied === 'string' ? data.lawApplied : row.powerItemName,
    处罚内容: penaltyText || (penalty?.detail ?? ''),
    处罚机关: scoped.organizationName,
    处罚决定日期: row.decidedOn ? chineseDate(row.decidedOn) : '',
  };
  return createPublication(ctx, {
    subjectType,
    subjectId: row.id,
    organizationId: row.organizationId,
    kind: 'penalty',
    field: row.field === '市场监管' ? 'marketSupervision' : 'general',
    title: `${scoped.organizationName}行政处罚决定信息（${row.decisionNumber ?? row.caseNumber}）`,
    content: Object.fromEntries(Object.entries(content).filter(([, value]) => value !== '')),
    decidedOn: row.decidedOn ?? todayOf(ctx),
    personalData: isPerson
      ? { personNames: [row.partyName], addresses: party?.address ? [party.address] : [] }
      : { personNames: party?.legalRepresentative ? [party.legalRepresentative] : [] },
  });
}

interface Assessment {
  penalty: StoredPenalty | null;
  discretion: StoredDiscretion | null;
  majorReasons: string[];
  requiresDeliberation: boolean;
  hearingReasons: string[];
}

/** What the proposal (调查终结) or the decision makes of the case: discretion, major status, hearing right. */
async function assessmentFor(
  ctx: ServiceContext,
  row: EnforcementCaseRow,
  action: string,
  fields: Record<string, unknown>,
): Promise<Assessment | null> {
  if (action !== 'concludeInvestigation' && action !== 'decide') return null;
  const penaltyInput = fields.penalty as PenaltyInput | undefined;
  const penalty = storedPenalty(
    penaltyInput && typeof penaltyInput === 'object' ? safePenalty(penaltyInput) : undefined,
  );
  const outcome = fields.outcome === 'noPenalty' ? 'noPenalty' : 'penalty';
  const effective =
    outcome === 'noPenalty' ? { ...penalty, kinds: [], fineFen: 0, confiscationFen: 0 } : penalty;
  const benchmark = await findBenchmark(ctx, row.organizationId, row.powerItemId);
  const circumstanceKey =
    typeof fields.circumstanceKey === 'string' && fields.circumstanceKey.trim() !== ''
      ? fields.circumstanceKey.trim()
      : ((row.discretion as StoredDiscretion | null)?.circumstanceKey ?? null);
  const fineYuan = effective.fineFen / 100;
  const assessed = assessDiscretion(benchmark, circumstanceKey, {
    outcome,
    fineYuan,
    kinds: effective.kinds,
  });
  const deviationReason =
    typeof fields.deviationReason === 'string' && fields.deviationReason.trim() !== ''
      ? fields.deviationReason.trim()
      : null;
  const discretion: StoredDiscretion = {
    benchmarkId: assessed.benchmarkId,
    circumstanceKey: assessed.circumstance?.key ?? circumstanceKey,
    circumstanceLabel: assessed.circumstance?.label ?? null,
    outcome: assessed.outcome,
    fineMinFen: assessed.fineMinYuan === null ? null : toFen(assessed.fineMinYuan),
    fineMaxFen: assessed.fineMaxYuan === null ? null : toFen(assessed.fineMaxYuan),
    outsideRange: assessed.outsideRange,
    reason: assessed.outsideRange ? [...assessed.reasons, deviationReason].filter(Boolean).join('；') : null,
  };
  const rules = await listActiveMajorRules(ctx, row.organizationId);
  const partyKind = row.partyKind as 'enterprise' | 'person';
  const proposal = { fineYuan, kinds: effective.kinds, partyKind };
  const declared =
    typeof fields.majorReason === 'string' && fields.majorReason.trim() !== ''
      ? [`承办人认定：${fields.majorReason.trim()}`]
      : [];
  const majorReasons = [
    ...majorReasonsFor(rules, proposal, { hearingHeld: row.majorReasons.some(isHearingReason) }),
    ...declared,
  ];
  return {
    penalty: effective,
    discretion,
    majorReasons: [...new Set([...(action === 'decide' ? row.majorReasons : []), ...majorReasons])],
    requiresDeliberation: requiresDeliberationFor(rules, proposal),
    hearingReasons: hearingReasons(partyKind, effective, hearingThresholdsOf(ctx.config)),
  };
}

/** Only the numbers and kinds of an unparsed penalty, for the assessment before the engine validates. */
function safePenalty(input: Record<string, unknown>): PenaltyInput {
  const number = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
  return {
    kinds: Array.isArray(input.kinds)
      ? (input.kinds.filter((kind) => typeof kind === 'string') as PenaltyKind[])
      : [],
    fineYuan: number(input.fineYuan),
    confiscationYuan: number(input.confiscationYuan),
    detail: null,
  };
}

async function caseFacts(
  ctx: ServiceContext,
  scoped: ScopedCase,
  action: string,
  fields: Record<string, unknown>,
  assessment: Assessment | null,
  deadlines: readonly DeadlineRecord[],
  today: string,
): Promise<CaseFacts> {
  const { row } = scoped;
  const personId = await actorPersonId(ctx);
  const people = await findOfficers(
    ctx,
    { personIds: personId ? [...new Set([...row.officerPersonIds, personId])] : row.officerPersonIds },
    today,
  );
  const officers = people.filter((officer) => row.officerPersonIds.includes(officer.personId));
  const actorPerson = people.find((person) => person.personId === personId);
  const records = await summarizeRecords(ctx, row.id);
  const documents = await listGeneratedDocuments(ctx, row.id);
  const decided = row.decidedPenalty as StoredPenalty | null;
  const monetaryFen = (decided?.fineFen ?? 0) + (decided?.confiscationFen ?? 0);
  let amountDueFen = monetaryFen;
  if (
    action === 'recordPayment' &&
    typeof fields.paidOn === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(fields.paidOn)
  ) {
    const payment = deadlines.find((deadline) => deadline.key === 'payment');
    amountDueFen += lateSurchargeFen(decided?.fineFen ?? 0, payment?.dueDate ?? null, fields.paidOn);
  }
  const isMajor = row.isMajor || (action === 'decide' && (assessment?.majorReasons.length ?? 0) > 0);
  return {
    certifiedOfficers: officers.filter((officer) => officer.certificateValid).length,
    actorIsCaseOfficer: personId !== null && row.officerPersonIds.includes(personId),
    actorHasLegalQualification: actorPerson?.hasLegalQualification ?? false,
    recordCount: records.count,
    hasAudioVideo: records.hasAudioVideo,
    isMajor,
    requiresDeliberation:
      row.requiresDeliberation || (action === 'decide' && Boolean(assessment?.requiresDeliberation)),
    hearingEligible:
      action === 'decide'
        ? row.hearingEligible || (assessment?.hearingReasons.length ?? 0) > 0
        : row.hearingEligible,
    hearingNotOffered:
      action === 'decide' && !row.hearingEligible && (assessment?.hearingReasons.length ?? 0) > 0,
    legalReviewConclusion: row.legalReviewConclusion as CaseFacts['legalReviewConclusion'],
    deliberatedOn: row.deliberatedOn,
    fineFen: monetaryFen,
    amountDueFen,
    outsideDiscretionRange: assessment?.discretion?.outsideRange ?? false,
    discretionOutcome: assessment?.discretion?.outcome ?? null,
    caseFileIndexGenerated: documents.some((document) => document.kind === 'caseFileIndex'),
  };
}

/** The case row's columns an action changes (after the engine accepted it). */
async function caseChangesAfter(
  ctx: ServiceContext,
  scoped: ScopedCase,
  action: string,
  data: Record<string, unknown>,
  assessment: Assessment | null,
  facts: CaseFacts,
  deadlines: readonly DeadlineRecord[],
  today: string,
): Promise<Partial<EnforcementCaseRow>> {
  const { row } = scoped;
  const text = (name: string) => {
    const value = data[name];
    return typeof value === 'string' ? value : null;
  };
  switch (action) {
    case 'approveRegistration':
      return { registeredOn: today };
    case 'concludeInvestigation':
      return {
        facts: text('facts'),
        proposedPenalty: assessment?.penalty ?? null,
        discretion: assessment?.discretion ?? null,
        isMajor: (assessment?.majorReasons.length ?? 0) > 0,
        majorReasons: assessment?.majorReasons ?? [],
        requiresDeliberation: assessment?.requiresDeliberation ?? false,
        hearingEligible: (assessment?.hearingReasons.length ?? 0) > 0,
      };
    case 'legalReview':
      return { legalReviewConclusion: text('conclusion'), legalReviewedOn: today };
    case 'deliberate':
      return { deliberatedOn: text('meetingDate') };
    case 'holdHearing': {
      const [reason = ''] = majorReasonsFor(
        [],
        { fineYuan: 0, kinds: [], partyKind: 'person' },
        { hearingHeld: true },
      );
      return {
        isMajor: true,
        majorReasons: row.majorReasons.includes(reason) ? row.majorReasons : [...row.majorReasons, reason],
      };
    }
    case 'decide': {
      const decided = assessment?.penalty ?? null;
      const outcome = text('outcome') ?? 'penalty';
      const number = await takeDocumentNumber(ctx, {
        organizationId: row.organizationId,
        year: yearOf(today),
        series: outcome === 'penalty' ? '罚决' : '不罚决',
      });
      return {
        decisionOutcome: outcome,
        decidedPenalty: decided,
        fineFen: decided?.fineFen ?? 0,
        decisionNumber: `${bodyDocumentCode({ name: scoped.organizationName, shortName: scoped.organizationShortName })}${outcome === 'penalty' ? '罚决' : '不罚决'}${number.suffix}`,
        decidedOn: today,
        isMajor: facts.isMajor,
        majorReasons: assessment?.majorReasons ?? row.majorReasons,
      };
    }
    case 'serve':
    case 'serveWithoutPayment':
      return { servedOn: text('servedOn') };
    case 'recordPayment': {
      const paidOn = text('paidOn');
      const decided = row.decidedPenalty as StoredPenalty | null;
      const payment = deadlines.find((deadline) => deadline.key === 'payment');
      return {
        paidOn,
        surchargeFen: paidOn ? lateSurchargeFen(decided?.fineFen ?? 0, payment?.dueDate ?? null, paidOn) : 0,
      };
    }
    case 'close':
      return { closedOn: today };
    case 'archive':
      return { archivedOn: today };
    default:
      return {};
  }
}

// ── Records ──────────────────────────────────────────────────────────────────

/**
 * Appends a whole-process record (text, and/or a file already stored by its hash) to a case in
 * scope; a case's officers and agency heads may record; closed and archived cases take none.
 */
export async function addCaseRecord(
  ctx: ServiceContext,
  caseId: string,
  input: AddRecordInput,
): Promise<CaseRecordView> {
  const actor = requireActor(ctx);
  const scoped = await findScopedCase(ctx, caseId);
  if (!scoped) throw notFound('案件');
  requireRole(ctx, ['officer', 'agencyHead', 'legalReviewer'], scoped.organizationPath);
  if (['archived', 'notRegistered', 'withdrawn', 'referred'].includes(scoped.row.state)) {
    throw new AppError('TRANSITION_FORBIDDEN', '案件已归档或已终结，不能再添加记录');
  }
  if (!input.content && !input.fileSha256) throw invalid('content', '记录须有文字内容或上传文件');
  if ((input.kind === 'photo' || input.kind === 'audioVideo') && !input.fileSha256) {
    throw invalid('fileSha256', '照片和音像记录须上传文件');
  }
  if (input.fileSha256) {
    const file = await getStoredFile(ctx, input.fileSha256);
    if (input.kind === 'audioVideo' && !/^(audio|video)\//.test(file.mediaType)) {
      throw invalid('fileSha256', '音像记录须是音频或视频文件');
    }
    await attachFile(ctx, {
      sha256: input.fileSha256,
      subjectType,
      subjectId: caseId,
      organizationId: scoped.row.organizationId,
      label: input.title,
    });
  }
  const now = ctx.clock.now();
  const row = {
    tenantCode: ctx.tenantCode,
    id: newId(),
    caseId,
    organizationId: scoped.row.organizationId,
    kind: input.kind,
    title: input.title,
    content: input.content ?? null,
    fileSha256: input.fileSha256 ?? null,
    recordedAt: input.recordedAt ? new Date(input.recordedAt) : now,
    location: input.location ?? null,
    recordedByUserId: actor.userId,
    recordedByName: actor.displayName,
    state: scoped.row.state,
    createdAt: now,
  };
  await insertRecord(ctx, row);
  await appendAuditEvent(ctx, {
    action: 'enforcementCase.record',
    entityType: subjectType,
    entityId: caseId,
    organizationId: scoped.row.organizationId,
    change: { ...row, createdAt: undefined, recordedAt: row.recordedAt.toISOString() },
  });
  const stored = (await listRecords(ctx, caseId)).find((record) => record.id === row.id);
  if (!stored) throw notFound('记录');
  return presentRecord(stored);
}

/** Re-hashes a record's file on disk against the hash recorded when it was uploaded. */
export async function verifyCaseRecord(ctx: ServiceContext, caseId: string, recordId: string) {
  requireActor(ctx);
  const scoped = await findScopedCase(ctx, caseId);
  if (!scoped) throw notFound('案件');
  const record = (await listRecords(ctx, caseId)).find((candidate) => candidate.id === recordId);
  if (!record) throw notFound('记录');
  if (!record.fileSha256) throw invalid('recordId', '该记录没有文件，无需校验');
  return verifyStoredFile(ctx, record.fileSha256);
}

// ── Reads ────────────────────────────────────────────────────────────────────

export async function getCaseDetail(ctx: ServiceContext, caseId: string): Promise<CaseDetail> {
  requireActor(ctx);
  const scoped = await findScopedCase(ctx, caseId);
  if (!scoped) throw notFound('案件');
  const today = todayOf(ctx);
  const detail = await getProcedureDetail(ctx, scoped.row.instanceId);
  const definition = getProcedure(procedureKeyOf(scoped.row));
  const [party] = await findParties(ctx, [scoped.row.partyId]);
  if (!party) throw notFound('当事人');
  const officers = await findOfficers(ctx, { personIds: scoped.row.officerPersonIds }, today);
  const view = presentCase(scoped.row, scoped.organizationName, party, officers, today);
  view.revision = detail.instance.revision;
  const records = await listRecords(ctx, caseId);
  const { documents, availableDocuments } = await caseDocumentsOfCase(ctx, scoped.row, {
    recordKinds: records.map((record) => record.kind),
    actions: detail.steps.map((step) => step.action),
  });
  const publication = await findPublicationForSubject(ctx, subjectType, caseId);
  return {
    case: view,
    steps: detail.steps.map((step) => presentStep(step, definition)),
    deadlines: detail.deadlines.map((deadline) => presentDeadline(deadline, today)),
    nextActions: detail.nextActions.map((next) => ({
      name: next.name,
      label: next.label,
      citation: definition.actions.find((action) => action.name === next.name)?.citation ?? null,
    })),
    records: records.map(presentRecord),
    documents,
    availableDocuments,
    publication: publication ? presentPublication(publication, { actor: ctx.actor, today }) : null,
  };
}

/** Cases in scope matching the filter, newest registration first. */
export async function listCases(ctx: ServiceContext, query: CaseListParams): Promise<CaseListPage> {
  requireRole(ctx, caseReaderRoles);
  const today = todayOf(ctx);
  const q = query.q?.trim() ?? '';
  const isNumber = documentNumberPattern.test(q);
  const filter: CaseFilter = {
    ...(isNumber ? { number: q } : q ? { words: q } : {}),
    organizationId: query.organizationId,
    state: query.state,
    procedure: query.procedure,
    source: query.source,
    year: query.year,
    isMajor: query.isMajor,
    registeredFrom: query.registeredFrom,
    registeredTo: query.registeredTo,
  };
  if (query.organizationId) {
    const organization = await findScopedOrganization(ctx, query.organizationId);
    if (!organization) throw notFound('执法主体');
    filter.organizationPath = organization.path;
    filter.organizationId = undefined;
  }
  if (query.overdue) filter.overdueOn = today;
  if (query.mine) {
    const personId = await actorPersonId(ctx);
    if (!personId) {
      return { items: [], total: 0, totalIsCapped: false, page: query.page, pageSize: query.pageSize };
    }
    filter.officerPersonId = personId;
  }
  let found = await selectCases(ctx, filter, query);
  // a number typed in part (〔2026〕12号) is not a whole number: look for it among the words
  if (isNumber && found.total === 0)
    found = await selectCases(ctx, { ...filter, number: undefined, words: q }, query);
  return {
    items: await presentRows(ctx, found.rows, today),
    total: found.total,
    totalIsCapped: found.totalIsCapped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A 立案编号 or 文号 as the search box may receive it: 〔year〕number号 at its end. */
const documentNumberPattern = /〔\d{4}〕\d+号$/;

async function presentRows(
  ctx: ServiceContext,
  rows: (EnforcementCaseRow & { organizationName: string })[],
  today: string,
): Promise<CaseView[]> {
  const parties = new Map(
    (await findParties(ctx, [...new Set(rows.map((row) => row.partyId))])).map((party) => [party.id, party]),
  );
  const officers = await findOfficers(
    ctx,
    { personIds: [...new Set(rows.flatMap((row) => row.officerPersonIds))] },
    today,
  );
  return rows.flatMap((row) => {
    const party = parties.get(row.partyId);
    return party ? [presentCase(row, row.organizationName, party, officers, today)] : [];
  });
}

/** The officer's, reviewer's or agency head's desk: their cases, what falls due soon and what is overdue. */
export async function getCaseWorkbench(ctx: ServiceContext): Promise<CaseWorkbench> {
  requireRole(ctx, caseReaderRoles);
  const today = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.tx);
  // A display filter, not a legal deadline: past the calendar's last year it approximates (Mon–Fri) rather than refuse.
  const soon = calendar.approximateAddWorkingDays(today, 5);
  const personId = await actorPersonId(ctx);
  const open = [
    'pendingRegistration',
    'investigating',
    'reviewing',
    'noticed',
    'hearingRequested',
    'hearingScheduled',
    'readyToDecide',
    'decided',
    'executing',
    'pendingClose',
    'closed',
  ];
  const page = { page: 1, pageSize: 50 };
  const mine = personId
    ? (await selectCases(ctx, { officerPersonId: personId, states: open }, page, 'due')).rows
    : [];
  const dueSoonRows = (await selectCases(ctx, { dueFrom: today, dueTo: soon, states: open }, page, 'due'))
    .rows;
  const overdueRows = (await selectCases(ctx, { overdueOn: today, states: open }, page, 'due')).rows;
  const awaitingReview = ctx.actor?.roles.some((held) => held.role === 'legalReviewer')
    ? (
        await selectCases(ctx, { states: ['reviewing', 'readyToDecide'], isMajor: true }, page, 'due')
      ).rows.filter((row) => row.legalReviewConclusion === null)
    : [];
  const awaitingDecision = ctx.actor?.roles.some((held) => held.role === 'agencyHead')
    ? (
        await selectCases(
          ctx,
          { states: ['pendingRegistration', 'readyToDecide', 'pendingClose'] },
          page,
          'due',
        )
      ).rows
    : [];
  const withDeadline = async (rows: (EnforcementCaseRow & { organizationName: string })[]) => {
    const views = await presentRows(ctx, rows, today);
    const deadlinesOf = await listDeadlinesOfInstances(
      ctx,
      views.map((view) => view.instanceId),
    );
    return views.flatMap((view) => {
      const next = (deadlinesOf.get(view.instanceId) ?? [])
        .filter((deadline) => deadline.status === 'open' && deadline.dueDate !== null)
        .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))[0];
      return next ? [{ case: view, deadline: presentDeadline(next, today) }] : [];
    });
  };
  return {
    today,
    mine: await presentRows(ctx, mine, today),
    dueSoon: await withDeadline(dueSoonRows),
    overdue: await withDeadline(overdueRows),
    awaitingLegalReview: await presentRows(ctx, awaitingReview, today),
    awaitingDecision: await presentRows(ctx, awaitingDecision, today),
  };
}

/** The penalty items in force on the body's 权责清单 today: what a case may be opened on. */
export async function listCaseablePowerItems(ctx: ServiceContext, organizationId: string) {
  requireActor(ctx);
  const body = await findScopedOrganization(ctx, organizationId);
  if (!body) throw notFound('执法主体');
  const items = await listPowerItemsOfKind(ctx, {
    organizationId,
    listKind: 'power',
    kind: 'penalty',
    date: todayOf(ctx),
  });
  return items.map((item) => ({
    id: item.itemId,
    code: item.code,
    name: item.name,
    kind: item.kind ?? 'penalty',
    legalBasisText: item.legalBasisText,
  }));
}

/** The body's officers with today's certificate status, for choosing a case's 承办人. */
export async function listCaseOfficers(
  ctx: ServiceContext,
  organizationId: string,
): Promise<CaseOfficerChoice[]> {
  requireActor(ctx);
  const body = await findScopedOrganization(ctx, organizationId);
  if (!body) throw notFound('执法主体');
  const officers = await findOfficers(ctx, { organizationId }, todayOf(ctx));
  const self = await actorPersonId(ctx);
  return officers
    .filter((officer) => officer.isActive && officer.duties.includes('officer'))
    .map((officer) => ({
      personId: officer.personId,
      name: officer.name,
      certificateNumber: officer.certificateNumber,
      certificateValid: officer.certificateValid,
      isCurrentUser: officer.personId === self,
    }));
}
