import { sql } from 'drizzle-orm';
import type { SpotCheckStatistics } from '../../../../contracts/spotchecks';
import { requireRole } from '../../../core/access/authorize';
import { organizationScope } from '../../../core/access/scope';
import type { ServiceContext } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { todayOf } from '../../../core/procedures/procedure-service';
import { publicationTimeliness } from '../../../core/publication/publication-service';
import { planReaderRoles } from '../plans/plan-service';

/**
 * 双随机 for oversight, by lead department over one year: plans and joint plans, tasks drawn and
 * completed, problems found and cases opened, the directory's coverage (entities inspected ÷
 * entities listed), and the timeliness of result publication — from the core publication
 * mechanism (20 working days from the result), the same figure every kind of publicity uses.
 */
export async function spotCheckStatistics(ctx: ServiceContext, year?: number): Promise<SpotCheckStatistics> {
  requireRole(ctx, planReaderRoles);
  const forYear = year ?? Number(todayOf(ctx).slice(0, 4));
  const rows = await queryRows<{
    organization_id: string;
    organization_name: string;
    plans: number;
    joint_plans: number;
    tasks: number;
    completed: number;
    problems: number;
    cases: number;
  }>(
    ctx.tx,
    sql`SELECT p.organization_id, o.name AS organization_name,
          count(DISTINCT p.id) FILTER (WHERE p.state NOT IN ('draft', 'cancelled'))::int AS plans,
          count(DISTINCT p.id) FILTER (WHERE p.state NOT IN ('draft', 'cancelled') AND cardinality(p.organization_ids) > 1)::int AS joint_plans,
          count(t.id)::int AS tasks,
          count(t.id) FILTER (WHERE t.state = 'completed')::int AS completed,
          count(t.id) FILTER (WHERE t.result IN ('corrected', 'followUp', 'refused'))::int AS problems,
          count(t.case_id)::int AS cases
        FROM spot_check_plans p
        JOIN organizations o ON o.tenant_code = p.tenant_code AND o.id = p.organization_id
        LEFT JOIN spot_check_tasks t ON t.tenant_code = p.tenant_code AND t.plan_id = p.id
       WHERE p.tenant_code = ${ctx.tenantCode} AND p.year = ${forYear}
         AND ${organizationScope(ctx, sql`p.organization_id`, planReaderRoles)}
       GROUP BY p.organization_id, o.name
       ORDER BY o.name`,
  );
  const [coverage] = await queryRows<{ listed: number; inspected: number }>(
    ctx.tx,
    sql`SELECT (SELECT count(*)::int FROM entities WHERE tenant_code = ${ctx.tenantCode}) AS listed,
          (SELECT count(DISTINCT credit_code)::int FROM spot_check_tasks
            WHERE tenant_code = ${ctx.tenantCode} AND year = ${forYear} AND state <> 'assigned'
              AND ${organizationScope(ctx, sql`organization_id`, planReaderRoles)}) AS inspected`,
  );
  const from = `${String(forYear)}-01-01`;
  const to = `${String(forYear)}-12-31`;
  const departments = [];
  for (const row of rows) {
    const timeliness = await publicationTimeliness(ctx, {
      from,
      to,
      organizationId: row.organization_id,
      kind: 'spotCheckResult',
    });
    departments.push({
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      plans: row.plans,
      jointPlans: row.joint_plans,
      tasks: row.tasks,
      completed: row.completed,
      problems: row.problems,
      cases: row.cases,
      publishedOnTime: timeliness.publishedOnTime,
      publishedLate: timeliness.publishedLate,
      overdueUnpublished: timeliness.overdueUnpublished,
      notYetDue: timeliness.notYetDue,
      timelinessRate: timeliness.rate,
    });
  }
  const listed = coverage?.listed ?? 0;
  const inspected = coverage?.inspected ?? 0;
  return {
    year: forYear,
    listedEntities: listed,
    inspectedEntities: inspected,
    coverageRate: listed === 0 ? null : Math.round((inspected / listed) * 10_000) / 10_000,
    departments,
  };
}
