import { and, desc, eq, isNotNull, count } from 'drizzle-orm';
import {
  spotCheckPlanStateLabels,
  spotCheckTriggerLabels,
  type DrawVerificationView,
  type PublicSpotCheckPlan,
  type SpotCheckPlanState,
  type SpotCheckTrigger,
} from '../../../../contracts/spotchecks';
import type { ServiceContext } from '../../../core/context';
import { notFound } from '../../../core/errors';
import { organizationNamesById } from '../../org/org-repository';
import { verifyDrawRecord } from '../draw/verify-draw';
import { spotCheckPlans, type SpotCheckPlanRow } from '../spotcheck-tables';

/**
 * 双随机 on the portal: every plan whose commitment was published — with the commitment, and
 * after the draw the revealed secret and the record to download — and a check of any record
 * against the published algorithm. Cancelled plans stay listed with their reason, so a
 * commitment can never silently disappear.
 */

const publicPlan = (ctx: ServiceContext) =>
  and(eq(spotCheckPlans.tenantCode, ctx.tenantCode), isNotNull(spotCheckPlans.commitment));

function present(row: SpotCheckPlanRow, names: Map<string, string>): PublicSpotCheckPlan {
  return {
    id: row.id,
    planNumber: row.planNumber,
    title: row.title,
    organizationNames: row.organizationIds.map((id) => names.get(id) ?? ''),
    isJoint: row.organizationIds.length > 1,
    triggerLabel: spotCheckTriggerLabels[row.trigger as SpotCheckTrigger],
    stateLabel: spotCheckPlanStateLabels[row.state as SpotCheckPlanState],
    itemNames: row.items.map((item) => item.name),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    populationCount: row.populationCount,
    taskCount: row.taskCount,
    inputDigest: row.inputDigest,
    commitment: row.commitment,
    committedAt: row.committedAt?.toISOString() ?? null,
    secret: row.secret,
    externalEntropy: row.secret === null ? null : row.externalEntropy,
    drawnAt: row.drawnAt?.toISOString() ?? null,
    hasRecord: row.recordSha256 !== null,
    cancelReason: row.cancelReason,
  };
}

const namesOf = (ctx: ServiceContext, rows: readonly SpotCheckPlanRow[]) =>
  organizationNamesById(
    ctx.tx,
    ctx.tenantCode,
    rows.flatMap((row) => row.organizationIds),
  );

export async function listPublicPlans(ctx: ServiceContext, query: { page: number; pageSize: number }) {
  const [total] = await ctx.tx.select({ n: count() }).from(spotCheckPlans).where(publicPlan(ctx));
  const rows = await ctx.tx
    .select()
    .from(spotCheckPlans)
    .where(publicPlan(ctx))
    .orderBy(desc(spotCheckPlans.committedAt), desc(spotCheckPlans.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const names = await namesOf(ctx, rows);
  return {
    items: rows.map((row) => present(row, names)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPublicPlan(ctx: ServiceContext, id: string): Promise<PublicSpotCheckPlan> {
  const [row] = await ctx.tx
    .select()
    .from(spotCheckPlans)
    .where(and(publicPlan(ctx), eq(spotCheckPlans.id, id)));
  if (!row) throw notFound('抽查计划');
  return present(row, await namesOf(ctx, [row]));
}

/** Re-runs any record as a stranger would, and says whether it holds. */
export function verifyPublishedRecord(raw: unknown): DrawVerificationView {
  const verdict = verifyDrawRecord(raw);
  return verdict.ok
    ? {
        ok: true,
        reason: null,
        entities: verdict.entities,
        tasks: verdict.tasks,
        inputDigest: verdict.inputDigest,
      }
    : { ok: false, reason: verdict.reason, entities: null, tasks: null, inputDigest: null };
}
