import type {
  PublicationListQuery,
  PublicationTimeliness,
  PublicDecisionQuery,
  PublishPublicationInput,
  TakeDownPublicationInput,
  TimelinessQuery,
  WithdrawPublicationInput,
} from '../../../contracts/publicity';
import { findScopedOrganization } from '../../modules/org/organization-service';
import { requireActor, requireRole } from '../access/authorize';
import { appendAuditEvent } from '../audit/append-audit-event';
import { parseCivilDate } from '../calendar/civil-dates';
import { loadWorkingDayCalendar } from '../calendar/load-calendar';
import { civilDate } from '../clock';
import { actorName, type ServiceContext } from '../context';
import { newId } from '../db/ids';
import { AppError, invalid, notFound } from '../errors';
import {
  exposedPersonalDataLabels,
  findExposedPersonalData,
  maskPersonalData,
  type PersonalDataContext,
} from './personal-data-masking';
import {
  countPublicDecisionsByOrganization as countPublicByOrganization,
  findLatestPublicationOfSubject,
  findLivePublicationIdOfSubject,
  findPublicDecision,
  findPublicationInScope,
  insertPublication,
  selectPublicDecisions,
  selectPublications,
  timelinessCounts,
  updatePublication,
  type PublicationRecord,
} from './publication-repository';
import {
  addMonths,
  publicationRuleFor,
  publicityPeriodFor,
  type PublicationField,
  type PublishedDecisionKind,
} from './publication-rules';
import { tryPeriodEndOn } from './recompute-publications';

export type { PublicationRecord };

/**
 * The publication mechanism (DESIGN.md core mechanism 5): anything that goes public — an
 * enforcement decision today, other subjects later — is one record with its due date from the
 * field's rule on the working-day calendar, its text masked, published by a person who may edit
 * the masked text and is refused while it still exposes personal data, withdrawn with a reason
 * when the decision is altered or revoked, and off the portal when its publicity period ends or an
 * approved credit repair takes it down early.
 */

/** Who publishes: the body's officers and its head (国办发〔2018〕118号: the body publishes its own decisions). */
export const publisherRoles = ['officer', 'agencyHead'] as const;
/** Who withdraws or takes down: the body's head, or the justice bureau (which oversees publicity). */
export const withdrawerRoles = ['agencyHead', 'justiceBureau'] as const;

/**
 * The general guideline (国办发〔2018〕118号) sets no publicity period. So that an adverse record does
 * not stay public without end, the platform applies to penalties in the general field the periods
 * of the one national rule that sets them — 3 months for 通报批评 or a lower fine, 3 years
 * otherwise (市场监督管理行政处罚信息公示规定 art. 13) — by analogy; a province whose rules differ
 * changes this. Licensing and other decisions are not adverse: they stay public without end.
 */
const generalPenaltyPeriod = (isMinorPenalty: boolean) => ({
  months: isMinorPenalty ? 3 : 36,
  citation: '参照《市场监督管理行政处罚信息公示规定》（2021）第十三条（一般规定未设公示期限）',
});

/** How long a decision published in `field` stays public, or null for no end. */
export function publicityPeriodOf(
  field: PublicationField,
  kind: PublishedDecisionKind,
  isMinorPenalty: boolean,
): { months: number; citation: string } | null {
  const own = publicityPeriodFor(field, kind, { isMinorPenalty });
  if (own) return own;
  return kind === 'penalty' ? generalPenaltyPeriod(isMinorPenalty) : null;
}

const todayOf = (ctx: ServiceContext) => civilDate(ctx.clock.now());

async function publicationInScope(ctx: ServiceContext, id: string, forUpdate = false) {
  const record = await findPublicationInScope(ctx, id, { forUpdate });
  if (!record) throw notFound('公示记录');
  return record;
}

const statusLabelOf: Record<string, string> = {
  pending: '待公示',
  published: '已公示',
  withdrawn: '已撤回',
  takenDown: '已提前下网',
};

function requireStatus(record: PublicationRecord, allowed: readonly string[], actionLabel: string): void {
  if (!allowed.includes(record.status)) {
    throw new AppError(
      'TRANSITION_FORBIDDEN',
      `当前状态「${statusLabelOf[record.status] ?? record.status}」不能${actionLabel}`,
    );
  }
}

