import { createBrowserRouter } from 'react-router-dom';
import { ConsoleLayout } from './layouts/console-layout';
import { AccountsPage, AuditPage, CalendarPage, SecurityPage } from './routes/admin/admin-pages';
import { ChangePasswordPage } from './routes/admin/change-password';
import { CasePage, CasesPage, EnforcementWorkbenchPage } from './routes/admin/enforcement-pages';
import {
  CaseReviewPage,
  DiscretionPage,
  EnforcementStatisticsPage,
  MajorRulesPage,
} from './routes/admin/enforcement-oversight-pages';
import { HomePage } from './routes/admin/home';
import { LawLibraryPage, LawPage } from './routes/admin/law-pages';
import { CertificatesPage, OrganizationsPage, PeoplePage } from './routes/admin/org-pages';
import { ChangeSetPage, ChangeSetsPage, ListVersionsPage, PowerItemsPage } from './routes/admin/powers-pages';
import { SignInPage } from './routes/admin/sign-in';
import {
  EntitiesPage,
  EntityProfilePage,
  InspectorsPage,
  NewPlanPage,
  PlanPage,
  PlansPage,
  RecusalsPage,
  TaskPage,
  TasksPage,
} from './routes/admin/spotcheck-pages';
import { NotFoundPage } from './routes/not-found';
import {
  PortalDecisionPage,
  PortalDecisionsPage,
  PortalEnforcementBodyPage,
  PortalEnforcementPage,
  PortalOfficerPage,
} from './routes/portal/enforcement-pages';
import { PortalEntityPage, PortalEntitySearchPage } from './routes/portal/entity-pages';
import { PortalHomePage } from './routes/portal/home';
import { PortalLawPage, PortalLawsPage } from './routes/portal/law-pages';
import {
  PortalOrganizationPowersPage,
  PortalPowerItemPage,
  PortalPowerSearchPage,
  PortalPowersPage,
} from './routes/portal/powers-pages';
import {
  PortalSpotcheckPlanPage,
  PortalSpotcheckPlansPage,
  PortalSpotcheckVerifyPage,
} from './routes/portal/spotcheck-pages';
import { RouteErrorPage } from './routes/route-error';

/** The console under /admin (signed in), the portal under / (public). */
export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <PortalHomePage /> },
      { path: '/laws', element: <PortalLawsPage /> },
      { path: '/laws/:lawId', element: <PortalLawPage /> },
      { path: '/powers', element: <PortalPowersPage /> },
      { path: '/powers/search', element: <PortalPowerSearchPage /> },
      { path: '/powers/organizations/:organizationId', element: <PortalOrganizationPowersPage /> },
      { path: '/powers/items/:itemId', element: <PortalPowerItemPage /> },
      { path: '/enforcement', element: <PortalEnforcementPage /> },
      { path: '/enforcement/bodies/:bodyId', element: <PortalEnforcementBodyPage /> },
      { path: '/enforcement/decisions', element: <PortalDecisionsPage /> },
      { path: '/enforcement/decisions/:decisionId', element: <PortalDecisionPage /> },
      { path: '/enforcement/officers/:certificateNumber', element: <PortalOfficerPage /> },
      { path: '/entities', element: <PortalEntitySearchPage /> },
      { path: '/entities/:creditCode', element: <PortalEntityPage /> },
      { path: '/spotchecks', element: <PortalSpotcheckPlansPage /> },
      { path: '/spotchecks/plans/:planId', element: <PortalSpotcheckPlanPage /> },
      { path: '/spotchecks/verify', element: <PortalSpotcheckVerifyPage /> },
      { path: '/admin/sign-in', element: <SignInPage /> },
      { path: '/admin/change-password', element: <ChangePasswordPage /> },
      {
        path: '/admin',
        element: <ConsoleLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'organizations', element: <OrganizationsPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'certificates', element: <CertificatesPage /> },
          { path: 'accounts', element: <AccountsPage /> },
          { path: 'security', element: <SecurityPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'law', element: <LawLibraryPage /> },
          { path: 'law/:lawId', element: <LawPage /> },
          { path: 'powers', element: <PowerItemsPage /> },
          { path: 'powers/change-sets', element: <ChangeSetsPage /> },
          { path: 'powers/change-sets/:changeSetId', element: <ChangeSetPage /> },
          { path: 'powers/versions', element: <ListVersionsPage /> },
          { path: 'enforcement', element: <EnforcementWorkbenchPage /> },
          { path: 'enforcement/cases', element: <CasesPage /> },
          { path: 'enforcement/cases/:caseId', element: <CasePage /> },
          { path: 'enforcement/discretion', element: <DiscretionPage /> },
          { path: 'enforcement/major-rules', element: <MajorRulesPage /> },
          { path: 'enforcement/case-review', element: <CaseReviewPage /> },
          { path: 'enforcement/statistics', element: <EnforcementStatisticsPage /> },
          { path: 'spotchecks/entities', element: <EntitiesPage /> },
          { path: 'spotchecks/entities/:creditCode', element: <EntityProfilePage /> },
          { path: 'spotchecks/inspectors', element: <InspectorsPage /> },
          { path: 'spotchecks/recusals', element: <RecusalsPage /> },
          { path: 'spotchecks/plans', element: <PlansPage /> },
          { path: 'spotchecks/plans/new', element: <NewPlanPage /> },
          { path: 'spotchecks/plans/:planId', element: <PlanPage /> },
          { path: 'spotchecks/tasks', element: <TasksPage /> },
          { path: 'spotchecks/tasks/:taskId', element: <TaskPage /> },
          { path: '*', element: <NotFoundPage isConsole /> },
        ],
      },
      { path: '*', element: <NotFoundPage isConsole={false} /> },
    ],
  },
]);
