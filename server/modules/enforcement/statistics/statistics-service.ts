import {
  caseProcedureLabels,
  caseSourceLabels,
  type CaseProcedure,
  type CaseSource,
} from '../../../../contracts/enforcement';
import {
  reviewGradeLabels,
  reviewStatusLabels,
  statisticsIndicatorLabels,
  type CountByKey,
  type EnforcementStatistics,
  type ReviewGrade,
  type StatisticsCaseRow,
  type StatisticsCasesPage,
  type StatisticsIndicator,
} from '../../../../contracts/enforcement-oversight';
import type { Role } from '../../../../contracts/roles';
import { requireRole } from '../../../core/access/authorize';
import { chineseDate, daysBetween } from '../../../core/calendar/civil-dates';
import type { ServiceContext } from '../../../core/context';
import { AppError, invalid } from '../../../core/errors';
import { todayOf } from '../../../core/procedures/procedure-service';
import { publicationTimeliness } from '../../../core/publication/publication-service';
import { findScopedOrganization } from '../../org/organization-service';
import { ordinaryCaseProcedure, summaryCaseProcedure } from '../case-procedures';
import {
  caseFigures,
  overdueByKey,
  overdueDeadlinesOf,
  registeredBy,
  reviewFigures,
  reviewsOfCases,
  selectIndicatorCases,
  type StatisticsCaseRecord,
  type StatisticsScope,
} from './statistics-repository';

/**
 * 执法统计: the figures oversight needs — legal-review rate, overdue cases, case-file scores,
 * cases by state, source and procedure, fines, publicity timeliness — each opening to its cases.
 */

/** Who reads the figures: the justice bureau and leaders, and a body's own head, reviewer and liaison. */
export const statisticsReaderRoles: readonly Role[] = [
  'justiceBureau',
  'leader',
  'agencyHead',
  'legalReviewer',
  'liaison',
];

const yuan = (fen: number) => Math.round(fen) / 100;
const yuanText = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** A case state's label, from the case procedures (the ordinary one first). */
export function caseStateLabel(state: string): string {
  return ordinaryCaseProcedure.states[state]?.label ?? summaryCaseProcedure.states[state]?.label ?? state;
}

async function scopeOf(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined; organizationId?: string | undefined },
): Promise<StatisticsScope> {
  requireRole(ctx, statisticsReaderRoles);
  const today = todayOf(ctx);
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (to < from) throw invalid('to', '统计截止日期不能早于起始日期');
  let organizationPath: string | null = null;
  if (query.organizationId) {
    const organization = await findScopedOrganization(ctx, query.organizationId);
    if (!organization)
      throw new AppError('NOT_FOUND', '执法主体不存在或不在您的管理范围内', 'organizationId');
    organizationPath = organization.path;
  }
  return { from, to, today, organizationPath, roles: statisticsReaderRoles };
}

const withLabels = (rows: { key: string; count: number }[], label: (key: string) => string): CountByKey[] =>
  rows.map((row) => ({ ...row, label: label(row.key) }));

const gradeLabel = (key: string) =>
  key === 'pending' ? reviewStatusLabels.pending : (reviewGradeLabels[key as ReviewGrade] ?? key);

/** The figures over [from, to] (default: this year to today) of the cases in scope, or of one body and its subordinates. */
export async function enforcementStatistics(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined; organizationId?: string | undefined },
): Promise<EnforcementStatistics> {
  const scope = await scopeOf(ctx, query);
  const figures = await caseFigures(ctx, scope);
  const overdue = await overdueByKey(ctx, scope);
  const reviews = await reviewFigures(ctx, scope);
  const timeliness = await publicationTimeliness(ctx, {
    from: scope.from,
    to: scope.to,
    ...(query.organizationId ? { organizationId: query.organizationId } : {}),
  });
  return {
    from: scope.from,
    to: scope.to,
    today: scope.today,
    organizationId: query.organizationId ?? null,
    registered: figures.registered,
    legalReview: {
      majorDecided: figures.majorDecided,
      reviewed: figures.legalReviewed,
      missing: figures.majorDecided - figures.legalReviewed,
      rate:
        figures.majorDecided === 0
          ? null
          : Math.round((figures.legalReviewed / figures.majorDecided) * 10_000) / 10_000,
    },
    overdue: {
      cases: figures.overdueCases,
      deadlines: overdue.reduce((sum, row) => sum + row.count, 0),
      byKey: overdue,
    },
    caseFileReview: {
      sampled: reviews.sampled,
      scored: reviews.scored,
      averageScore: reviews.averageScore,
      byGrade: withLabels(reviews.byGrade, gradeLabel),
    },
    byState: withLabels(await registeredBy(ctx, scope, 'state'), caseStateLabel),
    bySource: withLabels(
      await registeredBy(ctx, scope, 'source'),
      (key) => caseSourceLabels[key as CaseSource] ?? key,
    ),
    byProcedure: withLabels(
      await registeredBy(ctx, scope, 'procedure'),
      (key) => caseProcedureLabels[key as CaseProcedure] ?? key,
    ),
    fines: { cases: figures.finedCases, totalYuan: yuan(figures.fineFen) },
    publicationTimeliness: timeliness,
  };
}

