import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { notify } from '../../../lib/notify';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  certificateStatusLabels,
  certificateStatuses,
  type Certificate,
  type CertificateStatus,
} from '../../../../../contracts/org';
import { ExportButton, ImportButton } from '../../../components/excel-buttons';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { formatDate, todayCivil } from '../../../lib/format';
import { useCertificates, type CertificateListParams } from '../api/get-certificates';
import { CertificateFormDrawer } from './certificate-form-drawer';

const statusColors: Record<CertificateStatus, string> = {
  valid: 'green',
  suspended: 'orange',
  revoked: 'default',
};
/** Certificates expiring within this many days are flagged so they are renewed in time. */
const expiryWarningDays = 90;

function ExpiryCell({ certificate }: { certificate: Certificate }) {
  const today = todayCivil();
  const text = formatDate(certificate.expiresOn);
  if (certificate.status !== 'valid') return <span>{text}</span>;
  if (certificate.expiresOn < today) return <Tag color="red">{text}（已过期）</Tag>;
  const daysLeft = dayjs(certificate.expiresOn).diff(dayjs(today), 'day');
  if (daysLeft <= expiryWarningDays) {
    return (
      <Tooltip title={`还有 ${daysLeft} 天到期，请及时换证`}>
        <Tag color="orange">
          {text}（{daysLeft} 天后到期）
        </Tag>
      </Tooltip>
    );
  }
  return <span>{text}</span>;
}

/** 执法证件: who may enforce, in which field, until when. */
export function CertificatesView({
  organizationTree,
  canEdit,
}: {
  organizationTree: TreeOption[];
  canEdit: boolean;
}) {
  const [filter, setFilter] = useState<CertificateListParams>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ certificate: Certificate | null } | null>(null);
  const list = useCertificates(filter);
  const exportQuery = {
    search: filter.search,
    organizationId: filter.organizationId,
    status: filter.status,
    validOn: filter.validOn,
  };

  return (
    <>
      <PageHeader
        title="执法证件"
        description={`行政执法证件的持证人、类别和有效期。${expiryWarningDays} 天内到期的标为橙色，已过期的标为红色。`}
        extra={
          <Space wrap>
            {canEdit ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ certificate: null })}
              >
                登记执法证件
              </Button>
            ) : null}
            {canEdit ? (
              <ImportButton
                subject="执法证件"
                importPath="/api/certificates/import"
                templatePath="/api/certificates/import-template"
                templateName="执法证件导入模板.xlsx"
                onImported={() => void list.refetch()}
              />
            ) : null}
            <ExportButton path="/api/certificates/export" fallbackName="执法证件.xlsx" query={exportQuery} />
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按证号、持证人或执法类别搜索"
            style={{ width: 280 }}
            enterButton="搜索"
            onSearch={(value) =>
              setFilter((current) => ({ ...current, page: 1, search: value.trim() || undefined }))
            }
          />
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="所属组织（含下级）"
            value={filter.organizationId}
            onChange={(organizationId) => setFilter((current) => ({ ...current, page: 1, organizationId }))}
          />
          <Select<CertificateStatus>
            allowClear
            placeholder="证件状态"
            style={{ width: 130 }}
            value={filter.status}
            options={certificateStatuses.map((value) => ({ value, label: certificateStatusLabels[value] }))}
            onChange={(status) => setFilter((current) => ({ ...current, page: 1, status }))}
          />
          <Select<'today'>
            allowClear
            placeholder="有效性"
            style={{ width: 150 }}
            value={filter.validOn ? 'today' : undefined}
            options={[{ value: 'today', label: '只看今天有效的' }]}
            onChange={(value) =>
              setFilter((current) => ({ ...current, page: 1, validOn: value ? todayCivil() : undefined }))
            }
          />
        </Space>
        <Table<Certificate>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 张证件`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            { title: '证号', dataIndex: 'number', width: 150 },
            { title: '持证人', dataIndex: 'personName', width: 100 },
            { title: '所属组织', dataIndex: 'organizationName', width: 200 },
            { title: '执法类别', dataIndex: 'field', width: 120 },
            {
              title: '有效期至',
              key: 'expiresOn',
              width: 230,
              render: (_: unknown, row) => <ExpiryCell certificate={row} />,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 80,
              render: (status: CertificateStatus, row) => (
                <Tag color={statusColors[status]}>{row.statusLabel}</Tag>
              ),
            },
            { title: '发证机关', dataIndex: 'issuedBy', width: 160 },
            {
              title: '发证日期',
              dataIndex: 'issuedOn',
              width: 140,
              render: (value: string) => formatDate(value),
            },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 80,
                    fixed: 'right' as const,
                    render: (_: unknown, row: Certificate) => (
                      <Button type="link" size="small" onClick={() => setEditing({ certificate: row })}>
                        编辑
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <CertificateFormDrawer
        open={editing !== null}
        certificate={editing?.certificate ?? null}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          notify.success(`已保存：${saved.number}`);
          setEditing(null);
        }}
      />
    </>
  );
}
