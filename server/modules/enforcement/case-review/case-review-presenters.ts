import type {
  ChecklistView,
  ReviewGrade,
  ReviewStatus,
  ReviewView,
} from '../../../../contracts/enforcement-oversight';
import type { ChecklistRecord, ReviewRecord } from './case-review-repository';
import { checklistItemsOf, checklistTotal } from './case-review-rules';

/** What leaves the server of 案卷评查 (case numbers and titles, no party data). */

export function presentChecklist(record: ChecklistRecord): ChecklistView {
  const items = checklistItemsOf(record);
  return {
    id: record.id,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    name: record.name,
    items,
    totalScore: checklistTotal(items),
    excellentAt: record.excellentAt,
    passAt: record.passAt,
    isActive: record.isActive,
    createdAt: record.createdAt.toISOString(),
  };
}

export function presentReview(record: ReviewRecord): ReviewView {
  return {
    id: record.id,
    campaign: record.campaign,
    year: record.year,
    caseId: record.caseId,
    caseNumber: record.caseNumber,
    caseTitle: record.caseTitle,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    checklistId: record.checklistId,
    status: record.status as ReviewStatus,
    scores: (record.scores ?? {}) as ReviewView['scores'],
    totalScore: record.totalScore,
    maxScore: record.maxScore,
    grade: record.grade as ReviewGrade | null,
    comment: record.comment,
    sampledByName: record.sampledByName,
    reviewerName: record.reviewerName,
    sampledAt: record.sampledAt.toISOString(),
    scoredAt: record.scoredAt?.toISOString() ?? null,
  };
}
