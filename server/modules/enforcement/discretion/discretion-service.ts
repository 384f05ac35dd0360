import type { SaveBenchmarkInput } from '../../../../contracts/enforcement';
import { discretionCircumstanceSchema } from '../../../../contracts/enforcement';
import type { BenchmarkListQuery } from '../../../../contracts/enforcement-oversight';
import { requireActor } from '../../../core/access/authorize';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import { actorName, type ServiceContext } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { AppError, invalid, notFound } from '../../../core/errors';
import { todayOf } from '../../../core/procedures/procedure-service';
import { chineseDate } from '../../../core/calendar/civil-dates';
import { findScopedOrganization } from '../../org/organization-service';
import { isPowerItemInForce } from '../../powers/power-service';
import { benchmarkEditPolicy } from './discretion-policy';
import {
  findBenchmark,
  insertBenchmark,
  lockBenchmark,
  selectBenchmarks,
  updateBenchmark,
  type BenchmarkRecord,
} from './discretion-repository';
import { circumstanceProblems, circumstancesOf } from './discretion-rules';

/** Use cases of the 裁量基准: one benchmark per power item of a body, kept by the body. */

async function scopedOrganization(ctx: ServiceContext, organizationId: string) {
  const organization = await findScopedOrganization(ctx, organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '执法主体不存在或不在您的管理范围内', 'organizationId');
  return organization;
}

/** The benchmark of one power item of a body in scope, or null when none is kept yet. */
export async function getBenchmark(
  ctx: ServiceContext,
  query: { organizationId: string; powerItemId: string },
): Promise<BenchmarkRecord | null> {
  requireActor(ctx);
  await scopedOrganization(ctx, query.organizationId);
  return findBenchmark(ctx, query.organizationId, query.powerItemId);
}

/** A page of benchmarks in scope, by body and keyword (item code or name, body name). */
export async function listBenchmarks(
  ctx: ServiceContext,
  query: BenchmarkListQuery & { page: number; pageSize: number },
) {
  requireActor(ctx);
  if (query.organizationId) await scopedOrganization(ctx, query.organizationId);
  const { rows, total } = await selectBenchmarks(ctx, query, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** Every benchmark in scope matching the filter, for the Excel export. */
export async function exportBenchmarks(
  ctx: ServiceContext,
  query: { organizationId?: string | undefined; q?: string | null | undefined },
): Promise<BenchmarkRecord[]> {
  requireActor(ctx);
  if (query.organizationId) await scopedOrganization(ctx, query.organizationId);
  return (await selectBenchmarks(ctx, query, { page: 1, pageSize: 10_000 })).rows;
}

/**
 * Writes the benchmark of a power item the body holds in force today (清单之外无权力): circumstance
 * keys unique, 下限 ≤ 上限, 免罚清单 without fines. The first save creates it, later saves replace
 * its circumstances; both are audited with what was there before.
 */
export async function saveBenchmark(
  ctx: ServiceContext,
  input: SaveBenchmarkInput,
): Promise<BenchmarkRecord> {
  requireActor(ctx);
  const organization = await scopedOrganization(ctx, input.organizationId);
  benchmarkEditPolicy(ctx, organization.path);
  const circumstances = input.circumstances.map((entry) => discretionCircumstanceSchema.parse(entry));
  const [problem] = circumstanceProblems(circumstances);
  if (problem) throw invalid(problem.field, problem.message);
  const today = todayOf(ctx);
  const { inForce } = await isPowerItemInForce(ctx, {
    organizationId: organization.id,
    itemId: input.powerItemId,
    date: today,
  });
  if (!inForce) {
    throw invalid(
      'powerItemId',
      `该事项不在「${organization.name}」${chineseDate(today)}有效的权责清单内，不能制定裁量基准`,
    );
  }
  await lockBenchmark(ctx, organization.id, input.powerItemId);
  const existing = await findBenchmark(ctx, organization.id, input.powerItemId);
  const values = {
    basis: input.basis ?? null,
    circumstances,
    updatedByName: actorName(ctx.actor),
    updatedAt: ctx.clock.now(),
  };
  if (existing) {
    await updateBenchmark(ctx, existing.id, values);
    await appendAuditEvent(ctx, {
      action: 'discretionBenchmark.update',
      entityType: 'discretionBenchmark',
      entityId: existing.id,
      organizationId: organization.id,
      change: {
        before: { basis: existing.basis, circumstances: circumstancesOf(existing.circumstances) },
        after: { basis: values.basis, circumstances },
      },
    });
  } else {
    const id = newId();
    await insertBenchmark(ctx, {
      id,
      organizationId: organization.id,
      powerItemId: input.powerItemId,
      ...values,
      createdAt: values.updatedAt,
    });
    await appendAuditEvent(ctx, {
      action: 'discretionBenchmark.create',
      entityType: 'discretionBenchmark',
      entityId: id,
      organizationId: organization.id,
      change: { powerItemId: input.powerItemId, basis: values.basis, circumstances },
    });
  }
  const saved = await findBenchmark(ctx, organization.id, input.powerItemId);
  if (!saved) throw notFound('裁量基准');
  return saved;
}
