import {
  Alert,
  Breadcrumb,
  Card,
  Descriptions,
  Empty,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import type {
  PublicDuty,
  PublicOfficer,
  PublicProcedure,
  PublicProcedureStep,
  PublicRemedy,
  PublicSpotCheckItem,
} from '../../../../../contracts/publicity';
import { CitationLinks } from '../../../components/citation-links';
import { portalEnforcementPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { usePublicEnforcementBody } from '../api/get-public-enforcement';

export const bodyTabs = ['officers', 'duties', 'procedures', 'remedies', 'spotChecks'] as const;
export type BodyTab = (typeof bodyTabs)[number];

const dash = <Typography.Text type="secondary">—</Typography.Text>;

function OfficersTab({ officers, today }: { officers: PublicOfficer[]; today: string }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        以下为截至 {formatDate(today)}{' '}
        持有有效行政执法证件的人员。执法人员不得少于两人，并应当主动出示执法证件（《中华人民共和国行政处罚法》第四十二条、第五十五条）。点击证号可核验证件。
      </Typography.Paragraph>
      <Table<PublicOfficer>
        rowKey="certificateNumber"
        size="middle"
        dataSource={officers}
        locale={{ emptyText: '暂无持有效执法证件的人员' }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 140 },
          {
            title: '执法证号',
            dataIndex: 'certificateNumber',
            render: (number: string) => <Link to={portalEnforcementPaths.officer(number)}>{number}</Link>,
          },
          { title: '执法类别', dataIndex: 'field' },
          {
            title: '有效期至',
            dataIndex: 'validUntil',
            width: 160,
            render: (value: string) => formatDate(value),
          },
        ]}
      />
    </>
  );
}

function DutiesTab({ duties }: { duties: PublicDuty[] }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        本单位权责清单中现行有效的行政处罚、行政强制、行政检查事项及其法律依据。点击依据可查看法律条文。
      </Typography.Paragraph>
      <Table<PublicDuty>
        rowKey="itemId"
        size="middle"
        dataSource={duties}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无公开的执法事项' }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 项` }}
        columns={[
          { title: '事项编码', dataIndex: 'code', width: 120 },
          { title: '事项名称', dataIndex: 'name' },
          {
            title: '类型',
            dataIndex: 'kindLabel',
            width: 100,
            render: (label: string) => <Tag>{label}</Tag>,
          },
          {
            title: '法律依据',
            key: 'legalBasis',
            width: 320,
            render: (_: unknown, row) =>
              row.legalBasis.length > 0 ? (
                <CitationLinks citations={row.legalBasis} base="portal" />
              ) : (
                row.legalBasisText
              ),
          },
          {
            title: '责任事项',
            dataIndex: 'duties',
            width: 280,
            render: (value: string | null) =>
              value ? (
                <Typography.Paragraph
                  ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
                  style={{ margin: 0 }}
                >
                  {value}
                </Typography.Paragraph>
              ) : (
                dash
              ),
          },
        ]}
      />
    </>
  );
}