const isExpiredOn = (record: Pick<PublicationRecord, 'status' | 'publicUntil'>, today: string) =>
  record.status === 'published' && record.publicUntil !== null && record.publicUntil < today;

/** The text with every part masked (defensively: the caller should have masked it already). */
function maskContent(content: Record<string, string>, personalData: PersonalDataContext) {
  return Object.fromEntries(
    Object.entries(content).map(([label, text]) => [label, maskPersonalData(text, personalData)]),
  );
}

// ── Writes ───────────────────────────────────────────────────────────────────

export interface CreatePublicationInput {
  subjectType: string;
  subjectId: string;
  organizationId: string;
  kind: PublishedDecisionKind;
  field: PublicationField;
  title: string;
  /** label → text, in display order (masked again here) */
  content: Record<string, string>;
  /** the day the decision was made: the publication period runs from it */
  decidedOn: string;
  /** natural persons named in the text and their addresses, masked wherever they occur */
  personalData?: PersonalDataContext;
}

/**
 * Records that a decision must go public: pending, due within the field's period from the decision
 * day on the working-day calendar (the rule's citation kept), its text masked. One live
 * publication per subject. When the period reaches a year the calendar has no data for, the due
 * date stays pending (null, never guessed) until an administrator enters the year.
 */
export async function createPublication(
  ctx: ServiceContext,
  input: CreatePublicationInput,
): Promise<PublicationRecord> {
  const organization = await findScopedOrganization(ctx, input.organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '公示单位不存在或不在您的管理范围内', 'organizationId');
  if (ctx.actor) requireRole(ctx, publisherRoles, organization.path);
  const decidedOn = parseCivilDate(input.decidedOn, 'decidedOn');
  if (decidedOn > todayOf(ctx)) throw invalid('decidedOn', '决定日期不能晚于今天');
  const title = input.title.trim();
  if (!title) throw invalid('title', '公示标题不能为空');
  if (Object.keys(input.content).length === 0) throw invalid('content', '公示内容不能为空');
  if (await findLivePublicationIdOfSubject(ctx, input.subjectType, input.subjectId)) {
    throw new AppError('CONFLICT', '该决定已有待公示或已公示的记录', 'subjectId');
  }
  const rule = publicationRuleFor(input.field, input.kind);
  const calendar = await loadWorkingDayCalendar(ctx.tx);
  const personalData = input.personalData ?? {};
  const id = newId();
  const due = tryPeriodEndOn(rule.publishWithin, decidedOn, calendar);
  const row = {
    id,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    organizationId: organization.id,
    kind: input.kind,
    field: input.field,
    title: maskPersonalData(title, personalData),
    content: maskContent(input.content, personalData),
    decidedOn,
    dueOn: due.dueOn,
    citation: rule.publishWithin.citation,
    status: 'pending',
  };
  await insertPublication(ctx, row);
  await appendAuditEvent(ctx, {
    action: 'publication.create',
    entityType: 'publication',
    entityId: id,
    organizationId: organization.id,
    change: due.missing ? { ...row, dueOnPending: due.missing } : row,
  });
  return publicationInScope(ctx, id);
}

/**
 * Publishes a pending record, with the text as edited by the officer or agency head (trade
 * secrets). Refused, naming the part, while the final text still shows an ID number or a mobile
 * number. The publicity period starts today.
 */