/** Why a major case counts as decided without legal review (行政处罚法 art. 58). */
function legalReviewGap(row: StatisticsCaseRecord): string {
  if (!row.legalReviewConclusion) return '未记录法制审核意见';
  if (row.legalReviewConclusion !== 'agree') return '法制审核意见为“存在问题”';
  if (row.legalReviewedOn && row.decidedOn && row.legalReviewedOn > row.decidedOn) {
    return `法制审核（${chineseDate(row.legalReviewedOn)}）晚于作出决定（${chineseDate(row.decidedOn)}）`;
  }
  return '法制审核意见不完整';
}

/** The cases behind one figure (the same condition the figure counts), a page at a time, with what made each count. */
export async function statisticsCases(
  ctx: ServiceContext,
  query: {
    indicator: StatisticsIndicator;
    key?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    organizationId?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<StatisticsCasesPage> {
  const scope = await scopeOf(ctx, query);
  if (['byState', 'bySource', 'byProcedure'].includes(query.indicator) && !query.key) {
    throw invalid('key', '请指定分组（状态、来源或程序类型）');
  }
  const { rows, total } = await selectIndicatorCases(ctx, scope, query.indicator, query.key, query);
  const details = new Map<string, string>();
  if (query.indicator === 'overdue') {
    const overdue = await overdueDeadlinesOf(
      ctx,
      rows.map((row) => row.instanceId),
      scope.today,
    );
    for (const row of rows) {
      const text = overdue
        .filter(
          (deadline) => deadline.instanceId === row.instanceId && (!query.key || deadline.key === query.key),
        )
        .map(
          (deadline) =>
            `${deadline.label}：应于${chineseDate(deadline.dueDate)}前完成，已超期 ${daysBetween(deadline.dueDate, scope.today)} 日`,
        )
        .join('；');
      details.set(row.id, text);
    }
  } else if (query.indicator === 'reviewGrade') {
    const reviews = await reviewsOfCases(
      ctx,
      rows.map((row) => row.id),
      scope,
    );
    for (const row of rows) {
      details.set(
        row.id,
        reviews
          .filter((review) => review.caseId === row.id)
          .map((review) =>
            review.status === 'scored'
              ? `${review.campaign}：${review.totalScore ?? 0} 分（${gradeLabel(review.grade ?? 'pending')}）`
              : `${review.campaign}：待评查`,
          )
          .join('；'),
      );
    }
  } else if (query.indicator === 'legalReviewMissing') {
    for (const row of rows) details.set(row.id, legalReviewGap(row));
  } else if (query.indicator === 'fined') {
    for (const row of rows) details.set(row.id, `罚款 ${yuanText(row.fineFen)}`);
  }
  const items: StatisticsCaseRow[] = rows.map((row) => ({
    id: row.id,
    caseNumber: row.caseNumber,
    title: row.title,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    procedure: row.procedure as CaseProcedure,
    source: row.source as CaseSource,
    state: row.state,
    stateLabel: caseStateLabel(row.state),
    isMajor: row.isMajor,
    registeredOn: row.registeredOn,
    decidedOn: row.decidedOn,
    fineYuan: yuan(row.fineFen),
    detail: details.get(row.id) ?? null,
  }));
  return {
    indicator: query.indicator,
    label: statisticsIndicatorLabels[query.indicator],
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