function ProcedureCard({ procedure }: { procedure: PublicProcedure }) {
  return (
    <Card size="small" title={procedure.title} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">依据：{procedure.citation}</Typography.Paragraph>
      <Typography.Paragraph>
        办理环节：
        {procedure.states.map((state) => (
          <Tag key={state.key} color={state.isTerminal ? 'default' : 'blue'} style={{ marginBottom: 4 }}>
            {state.label}
          </Tag>
        ))}
      </Typography.Paragraph>
      <Table<PublicProcedureStep>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={procedure.steps}
        scroll={{ x: 900 }}
        columns={[
          { title: '步骤', dataIndex: 'label', width: 200 },
          {
            title: '适用环节',
            dataIndex: 'fromLabels',
            width: 200,
            render: (labels: string[]) => (labels.length > 0 ? labels.join('、') : '—'),
          },
          {
            title: '办理后',
            dataIndex: 'toLabel',
            width: 160,
            render: (label: string | null) => label ?? '（环节不变）',
          },
          {
            title: '办理人',
            dataIndex: 'roleLabels',
            width: 140,
            render: (labels: string[]) => labels.join('、'),
          },
          {
            title: '依据和期限',
            key: 'basis',
            render: (_: unknown, row) => (
              <Space direction="vertical" size={0}>
                {row.citation ? <Typography.Text>{row.citation}</Typography.Text> : null}
                {row.timeLimits.map((limit) => (
                  <Typography.Text key={limit} type="secondary">
                    {limit}
                  </Typography.Text>
                ))}
                {!row.citation && row.timeLimits.length === 0 ? dash : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function RemediesTab({ remedies }: { remedies: PublicRemedy[] }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        公民、法人或者其他组织对本单位作出的行政执法决定不服的，可以依法申请行政复议或者提起行政诉讼。
      </Typography.Paragraph>
      {remedies.map((remedy) => (
        <Card key={remedy.kind} size="small" title={remedy.label} style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={remedy.kind === 'reconsideration' ? '复议机关' : '受理机关'}>
              {remedy.organ}
            </Descriptions.Item>
            <Descriptions.Item label="期限">{remedy.period}</Descriptions.Item>
            <Descriptions.Item label="依据">{remedy.citation}</Descriptions.Item>
            {remedy.note ? <Descriptions.Item label="说明">{remedy.note}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
      ))}
    </>
  );
}

function SpotChecksTab({ items }: { items: PublicSpotCheckItem[] }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开（双随机、一公开）。
      </Typography.Paragraph>
      <Table<PublicSpotCheckItem>
        rowKey="itemId"
        size="middle"
        dataSource={items}
        scroll={{ x: 1060 }}
        locale={{ emptyText: '暂无随机抽查事项' }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 项` }}
        columns={[
          { title: '事项编码', dataIndex: 'code', width: 100 },
          { title: '抽查事项', dataIndex: 'name', width: 180 },
          {
            title: '检查对象',
            dataIndex: 'subjectType',
            width: 130,
            render: (value: string | null) => value ?? dash,
          },
          {
            title: '检查内容',
            dataIndex: 'content',
            width: 180,
            render: (value: string | null) => value ?? dash,
          },
          {
            title: '检查方式',
            dataIndex: 'method',
            width: 100,
            render: (value: string | null) => value ?? dash,
          },
          {
            title: '抽查比例',
            dataIndex: 'ratioPercent',
            width: 90,
            render: (value: number | null) => (value === null ? dash : `${String(value)}%`),
          },
          {
            title: '抽查频次',
            dataIndex: 'frequency',
            width: 110,
            render: (value: string | null) => value ?? dash,
          },
          { title: '检查依据', dataIndex: 'legalBasisText', width: 180 },
        ]}
      />
    </>
  );
}

/** One body's ex-ante publicity in tabs: 执法人员, 职责与依据, 执法程序, 救济途径, 随机抽查事项. */
export function EnforcementBodyView({
  bodyId,
  tab,
  onTabChange,
}: {
  bodyId: string;
  tab: BodyTab;
  onTabChange: (tab: BodyTab) => void;
}) {
  const detail = usePublicEnforcementBody(bodyId);
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.error || !detail.data) {
    return (
      <Alert
        type="warning"
        showIcon
        message={
          detail.error instanceof ApiError && detail.error.status === 404
            ? '该执法主体不存在或未公示'
            : '执法主体信息暂时无法读取'
        }
        description={<Link to={portalEnforcementPaths.home}>返回行政执法公示</Link>}
      />
    );
  }
  const { body, officers, duties, procedures, remedies, spotCheckItems, today } = detail.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> }, { title: body.name }]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {body.name}
      </Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="执法领域">{body.enforcementField ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主体类型">{body.authorityTypeLabel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="上级机关">{body.parentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="办公地址">{body.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{body.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公示中的执法决定">
            {body.publishedDecisionCount > 0 ? (
              <Link to={`${portalEnforcementPaths.decisions}?organizationId=${body.id}`}>
                {body.publishedDecisionCount} 件
              </Link>
            ) : (
              '暂无'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => onTabChange(key as BodyTab)}
          items={[
            {
              key: 'officers',
              label: `执法人员（${String(officers.length)}）`,
              children: <OfficersTab officers={officers} today={today} />,
            },
            {
              key: 'duties',
              label: `职责与依据（${String(duties.length)}）`,
              children: <DutiesTab duties={duties} />,
            },
            {
              key: 'procedures',
              label: '执法程序',
              children:
                procedures.length > 0 ? (
                  procedures.map((procedure) => <ProcedureCard key={procedure.key} procedure={procedure} />)
                ) : (
                  <Empty description="暂无执法程序" />
                ),
            },
            { key: 'remedies', label: '救济途径', children: <RemediesTab remedies={remedies} /> },
            {
              key: 'spotChecks',
              label: `随机抽查事项（${String(spotCheckItems.length)}）`,
              children: <SpotChecksTab items={spotCheckItems} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