export async function publishPublication(
  ctx: ServiceContext,
  id: string,
  input: PublishPublicationInput = {},
): Promise<PublicationRecord> {
  const record = await publicationInScope(ctx, id, true);
  requireRole(ctx, publisherRoles, record.organizationPath);
  requireStatus(record, ['pending'], '公示');
  const title = input.title ?? record.title;
  const content = input.content ?? record.content;
  if (Object.keys(content).length === 0) throw invalid('content', '公示内容不能为空');
  refuseExposedPersonalData('title', '公示标题', title);
  for (const [label, text] of Object.entries(content)) {
    if (!text.trim()) throw invalid(`content.${label}`, `公示内容「${label}」不能为空`);
    refuseExposedPersonalData(`content.${label}`, `公示内容「${label}」`, text);
  }
  const publishedOn = todayOf(ctx);
  const period = publicityPeriodOf(
    record.field as PublicationField,
    record.kind as PublishedDecisionKind,
    input.isMinorPenalty ?? false,
  );
  // 民法典 art. 201: a period in months ends on the corresponding day of its last month.
  const publicUntil = period ? addMonths(publishedOn, period.months) : null;
  const changes = {
    status: 'published',
    title,
    content,
    publishedOn,
    publishedAt: ctx.clock.now(),
    publishedByName: actorName(ctx.actor),
    publicUntil,
  };
  await updatePublication(ctx, id, changes);
  await appendAuditEvent(ctx, {
    action: 'publication.publish',
    entityType: 'publication',
    entityId: id,
    organizationId: record.organizationId,
    change: {
      before: { status: record.status, title: record.title, content: record.content },
      after: {
        ...changes,
        publicityCitation: period?.citation ?? null,
        // a due date still pending is neither on time nor late until it is known
        onTime: record.dueOn === null ? null : publishedOn <= record.dueOn,
      },
    },
  });
  return publicationInScope(ctx, id);
}

/**
 * An 18-character number shaped like a 居民身份证号码 (division code, birth date, sequence) whose
 * check character is wrong — most likely a mistyped ID number, which masking does not recognise —
 * is refused as well: the portal must not show it either way.
 */
