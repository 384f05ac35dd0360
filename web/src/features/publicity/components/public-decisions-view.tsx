import {
  Alert,
  Breadcrumb,
  Card,
  Descriptions,
  Input,
  List,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PublicDecision } from '../../../../../contracts/publicity';
import { portalEnforcementPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import {
  usePublicDecision,
  usePublicDecisions,
  usePublicEnforcementBodies,
} from '../api/get-public-enforcement';

export interface DecisionFilter {
  q: string;
  organizationId: string;
  year: number | null;
  page: number;
}

const pageSize = 10;
const firstYear = 2020;

/** The first part of a decision's text, for the list. */
const summaryOf = (decision: PublicDecision) => {
  const text = Object.values(decision.content).join(' ');
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** 执法决定公示: the decisions public today, searched in full text, by body and by year. */
export function PublicDecisionsView({
  filter,
  onFilterChange,
}: {
  filter: DecisionFilter;
  onFilterChange: (filter: DecisionFilter) => void;
}) {
  const bodies = usePublicEnforcementBodies();
  const decisions = usePublicDecisions({
    page: filter.page,
    pageSize,
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.year ? { year: filter.year } : {}),
  });
  const [draft, setDraft] = useState(filter.q);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, index) => thisYear - index);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> },
          { title: '执法决定公示' },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        执法决定公示
      </Typography.Title>
      <Typography.Paragraph style={{ color: '#595959', maxWidth: 860 }}>
        行政处罚等执法决定在作出之日起规定的工作日内公示，公示期满或经信用修复后不再公开；决定被变更、撤销或确认违法的，依法撤回。自然人的姓名、身份证号码、电话和住址已遮蔽。
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={[16, 12]}>
          <Input.Search
            allowClear
            enterButton="搜索"
            placeholder="输入当事人名称、违法行为等关键词"
            style={{ width: 420 }}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onSearch={(value) => onFilterChange({ ...filter, q: value.trim(), page: 1 })}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部执法主体"
            style={{ width: 280 }}
            value={filter.organizationId || undefined}
            loading={bodies.isLoading}
            options={(bodies.data ?? []).map((body) => ({ value: body.id, label: body.name }))}
            onChange={(value: string | undefined) =>
              onFilterChange({ ...filter, organizationId: value ?? '', page: 1 })
            }
          />
          <Select
            allowClear
            placeholder="全部年份"
            style={{ width: 140 }}
            value={filter.year ?? undefined}
            options={years.map((year) => ({ value: year, label: `${String(year)}年` }))}
            onChange={(value: number | undefined) =>
              onFilterChange({ ...filter, year: value ?? null, page: 1 })
            }
          />
        </Space>
      </Card>
      <Card>
        {decisions.error ? (
          <Alert
            type="error"
            showIcon
            message={decisions.error instanceof ApiError ? decisions.error.message : '执法决定暂时无法读取'}
          />
        ) : (
          <List<PublicDecision>
            loading={decisions.isLoading}
            dataSource={decisions.data?.items ?? []}
            locale={{ emptyText: filter.q ? '没有找到含该关键词的执法决定' : '暂无公示中的执法决定' }}
            pagination={{
              current: filter.page,
              pageSize,
              total: decisions.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 件`,
              onChange: (page) => onFilterChange({ ...filter, page }),
            }}
            renderItem={(decision) => (
              <List.Item key={decision.id}>
                <List.Item.Meta
                  title={<Link to={portalEnforcementPaths.decision(decision.id)}>{decision.title}</Link>}
                  description={
                    <Space direction="vertical" size={4}>
                      <Typography.Text type="secondary">
                        {decision.organizationName} · {decision.kindLabel} · 决定日期{' '}
                        {formatDate(decision.decidedOn)} · 公示日期 {formatDate(decision.publishedOn)}
                      </Typography.Text>
                      <Typography.Text>{summaryOf(decision)}</Typography.Text>
                    </Space>
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

/** One published decision: the masked text, part by part. */
export function PublicDecisionView({ decisionId }: { decisionId: string }) {
  const decision = usePublicDecision(decisionId);
  if (decision.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (decision.error || !decision.data) {
    return (
      <Alert
        type="warning"
        showIcon
        message={
          decision.error instanceof ApiError && decision.error.status === 404
            ? '该执法决定不在公示期内或已撤回'
            : '执法决定暂时无法读取'
        }
        description={<Link to={portalEnforcementPaths.decisions}>返回执法决定公示</Link>}
      />
    );
  }
  const view = decision.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> },
          { title: <Link to={portalEnforcementPaths.decisions}>执法决定公示</Link> },
          { title: view.title },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {view.title}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="执法主体">
            <Link to={portalEnforcementPaths.body(view.organizationId)}>{view.organizationName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="决定类型">{view.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="决定日期">{formatDate(view.decidedOn)}</Descriptions.Item>
          <Descriptions.Item label="公示日期">{formatDate(view.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label="公示截止">
            {view.publicUntil ? formatDate(view.publicUntil) : '长期公示'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Descriptions column={1} bordered labelStyle={{ width: 180 }}>
          {Object.entries(view.content).map(([label, text]) => (
            <Descriptions.Item key={label} label={label}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    </>
  );
}
