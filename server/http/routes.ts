import type { App } from './build-app';
import type { Deps } from '../core/context';
import { registerAccessRoutes } from '../core/access/access-routes';
import { registerAuditRoutes } from '../core/audit/audit-routes';
import { registerCalendarRoutes } from '../core/calendar/calendar-routes';
import { registerFileRoutes } from '../core/files/file-routes';
import { registerProcedureRoutes } from '../core/procedures/procedure-routes';
import { registerPublicationRoutes } from '../core/publication/publication-routes';
import { registerEnforcementRoutes } from '../modules/enforcement/enforcement-routes';
import { registerCaseDocumentRoutes } from '../modules/enforcement/case-document-routes';
import { registerCaseReviewRoutes } from '../modules/enforcement/case-review/case-review-routes';
import { registerDiscretionRoutes } from '../modules/enforcement/discretion/discretion-routes';
import { registerMajorRuleRoutes } from '../modules/enforcement/major-rules/major-rules-routes';
import { registerStatisticsRoutes } from '../modules/enforcement/statistics/statistics-routes';
import { registerPublicityRoutes } from '../modules/enforcement/publicity/publicity-routes';
import { registerLawRoutes } from '../modules/law/law-routes';
import { registerOrgRoutes } from '../modules/org/org-routes';
import { registerPowerRoutes } from '../modules/powers/power-routes';
import { registerSpotcheckRoutes } from '../modules/spotchecks/spotcheck-routes';
import { registerPlanRoutes } from '../modules/spotchecks/plans/plan-routes';

/** Every module's routes, registered under /api. One line per module. */
export async function registerModuleRoutes(app: App, deps: Deps): Promise<void> {
  const modules: ((app: App, deps: Deps) => Promise<void>)[] = [
    registerAccessRoutes,
    registerAuditRoutes,
    registerCalendarRoutes,
    registerFileRoutes,
    registerProcedureRoutes,
    registerPublicationRoutes,
    registerOrgRoutes,
    registerLawRoutes,
    registerPowerRoutes,
    registerPublicityRoutes,
    registerCaseDocumentRoutes,
    registerEnforcementRoutes,
    registerDiscretionRoutes,
    registerMajorRuleRoutes,
    registerCaseReviewRoutes,
    registerStatisticsRoutes,
    registerSpotcheckRoutes,
    registerPlanRoutes,
  ];
  for (const register of modules) await register(app, deps);
}
