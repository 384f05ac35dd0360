import { useParams, useSearchParams } from 'react-router-dom';
import { CertificateCheckView } from '../../../features/publicity/components/certificate-check-view';
import { EnforcementBodiesView } from '../../../features/publicity/components/enforcement-bodies-view';
import {
  bodyTabs,
  EnforcementBodyView,
  type BodyTab,
} from '../../../features/publicity/components/enforcement-body-view';
import {
  PublicDecisionsView,
  PublicDecisionView,
} from '../../../features/publicity/components/public-decisions-view';
import { PortalLayout } from '../../layouts/portal-layout';

/** 行政执法公示: the entries and every enforcement body. */
export function PortalEnforcementPage() {
  return (
    <PortalLayout>
      <EnforcementBodiesView />
    </PortalLayout>
  );
}

/** One body's publicity (?tab=officers|duties|procedures|remedies|spotChecks). */
export function PortalEnforcementBodyPage() {
  const { bodyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as BodyTab | null;
  const tab: BodyTab = requested && bodyTabs.includes(requested) ? requested : 'officers';
  return (
    <PortalLayout>
      <EnforcementBodyView
        key={bodyId}
        bodyId={bodyId}
        tab={tab}
        onTabChange={(next) => setParams({ tab: next })}
      />
    </PortalLayout>
  );
}

/** 执法决定公示 (?q=…&organizationId=…&year=…&page=…). */
export function PortalDecisionsPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year'));
  const page = Number(params.get('page'));
  return (
    <PortalLayout>
      <PublicDecisionsView
        filter={{
          q: params.get('q') ?? '',
          organizationId: params.get('organizationId') ?? '',
          year: Number.isInteger(year) && year > 0 ? year : null,
          page: Number.isInteger(page) && page > 0 ? page : 1,
        }}
        onFilterChange={(filter) => {
          const next: Record<string, string> = {};
          if (filter.q) next.q = filter.q;
          if (filter.organizationId) next.organizationId = filter.organizationId;
          if (filter.year) next.year = String(filter.year);
          if (filter.page > 1) next.page = String(filter.page);
          setParams(next);
        }}
      />
    </PortalLayout>
  );
}

/** One published decision. */
export function PortalDecisionPage() {
  const { decisionId = '' } = useParams();
  return (
    <PortalLayout>
      <PublicDecisionView key={decisionId} decisionId={decisionId} />
    </PortalLayout>
  );
}

/** 执法证件查询: the page an officer shows, with its QR code. */
export function PortalOfficerPage() {
  const { certificateNumber = '' } = useParams();
  return (
    <PortalLayout>
      <CertificateCheckView key={certificateNumber} certificateNumber={certificateNumber} />
    </PortalLayout>
  );
}
