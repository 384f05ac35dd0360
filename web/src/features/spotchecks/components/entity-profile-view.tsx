import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import type { EntityCaseView, EntityInspectionView, RiskGrade } from '../../../../../contracts/spotchecks';
import type { TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { casePath, paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useEntityProfile } from '../api/get-entity-profile';
import { CommitmentSection, PermitSection } from './commitment-sections';

const gradeColors: Record<RiskGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

const yuan = (value: number) =>
  `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/**
 * Printing: only the profile, full width, without the console's menu and header, each table whole
 * (no pagination controls), sections kept together where they fit.
 */
const printStyle = `
@media print {
  @page { size: A4; margin: 14mm; }
  .ant-layout-sider, .ant-layout-header, .no-print, .ant-pagination { display: none !important; }
  .ant-layout, .ant-layout-content { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .entity-profile .ant-card { break-inside: avoid; box-shadow: none; border-color: #d9d9d9; }
  .entity-profile .ant-table { font-size: 11px; }
  .entity-profile .ant-tag { border: 1px solid currentColor; }
}`;

const dash = (value: string | null | undefined) => (value ? value : '—');

interface EntityProfileViewProps {
  creditCode: string;
  /** shows 登记承诺 and the 履约/违诺 actions (mirrors the server's roles; the server decides) */
  canRecordCommitments?: boolean;
  /** the departments a commitment may be recorded for */
  organizationTree?: TreeOption[];
  defaultOrganizationId?: string | undefined;
}

/**
 * 涉企信息归集: one entity's directory data, permits, credit commitments, every department's
 * inspections, its cases and penalties, printable.
 */
export function EntityProfileView({
  creditCode,
  canRecordCommitments = false,
  organizationTree = [],
  defaultOrganizationId,
}: EntityProfileViewProps) {
  const profile = useEntityProfile(creditCode);
  const breadcrumb = (
    <Breadcrumb
      className="no-print"
      style={{ marginBottom: 12 }}
      items={[
        { title: <Link to={paths.console.spotcheckEntities}>检查对象名录库</Link> },
        { title: '涉企信息' },
      ]}
    />
  );
  if (profile.isLoading) {
    return (
      <>
        {breadcrumb}
        <Skeleton active />
      </>
    );
  }
  if (profile.error || !profile.data) {
    return (
      <>
        {breadcrumb}
        <Alert
          type={profile.error instanceof ApiError && profile.error.status === 404 ? 'warning' : 'error'}
          showIcon
          message={profile.error instanceof ApiError ? profile.error.message : '涉企信息暂时无法读取'}
        />
      </>
    );
  }
  const { entity, counts, inspections, cases, commitments, permits } = profile.data;
  const grade = entity.riskGrade;

  return (
    <div className="entity-profile">
      <style>{printStyle}</style>
      {breadcrumb}
      <PageHeader
        title={entity.name}
        description={`统一社会信用代码 ${entity.creditCode} · 涉企信息归集：各部门的许可、检查、案件与处罚`}
        extra={
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        }
      />

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { title: '本年检查次数', value: counts.inspectionsThisYear, suffix: '次' },
          { title: '累计检查次数', value: counts.inspectionsTotal, suffix: '次' },
          { title: '执法案件', value: counts.cases, suffix: '件' },
          { title: '行政处罚', value: counts.penalties, suffix: '件' },
          { title: '罚款合计', value: counts.finesYuan, suffix: '元', precision: 2 },
        ].map((item) => (
          <Col key={item.title} xs={12} sm={8} lg={{ flex: '20%' }}>
            <Card size="small">
              <Statistic
                title={item.title}
                value={item.value}
                suffix={item.suffix}
                {...(item.precision === undefined ? {} : { precision: item.precision })}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label="名称">{entity.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{entity.creditCode}</Descriptions.Item>
          <Descriptions.Item label="信用风险分类">
            <Tag color={gradeColors[grade]}>{profile.data.riskGradeLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="行业">{dash(entity.industry)}</Descriptions.Item>
          <Descriptions.Item label="所属区划">{dash(entity.jurisdictionCode)}</Descriptions.Item>
          <Descriptions.Item label="名录更新时间">{formatDate(entity.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label="住所（经营场所）" span={3}>
            {dash(entity.address)}
          </Descriptions.Item>
          <Descriptions.Item label="持有许可证" span={3}>
            {entity.licences.length > 0 ? (
              <Space wrap size={[4, 4]}>
                {entity.licences.map((licence) => (
                  <Tag key={licence}>{licence}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <PermitSection permits={permits} />

      <CommitmentSection
        creditCode={entity.creditCode}
        commitments={commitments}
        canRecord={canRecordCommitments}
        organizationTree={organizationTree}
        defaultOrganizationId={defaultOrganizationId}
      />

      <Card title={`检查记录（${String(inspections.length)}）`} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          各部门随机抽查的任务与结果，含联合抽查；待检查的任务不计入检查次数。
        </Typography.Paragraph>
        <Table<EntityInspectionView>
          rowKey="taskId"
          size="small"
          dataSource={inspections}
          pagination={inspections.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '尚无抽查检查记录' }}
          columns={[
            {
              title: '抽查计划',
              key: 'plan',
              width: 260,
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
              width: 220,
              render: (names: string[], row) => (
                <>
                  {names.join('、')}
                  {row.isJoint ? (
                    <Tag color="purple" style={{ marginLeft: 4 }}>
                      联合
                    </Tag>
                  ) : null}
                </>
              ),
            },
            { title: '状态', dataIndex: 'stateLabel', width: 110 },
            {
              title: '检查日期',
              dataIndex: 'inspectedOn',
              width: 110,
              render: (value: string | null) => formatDate(value),
            },
            {
              title: '检查结果',
              dataIndex: 'resultLabel',
              width: 200,
              render: (value: string | null) => dash(value),
            },
            {
              title: '结果公示',
              key: 'publication',
              width: 130,
              render: (_, row) =>
                row.publicationStatusLabel
                  ? `${row.publicationStatusLabel}${row.publishedOn ? `（${formatDate(row.publishedOn)}）` : ''}`
                  : '—',
            },
            {
              title: '转立案',
              key: 'case',
              width: 170,
              render: (_, row) =>
                row.caseId && row.caseNumber ? (
                  <Link to={casePath(row.caseId)}>{row.caseNumber}</Link>
                ) : row.hasCase ? (
                  <Typography.Text type="secondary">已立案（其他部门）</Typography.Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>

      <Card title={`执法案件与处罚（${String(cases.length)}）`} size="small">
        {profile.data.casesAreScoped ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            仅列出您所在部门（及下级）办理的案件；其他部门的案件由其本部门或司法局查看。
          </Typography.Paragraph>
        ) : null}
        <Table<EntityCaseView>
          rowKey="id"
          size="small"
          dataSource={cases}
          pagination={cases.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: '尚无执法案件' }}
          columns={[
            {
              title: '案件',
              key: 'case',
              width: 280,
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  <Link to={casePath(row.id)}>{row.title}</Link>
                  <Typography.Text type="secondary">{row.caseNumber}</Typography.Text>
                </Space>
              ),
            },
            { title: '办案部门', dataIndex: 'organizationName', width: 180 },
            { title: '状态', dataIndex: 'stateLabel', width: 110 },
            {
              title: '处理决定',
              key: 'decision',
              width: 260,
              render: (_, row) =>
                row.decisionOutcome ? (
                  <Space direction="vertical" size={0}>
                    <span>{row.decidedPenaltyText ?? row.decisionOutcomeLabel}</span>
                    {row.decisionNumber ? (
                      <Typography.Text type="secondary">{row.decisionNumber}</Typography.Text>
                    ) : null}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: '罚款',
              dataIndex: 'fineYuan',
              width: 120,
              align: 'right',
              render: (value: number) => (value > 0 ? yuan(value) : '—'),
            },
            {
              title: '决定日期',
              dataIndex: 'decidedOn',
              width: 110,
              render: (value: string | null) => formatDate(value),
            },
            {
              title: '公示',
              key: 'publication',
              width: 130,
              render: (_, row) =>
                row.publicationStatusLabel
                  ? `${row.publicationStatusLabel}${row.publishedOn ? `（${formatDate(row.publishedOn)}）` : ''}`
                  : '—',
            },
          ]}
        />
      </Card>
    </div>
  );
}
