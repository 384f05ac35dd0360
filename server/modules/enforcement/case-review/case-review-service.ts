import { randomBytes } from 'node:crypto';
import type {
  CreateChecklistInput,
  ReviewGrade,
  ReviewListQuery,
  SampleCasesInput,
} from '../../../../contracts/enforcement-oversight';
import { requireActor } from '../../../core/access/authorize';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import { actorName, type HeldRole, type ServiceContext } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { AppError, invalid, notFound } from '../../../core/errors';
import { findScopedOrganization } from '../../org/organization-service';
import {
  reviewReadPolicy,
  reviewReaderRoles,
  reviewWritePolicy,
  reviewWriterRoles,
} from './case-review-policy';
import {
  countChecklistsOf,
  deactivateChecklists,
  findChecklist,
  findReview,
  insertChecklist,
  insertReviews,
  lockCampaign,
  lockChecklists,
  reviewResultsByOrganization,
  selectChecklists,
  selectReviews,
  selectSampleCandidates,
  updateReviewRow,
  type ChecklistRecord,
  type ReviewRecord,
} from './case-review-repository';
import {
  checklistProblems,
  checklistItemsOf,
  checklistTotal,
  defaultChecklist,
  drawSample,
  gradeFor,
  sampleSize,
  scoreReview,
} from './case-review-rules';

/**
 * Use cases of 案卷评查: the justice bureau's checklists (a default seeded on first use, then its
 * own), drawing closed cases at random from a seed, scoring them on the checklist, and the results
 * per body that oversight reads.
 */

/** The justice-bureau role the actor works under: the one on the active organization, else the first. */
function bureauRole(ctx: ServiceContext): HeldRole {
  const held = reviewWritePolicy(ctx);
  const active = held.find((role) => role.organizationId === ctx.actor?.activeOrganizationId);
  return active ?? (held[0] as HeldRole);
}

/** Seeds the default checklist for the organization the first time it is needed (audited). */
async function ensureDefaultChecklist(ctx: ServiceContext, organizationId: string): Promise<void> {
  await lockChecklists(ctx, organizationId);
  if ((await countChecklistsOf(ctx, organizationId)) > 0) return;
  const id = newId();
  const now = ctx.clock.now();
  await insertChecklist(ctx, {
    id,
    organizationId,
    name: defaultChecklist.name,
    items: defaultChecklist.items,
    excellentAt: defaultChecklist.excellentAt,
    passAt: defaultChecklist.passAt,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  });
  await appendAuditEvent(ctx, {
    action: 'caseReviewChecklist.create',
    entityType: 'caseReviewChecklist',
    entityId: id,
    organizationId,
    change: { ...defaultChecklist, isDefault: true },
  });
}

/**
 * The checklists in scope (active ones unless asked). A justice bureau that has none gets the
 * default one, written in this transaction, so the page always has a checklist to score on.
 */
export async function listChecklists(
  ctx: ServiceContext,
  query: { includeInactive?: boolean | undefined },
): Promise<ChecklistRecord[]> {
  const held = reviewReadPolicy(ctx);
  for (const role of held.filter((candidate) => reviewWriterRoles.includes(candidate.role))) {
    await ensureDefaultChecklist(ctx, role.organizationId);
  }
  return selectChecklists(ctx, { roles: reviewReaderRoles, includeInactive: query.includeInactive });
}

