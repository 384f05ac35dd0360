import {
  Alert,
  Breadcrumb,
  Card,
  Descriptions,
  Empty,
  Input,
  List,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PublicDecision } from '../../../../../contracts/publicity';
import type { PublicEntityInspection, PublicEntitySummary } from '../../../../../contracts/spotchecks';
import { portalEnforcementPaths, portalEntityPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { usePublicEntity, usePublicEntitySearch } from '../api/get-entity-profile';
import { PermitSection, PublicCommitmentSection } from './commitment-sections';

const pageSize = 10;

const searchBreadcrumb = (current?: string) => (
  <Breadcrumb
    style={{ marginBottom: 16 }}
    items={[
      { title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> },
      current
        ? { title: <Link to={portalEntityPaths.search}>企业信息查询</Link> }
        : { title: '企业信息查询' },
      ...(current ? [{ title: current }] : []),
    ]}
  />
);

/** 企业信息查询: search the directory by name or 统一社会信用代码 (a word of at least 2 characters). */
export function PublicEntitySearchView({
  query,
  page,
  onSearch,
}: {
  query: string;
  page: number;
  onSearch: (query: string, page: number) => void;
}) {
  const [draft, setDraft] = useState(query);
  const search = usePublicEntitySearch({ q: query, page, pageSize });
  const isTooShort = query.trim().length > 0 && query.trim().length < 2;

  return (
    <>
      {searchBreadcrumb()}
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        企业信息查询
      </Typography.Title>
      <Typography.Paragraph style={{ color: '#595959', maxWidth: 860 }}>
        查询市场主体的登记信息、持有的许可证，以及各部门依法公示的行政处罚决定和“双随机、一公开”抽查检查结果。未公示或已过公示期的信息不在此显示。
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton="查询"
          size="large"
          placeholder="输入企业名称（至少 2 个字）或 18 位统一社会信用代码"
          style={{ maxWidth: 640 }}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onSearch={(value) => onSearch(value.trim(), 1)}
        />
      </Card>
      <Card>
        {isTooShort ? (
          <Alert type="info" showIcon message="请输入至少 2 个字的企业名称或统一社会信用代码" />
        ) : !query ? (
          <Empty description="请输入企业名称或统一社会信用代码查询" />
        ) : search.error ? (
          <Alert
            type="error"
            showIcon
            message={search.error instanceof ApiError ? search.error.message : '查询暂时无法完成，请稍后再试'}
          />
        ) : (
          <List<PublicEntitySummary>
            loading={search.isFetching}
            dataSource={search.data?.items ?? []}
            locale={{ emptyText: '没有找到符合条件的企业' }}
            pagination={{
              current: page,
              pageSize,
              total: search.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) =>
                search.data?.totalIsCapped
                  ? `超过 ${String(total)} 户，请输入更完整的名称`
                  : `共 ${String(total)} 户`,
              onChange: (next) => onSearch(query, next),
            }}
            renderItem={(entity) => (
              <List.Item key={entity.creditCode}>
                <List.Item.Meta
                  title={<Link to={portalEntityPaths.entity(entity.creditCode)}>{entity.name}</Link>}
                  description={
                    <Typography.Text type="secondary">
                      统一社会信用代码 {entity.creditCode}
                      {entity.industry ? ` · ${entity.industry}` : ''}
                      {entity.address ? ` · ${entity.address}` : ''}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}

/**
 * One enterprise's public information: registration data, permits, credit commitments, published
 * penalties and spot-check results.
 */
export function PublicEntityView({ creditCode }: { creditCode: string }) {
  const entity = usePublicEntity(creditCode);
  if (entity.isLoading) {
    return (
      <>
        {searchBreadcrumb('企业信息')}
        <Skeleton active />
      </>
    );
  }
  if (entity.error || !entity.data) {
    return (
      <>
        {searchBreadcrumb('企业信息')}
        <Alert
          type="warning"
          showIcon
          message={entity.error instanceof ApiError ? entity.error.message : '企业信息暂时无法读取'}
        />
      </>
    );
  }
  const data = entity.data;
  return (
    <>
      {searchBreadcrumb(data.name)}
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {data.name}
      </Typography.Title>
      <Card title="登记信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="统一社会信用代码">{data.creditCode}</Descriptions.Item>
          <Descriptions.Item label="行业">{data.industry ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="住所（经营场所）" span={2}>
            {data.address ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="持有许可证" span={2}>
            {data.licences.length > 0
              ? data.licences.map((licence) => <Tag key={licence}>{licence}</Tag>)
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <PermitSection permits={data.permits} bordered />

      <PublicCommitmentSection commitments={data.commitments} />

      <Card title={`行政处罚信息（${String(data.penalties.length)}）`} style={{ marginBottom: 16 }}>
        <List<PublicDecision>
          dataSource={data.penalties}
          locale={{ emptyText: '没有公示期内的行政处罚决定' }}
          renderItem={(decision) => (
            <List.Item key={decision.id}>
              <List.Item.Meta
                title={<Link to={portalEnforcementPaths.decision(decision.id)}>{decision.title}</Link>}
                description={
                  <Space direction="vertical" size={4}>
                    <Typography.Text type="secondary">
                      {decision.organizationName} · 决定日期 {formatDate(decision.decidedOn)} · 公示日期{' '}
                      {formatDate(decision.publishedOn)}
                    </Typography.Text>
                    {decision.content['处罚内容'] ? (
                      <Typography.Text>处罚内容：{decision.content['处罚内容']}</Typography.Text>
                    ) : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>

      <Card title={`“双随机、一公开”抽查检查结果（${String(data.inspections.length)}）`}>
        <Table<PublicEntityInspection>
          rowKey="publicationId"
          size="small"
          pagination={false}
          dataSource={data.inspections}
          locale={{ emptyText: '没有已公示的抽查检查结果' }}
          columns={[
            {
              title: '抽查计划',
              key: 'plan',
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.planTitle}</span>
                  <Typography.Text type="secondary">{row.planNumber}</Typography.Text>
                </Space>
              ),
            },
            {
              title: '检查部门',
              dataIndex: 'organizationNames',
              render: (names: string[]) => names.join('、'),
            },
            { title: '检查结果', dataIndex: 'resultLabel' },
            {
              title: '完成日期',
              dataIndex: 'completedOn',
              render: (value: string | null) => formatDate(value),
            },
            {
              title: '公示日期',
              dataIndex: 'publishedOn',
              render: (value: string | null, row) => (
                <Link to={portalEnforcementPaths.decision(row.publicationId)}>{formatDate(value)}</Link>
              ),
            },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        以上信息来自各部门依法公示的内容，自然人的姓名、身份证号码、电话和住址已遮蔽。
      </Typography.Paragraph>
    </>
  );
}
