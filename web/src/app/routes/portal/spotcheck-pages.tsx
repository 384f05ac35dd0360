import { useParams, useSearchParams } from 'react-router-dom';
import { PublicPlanView } from '../../../features/spotcheck-portal/components/public-plan-view';
import { PublicPlansView } from '../../../features/spotcheck-portal/components/public-plans-view';
import { VerifyRecordView } from '../../../features/spotcheck-portal/components/verify-record-view';
import { PortalLayout } from '../../layouts/portal-layout';

/** 双随机抽查公示 (?page=…). */
export function PortalSpotcheckPlansPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  return (
    <PortalLayout>
      <PublicPlansView
        page={Number.isInteger(page) && page > 0 ? page : 1}
        onPageChange={(next) => setParams(next > 1 ? { page: String(next) } : {})}
      />
    </PortalLayout>
  );
}

/** One published plan with its draw. */
export function PortalSpotcheckPlanPage() {
  const { planId = '' } = useParams();
  return (
    <PortalLayout>
      <PublicPlanView key={planId} planId={planId} />
    </PortalLayout>
  );
}

/** 复核抽取: check a downloaded draw record. */
export function PortalSpotcheckVerifyPage() {
  return (
    <PortalLayout>
      <VerifyRecordView />
    </PortalLayout>
  );
}