/** A new checklist of the justice bureau; it replaces the active one (reviews keep the one they were scored on). */
export async function createChecklist(
  ctx: ServiceContext,
  input: CreateChecklistInput,
): Promise<ChecklistRecord> {
  requireActor(ctx);
  const organizationId = input.organizationId ?? bureauRole(ctx).organizationId;
  const organization = await findScopedOrganization(ctx, organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '单位不存在或不在您的管理范围内', 'organizationId');
  reviewWritePolicy(ctx, organization.path);
  const [problem] = checklistProblems(input);
  if (problem) throw invalid(problem.field, problem.message);
  await lockChecklists(ctx, organization.id);
  const replaced = await deactivateChecklists(ctx, organization.id);
  const id = newId();
  const now = ctx.clock.now();
  const row = {
    id,
    organizationId: organization.id,
    name: input.name,
    items: input.items,
    excellentAt: input.excellentAt,
    passAt: input.passAt,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  };
  await insertChecklist(ctx, row);
  await appendAuditEvent(ctx, {
    action: 'caseReviewChecklist.create',
    entityType: 'caseReviewChecklist',
    entityId: id,
    organizationId: organization.id,
    change: { name: row.name, items: row.items, excellentAt: row.excellentAt, passAt: row.passAt, replaced },
  });
  const saved = await findChecklist(ctx, id);
  if (!saved) throw notFound('评查标准');
  return saved;
}

export interface SampleOutcome {
  seed: string;
  perOrganization: { organizationId: string; organizationName: string; candidates: number; drawn: number }[];
  reviewIds: string[];
}

/**
 * Draws closed cases of the year for review: per body, the ratio (rounded up, at least one) or
 * the count, at random from the seed (the same seed over the same cases draws the same ones);
 * cases already in the campaign are not drawn again. Each drawn case gets a pending review.
 */
export async function sampleCasesForReview(
  ctx: ServiceContext,
  input: SampleCasesInput,
): Promise<SampleOutcome> {
  const role = bureauRole(ctx);
  let checklist: ChecklistRecord | null;
  if (input.checklistId) {
    checklist =
      (await selectChecklists(ctx, { roles: reviewWriterRoles, includeInactive: true })).find(
        (candidate) => candidate.id === input.checklistId,
      ) ?? null;
    if (!checklist) throw new AppError('NOT_FOUND', '评查标准不存在或不在您的管理范围内', 'checklistId');
  } else {
    await ensureDefaultChecklist(ctx, role.organizationId);
    [checklist = null] = await selectChecklists(ctx, {
      roles: reviewWriterRoles,
      organizationId: role.organizationId,
    });
    if (!checklist) throw invalid('checklistId', '没有启用的评查标准，请先制定评查标准');
  }
  const organizationIds = input.organizationIds ? [...new Set(input.organizationIds)] : undefined;
  for (const [index, organizationId] of (organizationIds ?? []).entries()) {
    const organization = await findScopedOrganization(ctx, organizationId);
    if (!organization) {
      throw new AppError('NOT_FOUND', '执法主体不存在或不在您的管理范围内', `organizationIds.${index}`);
    }
    reviewWritePolicy(ctx, organization.path);
  }
  await lockCampaign(ctx, input.campaign);
  const candidates = await selectSampleCandidates(ctx, {
    year: input.year,
    campaign: input.campaign,
    organizationIds,
  });
  const seed = input.seed ?? randomBytes(6).toString('hex');
  const byOrganization = new Map<string, { name: string; ids: string[] }>();
  for (const candidate of candidates) {
    const entry = byOrganization.get(candidate.organizationId) ?? {
      name: candidate.organizationName,
      ids: [],
    };
    entry.ids.push(candidate.id);
    byOrganization.set(candidate.organizationId, entry);
  }
  const now = ctx.clock.now();
  const sampledByName = actorName(ctx.actor);
  const maxScore = checklistTotal(checklistItemsOf(checklist));
  const perOrganization: SampleOutcome['perOrganization'] = [];
  const rows: Parameters<typeof insertReviews>[1] = [];
  for (const [organizationId, entry] of [...byOrganization.entries()].sort((a, b) =>
    a[1].name.localeCompare(b[1].name, 'zh'),
  )) {
    const drawn = drawSample(entry.ids, sampleSize(entry.ids.length, input), `${seed}:${organizationId}`);
    perOrganization.push({
      organizationId,
      organizationName: entry.name,
      candidates: entry.ids.length,
      drawn: drawn.length,
    });
    for (const caseId of drawn) {
      rows.push({
        id: newId(),
        campaign: input.campaign,
        year: input.year,
        caseId,
        organizationId,
        checklistId: checklist.id,
        status: 'pending',
        scores: {},
        totalScore: null,
        maxScore,
        grade: null,
        comment: null,
        sampledByName,
        reviewerName: null,
        sampledAt: now,
        scoredAt: null,
      });
    }
  }
  await insertReviews(ctx, rows);
  await appendAuditEvent(ctx, {
    action: 'caseReview.sample',
    entityType: 'caseReviewCampaign',
    entityId: input.campaign,
    organizationId: role.organizationId,
    change: {
      campaign: input.campaign,
      year: input.year,
      seed,
      ratio: input.ratio ?? null,
      count: input.count ?? null,
      checklistId: checklist.id,
      organizationIds: organizationIds ?? null,
      drawn: rows.map((row) => ({
        reviewId: row.id,
        caseId: row.caseId,
        organizationId: row.organizationId,
      })),
    },
  });
  return { seed, perOrganization, reviewIds: rows.map((row) => row.id) };
}

