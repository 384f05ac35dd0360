import { and, eq, inArray, isNull } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import {
  drawAlgorithm,
  type DrawEntity,
  type DrawInput,
  type DrawRecusal,
  type RiskGrade,
} from '../../../../contracts/spotchecks';
import type { ServiceContext } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { inspectorPoolFor } from '../inspectors/inspector-pool';
import { inspectorRecusals, type SpotCheckPlanRow } from '../spotcheck-tables';

/**
 * The input a plan's draw is made from, frozen when the plan is committed: the entities of the
 * directory that match the plan's filter (in credit-code order), each marked with why it may not
 * be drawn (frequency control), the certified inspectors of the plan's departments with their
 * workload, and the active recusals between them.
 */
export async function buildDrawInput(
  ctx: ServiceContext,
  plan: SpotCheckPlanRow,
  departments: readonly { id: string; path: string }[],
  today: string,
): Promise<DrawInput> {
  const population = await selectPopulation(ctx, plan, Number(today.slice(0, 4)));
  const pool = await inspectorPoolFor(ctx, departments, today);
  const inPopulation = new Set(population.map((entity) => entity.creditCode));
  const recusals: DrawRecusal[] = [];
  if (pool.length > 0) {
    const rows = await ctx.tx
      .select({ personId: inspectorRecusals.personId, creditCode: inspectorRecusals.creditCode })
      .from(inspectorRecusals)
      .where(
        and(
          eq(inspectorRecusals.tenantCode, ctx.tenantCode),
          inArray(
            inspectorRecusals.personId,
            pool.map((inspector) => inspector.personId),
          ),
          isNull(inspectorRecusals.endedAt),
        ),
      );
    for (const row of rows) {
      if (inPopulation.has(row.creditCode))
        recusals.push({ personId: row.personId, creditCode: row.creditCode });
    }
    recusals.sort((a, b) =>
      a.personId === b.personId ? compare(a.creditCode, b.creditCode) : compare(a.personId, b.personId),
    );
  }
  return {
    algorithm: drawAlgorithm,
    plan: {
      planId: plan.id,
      title: plan.title,
      organizationIds: plan.organizationIds,
      strata: plan.strata.map((stratum) => ({
        riskGrade: stratum.riskGrade as RiskGrade,
        ratioBasisPoints: stratum.ratioBasisPoints,
      })),
      inspectorsPerTask: plan.inspectorsPerTask,
      maxTasksPerInspector: plan.maxTasksPerInspector,
    },
    population,
    inspectors: pool.map(({ personId, organizationId, certificateNumber, currentTasks }) => ({
      personId,
      organizationId,
      certificateNumber,
      currentTasks,
    })),
    recusals,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The filtered directory, and for routine plans the frequency control: an entity already
 * inspected this year by a plan sharing one of this plan's fields (a joint task counts for every
 * field in it) is kept in the population, marked excluded with the plan that inspected it.
 */
async function selectPopulation(
  ctx: ServiceContext,
  plan: SpotCheckPlanRow,
  year: number,
): Promise<DrawEntity[]> {
  const conditions: SQL[] = [sql`e.tenant_code = ${ctx.tenantCode}`];
  const filter = plan.populationFilter;
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    );
  if (filter.jurisdictionCodes.length > 0)
    conditions.push(sql`e.jurisdiction_code IN (${list(filter.jurisdictionCodes)})`);
  if (filter.industries.length > 0) conditions.push(sql`e.industry IN (${list(filter.industries)})`);
  if (filter.licences.length > 0) conditions.push(sql`e.licences ?| ARRAY[${list(filter.licences)}]::text[]`);
  const rows = await queryRows<{ credit_code: string; risk_grade: RiskGrade }>(
    ctx.tx,
    sql`SELECT e.credit_code, e.risk_grade FROM entities e WHERE ${sql.join(conditions, sql` AND `)} ORDER BY e.credit_code`,
  );
  const inspected = new Map<string, string>();
  if (plan.trigger === 'routine' && rows.length > 0) {
    const done = await queryRows<{ credit_code: string; plan_number: string; is_joint: boolean }>(
      ctx.tx,
      sql`SELECT DISTINCT ON (t.credit_code) t.credit_code, p.plan_number, t.is_joint
            FROM spot_check_tasks t
            JOIN spot_check_plans p ON p.tenant_code = t.tenant_code AND p.id = t.plan_id
           WHERE t.tenant_code = ${ctx.tenantCode} AND t.year = ${year} AND t.plan_id <> ${plan.id}
             AND t.fields && ARRAY[${list(plan.fields)}]::text[]
           ORDER BY t.credit_code, p.plan_number`,
    );
    for (const row of done) {
      inspected.set(
        row.credit_code,
        `本年度已${row.is_joint ? '纳入联合抽查' : '被同领域抽查'}（${row.plan_number}）`,
      );
    }
  }
  // credit codes are ASCII, so the database's order is the code-point order the algorithm checks;
  // sort again to be independent of the collation
  const population = rows.map((row) => ({
    creditCode: row.credit_code,
    riskGrade: row.risk_grade,
    excluded: inspected.get(row.credit_code) ?? null,
  }));
  population.sort((a, b) => compare(a.creditCode, b.creditCode));
  return population;
}
