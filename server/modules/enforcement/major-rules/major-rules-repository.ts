import { and, asc, desc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import { organizationScope } from '../../../core/access/scope';
import type { ServiceContext } from '../../../core/context';
import { organizations } from '../../org/org-tables';
import { majorDecisionRules, type MajorDecisionRuleRow } from '../enforcement-tables';

/** Drizzle queries of the major-decision catalogue. Every read applies organizationScope. */

export interface MajorRuleRecord extends MajorDecisionRuleRow {
  organizationName: string;
  organizationPath: string;
}

function selectRules(ctx: ServiceContext, where: SQL[]) {
  return ctx.tx
    .select({
      ...getTableColumns(majorDecisionRules),
      organizationName: organizations.name,
      organizationPath: organizations.path,
    })
    .from(majorDecisionRules)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, majorDecisionRules.tenantCode),
        eq(organizations.id, majorDecisionRules.organizationId),
      ),
    )
    .where(
      and(
        eq(majorDecisionRules.tenantCode, ctx.tenantCode),
        organizationScope(ctx, majorDecisionRules.organizationId),
        ...where,
      ),
    );
}

export async function selectMajorRules(
  ctx: ServiceContext,
  filter: { organizationId?: string | undefined; includeInactive?: boolean | undefined },
): Promise<MajorRuleRecord[]> {
  const where: SQL[] = [];
  if (filter.organizationId) where.push(eq(majorDecisionRules.organizationId, filter.organizationId));
  if (!filter.includeInactive) where.push(eq(majorDecisionRules.isActive, true));
  return selectRules(ctx, where).orderBy(
    asc(organizations.name),
    desc(majorDecisionRules.isActive),
    asc(majorDecisionRules.createdAt),
  );
}

export async function findMajorRule(ctx: ServiceContext, id: string): Promise<MajorRuleRecord | null> {
  const [row] = await selectRules(ctx, [eq(majorDecisionRules.id, id)]);
  return row ?? null;
}

export async function insertMajorRule(
  ctx: ServiceContext,
  row: Omit<typeof majorDecisionRules.$inferInsert, 'tenantCode'>,
): Promise<void> {
  await ctx.tx.insert(majorDecisionRules).values({ ...row, tenantCode: ctx.tenantCode });
}

export async function updateMajorRuleRow(
  ctx: ServiceContext,
  id: string,
  values: Partial<
    Pick<
      MajorDecisionRuleRow,
      'title' | 'fineAtLeastFen' | 'penaltyKinds' | 'requiresDeliberation' | 'isActive' | 'updatedAt'
    >
  >,
): Promise<void> {
  await ctx.tx
    .update(majorDecisionRules)
    .set(values)
    .where(and(eq(majorDecisionRules.tenantCode, ctx.tenantCode), eq(majorDecisionRules.id, id)));
}