/** A page of reviews in scope (justice bureau and leaders), filtered. */
export async function listReviews(
  ctx: ServiceContext,
  query: ReviewListQuery & { page: number; pageSize: number; ids?: string[] },
) {
  reviewReadPolicy(ctx);
  const { rows, total } = await selectReviews(ctx, query, reviewReaderRoles, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** One review in scope with the checklist it is scored on. */
export async function getReview(ctx: ServiceContext, id: string) {
  reviewReadPolicy(ctx);
  const review = await findReview(ctx, id, reviewReaderRoles);
  if (!review) throw notFound('评查案卷');
  const checklist = await findChecklist(ctx, review.checklistId);
  if (!checklist) throw notFound('评查标准');
  return { review, checklist };
}

/**
 * Scores a sampled case on its checklist: every item scored, none above its 分值; the total and
 * the grade (优秀/合格/不合格 at the checklist's thresholds) are computed here. Scoring again
 * replaces the scores, and the log keeps both.
 */
export async function scoreCaseReview(
  ctx: ServiceContext,
  id: string,
  input: {
    scores: Record<string, { score: number; note?: string | null | undefined }>;
    comment?: string | null | undefined;
  },
): Promise<ReviewRecord> {
  reviewWritePolicy(ctx);
  const review = await findReview(ctx, id, reviewWriterRoles);
  if (!review) throw notFound('评查案卷');
  const checklist = await findChecklist(ctx, review.checklistId);
  if (!checklist) throw notFound('评查标准');
  const items = checklistItemsOf(checklist);
  const { total, problems } = scoreReview(items, input.scores);
  const [problem] = problems;
  if (problem) throw invalid(problem.field, problem.message);
  const grade: ReviewGrade = gradeFor(total, checklist);
  const scores = Object.fromEntries(
    items.map((entry) => {
      const given = input.scores[entry.key];
      return [entry.key, { score: given?.score ?? 0, note: given?.note ?? null }];
    }),
  );
  const values = {
    scores,
    totalScore: total,
    grade,
    comment: input.comment ?? null,
    reviewerName: actorName(ctx.actor),
    scoredAt: ctx.clock.now(),
    status: 'scored',
  };
  await updateReviewRow(ctx, id, values);
  await appendAuditEvent(ctx, {
    action: 'caseReview.score',
    entityType: 'caseReview',
    entityId: id,
    organizationId: review.organizationId,
    change: {
      before:
        review.status === 'scored'
          ? {
              scores: review.scores,
              totalScore: review.totalScore,
              grade: review.grade,
              comment: review.comment,
            }
          : null,
      after: { scores, totalScore: total, grade, comment: values.comment },
    },
  });
  const saved = await findReview(ctx, id, reviewWriterRoles);
  if (!saved) throw notFound('评查案卷');
  return saved;
}

/** Per body in scope: sampled, scored, the average score and the counts by grade. */
export async function reviewResults(
  ctx: ServiceContext,
  query: { campaign?: string | null | undefined; year?: number | undefined },
) {
  reviewReadPolicy(ctx);
  return reviewResultsByOrganization(ctx, query, reviewReaderRoles);
}
