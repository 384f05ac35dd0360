import { Breadcrumb, Select } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Role } from '../../../../../contracts/roles';
import { casePath } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { useCasePowerItems } from '../../../features/enforcement/api/get-cases';
import { uploadEvidenceFile } from '../../../features/enforcement/api/save-case';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { usePowerItems } from '../../../features/powers/api/get-power-items';
import { EntitiesView } from '../../../features/spotchecks/components/entities-view';
import { EntityProfileView } from '../../../features/spotchecks/components/entity-profile-view';
import { InspectorsView } from '../../../features/spotchecks/components/inspectors-view';
import { PlanDetailView } from '../../../features/spotchecks/components/plan-detail-view';
import { PlanForm } from '../../../features/spotchecks/components/plan-form';
import { PlansView } from '../../../features/spotchecks/components/plans-view';
import { RecusalsView } from '../../../features/spotchecks/components/recusals-view';
import { TaskDetailView } from '../../../features/spotchecks/components/task-detail-view';
import { TasksView } from '../../../features/spotchecks/components/tasks-view';
import { planPaths } from '../../../features/spotchecks/plan-paths';
import { notify } from '../../../lib/notify';
import { hasAnyRole } from '../../navigation';

/** Who keeps the entity directory (mirrors the server's entityKeeperRoles; the server decides anyway). */
const entityKeepers: Role[] = ['justiceBureau', 'liaison', 'agencyHead'];

/** 检查对象名录库. */
export function EntitiesPage() {
  const me = useMe();
  if (!me.data) return null;
  return <EntitiesView canImport={hasAnyRole(me.data, entityKeepers)} />;
}

/** Who records credit commitments (mirrors the server's commitmentKeeperRoles; the server decides anyway). */
const commitmentKeepers: Role[] = ['officer', 'agencyHead', 'liaison'];

/** 涉企信息归集: one entity's profile, by its 统一社会信用代码. */
export function EntityProfilePage() {
  const { creditCode = '' } = useParams();
  const me = useMe();
  const tree = useOrganizationTree();
  return (
    <EntityProfileView
      key={creditCode}
      creditCode={creditCode}
      canRecordCommitments={me.data ? hasAnyRole(me.data, commitmentKeepers) : false}
      organizationTree={tree.data?.roots ?? []}
      defaultOrganizationId={me.data?.activeOrganization?.id}
    />
  );
}

/** Who records and ends recusals (mirrors the server's recusalKeeperRoles); an officer declares his own. */
const recusalKeepers: Role[] = ['agencyHead', 'liaison', 'justiceBureau'];

/** 执法检查人员名录库. */
export function InspectorsPage() {
  const tree = useOrganizationTree();
  return <InspectorsView organizationTree={tree.data?.roots ?? []} />;
}

/** 回避管理; `?personId=…&name=…` opens one inspector's recusals (the link from the pool). */
export function RecusalsPage() {
  const me = useMe();
  const [search] = useSearchParams();
  if (!me.data) return null;
  const personId = search.get('personId');
  return (
    <RecusalsView
      key={personId ?? 'all'}
      canRecord={hasAnyRole(me.data, [...recusalKeepers, 'officer'])}
      canEnd={hasAnyRole(me.data, recusalKeepers)}
      initialPerson={personId ? { id: personId, name: search.get('name') ?? '所选检查人员' } : null}
    />
  );
}

/** Who drafts, commits and draws plans (mirrors the server's planners; the buttons follow nextActions). */
const planners: Role[] = ['agencyHead', 'liaison'];

/** A department's 随机抽查事项清单 in force today, read through the powers feature. */
function useDepartmentSpotCheckItems(organizationId: string) {
  const items = usePowerItems({ organizationId, listKind: 'spotCheck', page: 1, pageSize: 200 });
  return {
    items: (items.data?.items ?? []).map((item) => ({ id: item.id, code: item.code, name: item.name })),
    isLoading: items.isLoading,
  };
}

/** The penalty items a case may be opened on, as the enforcement case registration lists them. */
function CasePowerItemSelect({
  id,
  organizationId,
  value,
  onChange,
}: {
  id?: string;
  organizationId: string | undefined;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const powerItems = useCasePowerItems(organizationId);
  return (
    <Select
      id={id}
      showSearch
      optionFilterProp="label"
      loading={powerItems.isLoading}
      placeholder="按名称或编码搜索"
      notFoundContent={organizationId ? '该机关没有现行有效的处罚事项' : '正在读取牵头部门…'}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={(powerItems.data ?? []).map((item) => ({
        value: item.id,
        label: `${item.code} ${item.name}`,
      }))}
    />
  );
}

/** Photos of an inspection, stored as the case records' evidence files, under the user's unit. */
const inspectionPhotoUpload = (organizationId: string) => (file: File, capturedOn: string) =>
  uploadEvidenceFile({ file, organizationId, capturedAt: dayjs(capturedOn).hour(12).format() });

const spotcheckCrumbs = (current: string, parent?: { label: string; to: string }) => (
  <Breadcrumb
    style={{ marginBottom: 12 }}
    items={[
      { title: '双随机、一公开' },
      ...(parent ? [{ title: <Link to={parent.to}>{parent.label}</Link> }] : []),
      { title: current },
    ]}
  />
);

/** 抽查计划. */
export function PlansPage() {
  const me = useMe();
  if (!me.data) return null;
  return <PlansView canCreate={hasAnyRole(me.data, planners)} />;
}

/** 制定抽查计划. */
export function NewPlanPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  const navigate = useNavigate();
  if (!me.data || !tree.data) return null;
  return (
    <>
      {spotcheckCrumbs('制定抽查计划', { label: '抽查计划', to: planPaths.plans })}
      <PlanForm
        organizationTree={tree.data.roots}
        defaultOrganizationId={me.data.activeOrganization?.id}
        useDepartmentItems={useDepartmentSpotCheckItems}
        onCancel={() => void navigate(planPaths.plans)}
        onCreated={(created) => {
          notify.success(`已保存抽查计划：${created.plan.planNumber}`);
          void navigate(planPaths.plan(created.plan.id));
        }}
      />
    </>
  );
}

/** One plan. */
export function PlanPage() {
  const { planId = '' } = useParams();
  return (
    <>
      {spotcheckCrumbs('计划详情', { label: '抽查计划', to: planPaths.plans })}
      <PlanDetailView key={planId} planId={planId} />
    </>
  );
}

/** 抽查任务 (?mine=true starts with the user's own; an officer sees his own first). */
export function TasksPage() {
  const me = useMe();
  const [search] = useSearchParams();
  if (!me.data) return null;
  const isOfficer = hasAnyRole(me.data, ['officer']);
  return (
    <TasksView
      key={search.get('mine') ?? 'default'}
      isMineByDefault={search.get('mine') === 'true' || (isOfficer && search.get('mine') !== 'false')}
      canSeeAll
    />
  );
}

/** One task. */
export function TaskPage() {
  const me = useMe();
  const { taskId = '' } = useParams();
  if (!me.data) return null;
  return (
    <>
      {spotcheckCrumbs('任务详情', { label: '抽查任务', to: planPaths.tasks })}
      <TaskDetailView
        key={taskId}
        taskId={taskId}
        casePath={casePath}
        PenaltyItemSelect={CasePowerItemSelect}
        uploadPhoto={inspectionPhotoUpload(me.data.activeOrganization?.id ?? '')}
      />
    </>
  );
}
