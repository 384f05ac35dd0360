import {
  riskGradeLabels,
  type EntityProfileView,
  type PublicEntityPage,
  type PublicEntityProfile,
  type PublicEntitySearch,
  type RiskGrade,
} from '../../../../contracts/spotchecks';
import { isRootPath } from '../../../core/access/access-policy';
import { requireRole } from '../../../core/access/authorize';
import { civilDate } from '../../../core/clock';
import type { ServiceContext } from '../../../core/context';
import { organizationNamesById } from '../../org/org-repository';
import { AppError } from '../../../core/errors';
import { presentPublicDecision } from '../../../core/publication/publication-presenters';
import { getPublicDecision } from '../../../core/publication/publication-service';
import { caseReaderRoles } from '../../enforcement/enforcement-repository';
import { toYuan } from '../../enforcement/enforcement-rules';
import { entityReaderRoles, presentEntity } from '../entities/entity-service';
import { listEntityCommitments } from './commitment-service';
import {
  presentEntityCase,
  presentEntityInspection,
  presentPermits,
  presentPublicCommitment,
  presentPublicEntity,
  presentPublicInspection,
} from './entity-profile-presenters';
import {
  countEntityCases,
  countInspectionsByCreditCode,
  findEntityByCreditCode,
  latestCasePublications,
  searchDirectory,
  selectEntityCases,
  selectEntityTasks,
  selectLicensingDecisions,
  selectPublicInspections,
  selectPublicPenaltyIds,
} from './entity-profile-repository';

/**
 * 涉企信息归集 (双归集): one entity's permits, inspections, cases and penalties gathered from every
 * department. Inspections are every department's (the point of gathering them); cases only those
 * of the reader's departments, unless his role spans them (the justice bureau at the root sees
 * all). Credit commitments and permits are every department's. The portal gets the registration
 * data, its commitments and what has been published, nothing else.
 */

const notInDirectory = () => new AppError('NOT_FOUND', '检查对象名录库中没有该统一社会信用代码的市场主体');

const todayOf = (ctx: ServiceContext) => civilDate(ctx.clock.now());

/** The profile of one entity for the console: directory data, inspections, cases in scope, counts. */
export async function getEntityProfile(ctx: ServiceContext, creditCode: string): Promise<EntityProfileView> {
  const held = requireRole(ctx, entityReaderRoles);
  const entity = await findEntityByCreditCode(ctx, creditCode);
  if (!entity) throw notInDirectory();
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4));

  const inspectionCounts = await countInspectionsByCreditCode(ctx, [creditCode], year);
  const tasks = await selectEntityTasks(ctx, creditCode);
  const cases = await selectEntityCases(ctx, creditCode);
  const caseCounts = await countEntityCases(ctx, creditCode);
  const publications = await latestCasePublications(
    ctx,
    cases.map((row) => row.id),
  );
  const organizationNames = await organizationNamesById(ctx.tx, ctx.tenantCode, [
    ...new Set(tasks.flatMap((task) => task.organizationIds)),
  ]);
  const caseNumbers = new Map(cases.map((row) => [row.id, row.caseNumber]));
  const commitments = await listEntityCommitments(ctx, creditCode);
  const decisions = await selectLicensingDecisions(ctx, creditCode, { publicOn: null });
  const inspections = inspectionCounts.get(creditCode);

  return {
    entity: presentEntity(entity, inspections),
    riskGradeLabel: riskGradeLabels[entity.riskGrade as RiskGrade] ?? entity.riskGrade,
    counts: {
      inspectionsThisYear: inspections?.thisYear ?? 0,
      inspectionsTotal: inspections?.total ?? 0,
      cases: caseCounts.cases,
      penalties: caseCounts.penalties,
      finesYuan: toYuan(caseCounts.fineFen),
    },
    inspections: tasks.map((task) =>
      presentEntityInspection(task, { organizationNames, caseNumbers, today }),
    ),
    cases: cases.map((row) => presentEntityCase(row, publications.get(row.id) ?? null, today)),
    casesAreScoped: !held.some(
      (role) =>
        (caseReaderRoles as readonly string[]).includes(role.role) && isRootPath(role.organizationPath),
    ),
    commitments,
    permits: presentPermits(entity.licences, decisions),
  };
}

/** The portal's search of the directory by name or credit code (a search word is required). */
export async function searchPublicEntities(
  ctx: ServiceContext,
  query: Required<Pick<PublicEntitySearch, 'q'>> & { page: number; pageSize: number },
): Promise<PublicEntityPage> {
  const { rows, total, totalIsCapped } = await searchDirectory({ ...ctx, actor: null }, query.q, query);
  return {
    items: rows.map(presentPublicEntity),
    total,
    totalIsCapped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * One entity as the portal shows it: registration data, licences and published 行政许可决定, published
 * penalties and spot-check results, and its credit commitments (public by nature).
 */
export async function getPublicEntityProfile(
  ctx: ServiceContext,
  creditCode: string,
): Promise<PublicEntityProfile> {
  const publicCtx = { ...ctx, actor: null };
  const entity = await findEntityByCreditCode(publicCtx, creditCode);
  if (!entity) throw notInDirectory();
  const today = todayOf(ctx);
  const penalties = [];
  for (const id of await selectPublicPenaltyIds(publicCtx, creditCode, today)) {
    // read through the publication mechanism, so the portal shows exactly its (masked) text
    penalties.push(presentPublicDecision(await getPublicDecision(publicCtx, id)));
  }
  const inspections = await selectPublicInspections(publicCtx, creditCode, today);
  const organizationNames = await organizationNamesById(publicCtx.tx, publicCtx.tenantCode, [
    ...new Set(inspections.flatMap((row) => row.organizationIds)),
  ]);
  const commitments = await listEntityCommitments(publicCtx, creditCode);
  const decisions = await selectLicensingDecisions(publicCtx, creditCode, { publicOn: today });
  return {
    ...presentPublicEntity(entity),
    licences: entity.licences,
    penalties,
    inspections: inspections.map((row) => presentPublicInspection(row, organizationNames)),
    commitments: commitments.map(presentPublicCommitment),
    permits: presentPermits(entity.licences, decisions),
  };
}
