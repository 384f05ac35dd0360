import { Alert, Card, Col, Descriptions, Row, Statistic, Tag } from 'antd';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatDateTime, todayCivil } from '../../../lib/format';
import { PageHeader } from '../../../components/page-header';
import { useMe } from '../../../features/auth/api/get-me';
import { useDeadlines } from '../../../features/deadlines/api/get-deadlines';
import { CaseDeadlinesCard } from '../../../features/enforcement/components/case-deadlines-card';
import { DeadlineTable } from '../../../features/deadlines/components/deadline-table';
import { PendingChangeSetsCard } from '../../../features/powers/components/pending-change-sets-card';
import { casePath, changeSetPath, paths } from '../../../config/paths';
import { hasAnyRole } from '../../navigation';

/** 工作台: who I am here, and the deadlines that need me (overdue first). */
export function HomePage() {
  const me = useMe();
  const overdue = useDeadlines({ status: 'overdue' });
  const dueSoon = useDeadlines({ status: 'dueSoon' });
  const failure = overdue.error ?? dueSoon.error;
  if (!me.data) return null;
  const today = overdue.data?.today ?? todayCivil();
  return (
    <>
      <PageHeader
        title="工作台"
        description={`今天是 ${formatDate(today)}。以下为您权限范围内已逾期和即将到期的法定期限。`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title="已逾期"
              value={overdue.data?.items.length ?? 0}
              suffix="项"
              valueStyle={{ color: '#cf1322' }}
              loading={overdue.isLoading}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title="即将到期"
              value={dueSoon.data?.items.length ?? 0}
              suffix="项"
              valueStyle={{ color: '#d46b08' }}
              loading={dueSoon.isLoading}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{me.data.user.displayName}</Descriptions.Item>
              <Descriptions.Item label="当前组织">
                {me.data.activeOrganization?.name ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="会话">
                空闲 {me.data.session.idleMinutes} 分钟后自动退出，最迟{' '}
                {formatDateTime(me.data.session.expiresAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      {failure ? (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          message={failure instanceof ApiError ? failure.message : '期限列表暂时无法读取'}
        />
      ) : null}
      {hasAnyRole(me.data, ['officer', 'agencyHead', 'legalReviewer']) ? (
        <CaseDeadlinesCard casePath={casePath} workbenchPath={paths.console.enforcement} />
      ) : null}
      {hasAnyRole(me.data, ['justiceBureau']) ? (
        <PendingChangeSetsCard
          state="submitted"
          title="待审核的清单调整"
          emptyText="没有待审核的清单调整"
          changeSetPath={changeSetPath}
          allPath={paths.console.powerChangeSets}
        />
      ) : null}
      {hasAnyRole(me.data, ['liaison']) ? (
        <PendingChangeSetsCard
          state="returned"
          title="被退回待修改的清单调整"
          emptyText="没有被退回的清单调整"
          changeSetPath={changeSetPath}
          allPath={paths.console.powerChangeSets}
        />
      ) : null}
      <Card title="已逾期" style={{ marginTop: 16 }} size="small">
        <DeadlineTable
          items={overdue.data?.items ?? []}
          loading={overdue.isLoading}
          emptyText="没有逾期的期限"
        />
      </Card>
      <Card title="即将到期" style={{ marginTop: 16 }} size="small">
        <DeadlineTable
          items={dueSoon.data?.items ?? []}
          loading={dueSoon.isLoading}
          emptyText="近期没有即将到期的期限"
        />
      </Card>
      <Card title="我的角色" style={{ marginTop: 16 }} size="small">
        {me.data.roles.map((held) => (
          <div key={`${held.role}-${held.organizationId}`} style={{ marginBottom: 4 }}>
            <Tag color="blue">{held.roleLabel}</Tag>
            {held.organizationName}（含下级）
          </div>
        ))}
      </Card>
    </>
  );
}