const idNumberShape =
  /(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/;

function refuseExposedPersonalData(field: string, label: string, text: string): void {
  const kinds = new Set(findExposedPersonalData(text).map((found) => exposedPersonalDataLabels[found.kind]));
  if (kinds.size === 0 && idNumberShape.test(text)) kinds.add('疑似身份证号码');
  if (kinds.size === 0) return;
  throw invalid(field, `${label}含有未遮蔽的${[...kinds].join('、')}，请删除或遮蔽后再公示`);
}

/**
 * Withdraws a publication whose decision was altered, revoked, confirmed illegal or void, with the
 * reason; the withdrawal is due within the field's period from that day (行政处罚法 art. 48 para. 2:
 * 3 days; 市场监督管理: 3 working days, art. 11). A pending record withdrawn is simply never published.
 */
export async function withdrawPublication(
  ctx: ServiceContext,
  id: string,
  input: WithdrawPublicationInput,
): Promise<PublicationRecord> {
  const record = await publicationInScope(ctx, id, true);
  requireRole(ctx, withdrawerRoles, record.organizationPath);
  requireStatus(record, ['pending', 'published'], '撤回');
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', '必须填写撤回理由');
  const today = todayOf(ctx);
  const eventOn = parseCivilDate(input.eventOn, 'eventOn');
  if (eventOn > today) throw invalid('eventOn', '决定被变更、撤销或确认违法的日期不能晚于今天');
  if (eventOn < record.decidedOn)
    throw invalid('eventOn', '决定被变更、撤销或确认违法的日期不能早于决定日期');
  const rule = publicationRuleFor(record.field as PublicationField, record.kind as PublishedDecisionKind);
  const wasPublished = record.status === 'published';
  // null when not published, or pending while the calendar lacks the year (computed once it is entered)
  const withdrawDueOn = wasPublished
    ? tryPeriodEndOn(rule.withdrawWithin, eventOn, await loadWorkingDayCalendar(ctx.tx)).dueOn
    : null;
  const changes = {
    status: 'withdrawn',
    withdrawReason: reason,
    withdrawEventOn: eventOn,
    withdrawDueOn,
    withdrawnOn: today,
  };
  await updatePublication(ctx, id, changes);
  await appendAuditEvent(ctx, {
    action: 'publication.withdraw',
    entityType: 'publication',
    entityId: id,
    organizationId: record.organizationId,
    change: {
      before: { status: record.status },
      after: { ...changes, withdrawCitation: wasPublished ? rule.withdrawWithin.citation : null },
    },
  });
  return publicationInScope(ctx, id);
}

/**
 * Takes a published record off the portal before its period ends, on an approved credit repair
 * (信用修复; 市场监督管理行政处罚信息公示规定 art. 14): the party has met its obligations.
 */
export async function takeDownPublication(
  ctx: ServiceContext,
  id: string,
  input: TakeDownPublicationInput,
): Promise<PublicationRecord> {
  const record = await publicationInScope(ctx, id, true);
  requireRole(ctx, withdrawerRoles, record.organizationPath);
  if (!(input.creditRepair as boolean)) throw invalid('creditRepair', '只有经批准的信用修复才能提前下网');
  requireStatus(record, ['published'], '提前下网');
  const today = todayOf(ctx);
  if (isExpiredOn(record, today)) {
    throw new AppError('TRANSITION_FORBIDDEN', '公示期已满，记录已到期下网，无需提前下网');
  }
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', '必须填写提前下网理由');
  const changes = { status: 'takenDown', takenDownReason: reason, takenDownOn: today };
  await updatePublication(ctx, id, changes);
  await appendAuditEvent(ctx, {
    action: 'publication.takeDown',
    entityType: 'publication',
    entityId: id,
    organizationId: record.organizationId,
    change: { before: { status: record.status, publicUntil: record.publicUntil }, after: changes },
  });
  return publicationInScope(ctx, id);
}

// ── Console reads ────────────────────────────────────────────────────────────

/** A page of publications in scope, with due and overdue information. */
export async function listPublications(ctx: ServiceContext, query: PublicationListQuery) {
  requireActor(ctx);
  if (query.organizationId && !(await findScopedOrganization(ctx, query.organizationId))) {
    throw notFound('组织');
  }
  const today = todayOf(ctx);
  const { rows, total } = await selectPublications(ctx, query, query, today);
  return { items: rows, total, page: query.page, pageSize: query.pageSize, today };
}

/** One publication in scope. */
export async function getPublication(ctx: ServiceContext, id: string): Promise<PublicationRecord> {
  requireActor(ctx);
  return publicationInScope(ctx, id);
}

/** The latest publication of a subject (e.g. an enforcement case) in the actor's scope, or null. */
export async function findPublicationForSubject(
  ctx: ServiceContext,
  subjectType: string,
  subjectId: string,
): Promise<PublicationRecord | null> {
  return findLatestPublicationOfSubject(ctx, subjectType, subjectId);
}

/**
 * Publicity timeliness for oversight over the publications falling due in [from, to] in scope:
 * published on or before the due date, published late, still unpublished past it; the rate is
 * on time ÷ due. A record withdrawn before publication is no longer due and not counted.
 */
export async function publicationTimeliness(
  ctx: ServiceContext,
  query: TimelinessQuery,
): Promise<PublicationTimeliness> {
  const from = parseCivilDate(query.from, 'from');
  const to = parseCivilDate(query.to, 'to');
  if (to < from) throw invalid('to', '截止日期不能早于起始日期');
  if (query.organizationId && !(await findScopedOrganization(ctx, query.organizationId))) {
    throw notFound('组织');
  }
  const counts = await timelinessCounts(
    ctx,
    { from, to, organizationId: query.organizationId, kind: query.kind },
    todayOf(ctx),
  );
  const due = counts.onTime + counts.late + counts.overdue;
  return {
    from,
    to,
    due,
    publishedOnTime: counts.onTime,
    publishedLate: counts.late,
    overdueUnpublished: counts.overdue,
    notYetDue: counts.notYetDue,
    rate: due === 0 ? null : Math.round((counts.onTime / due) * 10_000) / 10_000,
  };
}

// ── Portal reads (no sign-in: public today only) ─────────────────────────────

/** A page of the decisions public today, full-text searched over title and content. */
export async function listPublicDecisions(ctx: ServiceContext, query: PublicDecisionQuery) {
  const publicCtx = { ...ctx, actor: null };
  const { rows, total } = await selectPublicDecisions(publicCtx, query, query, todayOf(ctx));
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** One decision public today; pending, withdrawn, taken down, expired or unknown is not found. */
export async function getPublicDecision(ctx: ServiceContext, id: string): Promise<PublicationRecord> {
  const record = await findPublicDecision({ ...ctx, actor: null }, id, todayOf(ctx));
  if (!record) throw notFound('公示决定');
  return record;
}

/** Per organization, how many decisions are public today (for the portal's lists of bodies). */
export async function countPublicDecisionsByOrganization(ctx: ServiceContext): Promise<Map<string, number>> {
  return countPublicByOrganization({ ...ctx, actor: null }, todayOf(ctx));
}
