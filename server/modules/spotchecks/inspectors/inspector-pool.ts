import { sql } from 'drizzle-orm';
import type { DrawInspector } from '../../../../contracts/spotchecks';
import type { ServiceContext } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { selectCertifiedOfficersUnder } from '../../org/org-repository';

/**
 * 执法检查人员名录库 for a draw: everyone serving in the plan's departments (their subtrees) who
 * holds an enforcement certificate valid on `date`, with the spot-check tasks each still carries
 * (the workload the plan's limit counts), in person-id order as the draw algorithm requires.
 * Each inspector counts for the plan department whose subtree he serves in.
 */
export async function inspectorPoolFor(
  ctx: ServiceContext,
  departments: readonly { id: string; path: string }[],
  date: string,
): Promise<(DrawInspector & { name: string })[]> {
  const officers = await selectCertifiedOfficersUnder(
    ctx.tx,
    ctx.tenantCode,
    departments.map((department) => department.path),
    date,
  );
  const loads = await openTaskCounts(
    ctx,
    officers.map((officer) => officer.personId),
  );
  const pool = officers.map((officer) => {
    // the deepest plan department containing the officer (departments never nest in one plan)
    const department = departments.find((candidate) => officer.organizationPath.startsWith(candidate.path));
    return {
      personId: officer.personId,
      name: officer.name,
      organizationId: department?.id ?? officer.organizationId,
      certificateNumber: officer.certificateNumber,
      currentTasks: loads.get(officer.personId) ?? 0,
    };
  });
  return pool.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/** How many spot-check tasks not yet completed each person is drawn for. */
export async function openTaskCounts(
  ctx: ServiceContext,
  personIds: readonly string[],
): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await queryRows<{ person_id: string; tasks: number }>(
    ctx.tx,
    sql`SELECT person_id, count(*)::int AS tasks
          FROM spot_check_tasks t, unnest(t.inspector_person_ids) AS person_id
         WHERE t.tenant_code = ${ctx.tenantCode} AND t.state <> 'completed'
           AND person_id = ANY (${sql`ARRAY[${sql.join(
             personIds.map((id) => sql`${id}`),
             sql`, `,
           )}]::uuid[]`})
         GROUP BY person_id`,
  );
  return new Map(rows.map((row) => [row.person_id, row.tasks]));
}
