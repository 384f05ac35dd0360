import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEvent } from '../../../../../contracts/audit';
import { ExportButton } from '../../../components/excel-buttons';
import { PageHeader } from '../../../components/page-header';
import { showError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useAuditEvents, useTreeHead, useVerifyAuditLog, type AuditEventListParams } from '../api/audit';
import { TreeHeadCard } from './tree-head-card';

function HashText({ value }: { value: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {value}
    </Typography.Text>
  );
}

function EventDrawer({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  return (
    <Drawer
      title={event ? `审计记录 #${event.seq}` : '审计记录'}
      width={720}
      open={event !== null}
      onClose={onClose}
    >
      {event ? (
        <>
          <Descriptions column={1} bordered size="small" labelStyle={{ width: 120 }}>
            <Descriptions.Item label="序号">{event.seq}</Descriptions.Item>
            <Descriptions.Item label="时间">{formatDateTime(event.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label="操作人">{event.actorName}</Descriptions.Item>
            <Descriptions.Item label="操作">{event.action}</Descriptions.Item>
            <Descriptions.Item label="对象类型">{event.entityType}</Descriptions.Item>
            <Descriptions.Item label="对象编号">{event.entityId}</Descriptions.Item>
            <Descriptions.Item label="IP 地址">{event.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="变更摘要">
              <HashText value={event.changeDigest} />
            </Descriptions.Item>
            <Descriptions.Item label="叶子哈希">
              <HashText value={event.leafHash} />
            </Descriptions.Item>
            <Descriptions.Item label="链式哈希">
              <HashText value={event.chainHash} />
            </Descriptions.Item>
            <Descriptions.Item label="哈希算法">
              {event.algorithm === 'sm3' ? 'SM3' : 'SHA-256'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            变更内容
          </Typography.Title>
          <pre
            style={{
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              padding: 12,
              borderRadius: 6,
              maxHeight: 420,
              overflow: 'auto',
              fontSize: 12,
            }}
          >
            {JSON.stringify(event.change, null, 2)}
          </pre>
        </>
      ) : null}
    </Drawer>
  );
}

/** 审计日志 (audit administrator): every write, who made it, and proof that none was altered. */
export function AuditView() {
  const [filter, setFilter] = useState<AuditEventListParams>({ page: 1, pageSize: 20 });
  const [draft, setDraft] = useState<{
    actor?: string;
    action?: string;
    entityType?: string;
    entityId?: string;
  }>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const events = useAuditEvents(filter);
  const treeHead = useTreeHead();
  const verify = useVerifyAuditLog();
  const exportQuery = {
    actor: filter.actor,
    action: filter.action,
    entityType: filter.entityType,
    entityId: filter.entityId,
    from: filter.from,
    to: filter.to,
  };

  const applyFilter = () =>
    setFilter((current) => ({
      ...current,
      page: 1,
      actor: draft.actor?.trim() || undefined,
      action: draft.action?.trim() || undefined,
      entityType: draft.entityType?.trim() || undefined,
      entityId: draft.entityId?.trim() || undefined,
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
    }));

  return (
    <>
      <PageHeader
        title="审计日志"
        description="平台上每一次写操作都记入哈希链和默克尔树（RFC 6962），树头定期签名并公开，任何改动都能被校验发现。"
        extra={
          <Space wrap>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() =>
                verify.mutate(undefined, { onError: showError, onSuccess: () => void treeHead.refetch() })
              }
            >
              校验日志
            </Button>
            <ExportButton path="/api/audit/events/export" fallbackName="审计日志.xlsx" query={exportQuery} />
          </Space>
        }
      />
      {verify.data ? (
        verify.data.ok ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            message="校验通过：日志完整，未发现篡改"
            description={`已校验 ${verify.data.checkedEvents} 条记录、${verify.data.checkedTreeHeads} 个已签名树头。`}
            closable
          />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={`校验未通过：第 ${verify.data.firstBad?.seq ?? '?'} 条记录起不一致`}
            description={`${verify.data.firstBad?.reason ?? ''}（已校验 ${verify.data.checkedEvents} 条记录）`}
          />
        )
      ) : null}
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Card size="small" style={{ flex: '1 1 720px', minWidth: 0 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input
              allowClear
              placeholder="操作人"
              style={{ width: 140 }}
              value={draft.actor}
              onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
              onPressEnter={applyFilter}
            />
            <Input
              allowClear
              placeholder="操作，如 organization.create"
              style={{ width: 220 }}
              value={draft.action}
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
              onPressEnter={applyFilter}
            />
            <Input
              allowClear
              placeholder="对象类型"
              style={{ width: 140 }}
              value={draft.entityType}
              onChange={(event) => setDraft({ ...draft, entityType: event.target.value })}
              onPressEnter={applyFilter}
            />
            <Input
              allowClear
              placeholder="对象编号"
              style={{ width: 200 }}
              value={draft.entityId}
              onChange={(event) => setDraft({ ...draft, entityId: event.target.value })}
              onPressEnter={applyFilter}
            />
            <DatePicker.RangePicker
              value={range}
              format="YYYY年M月D日"
              onChange={(value) => setRange(value ? [value[0], value[1]] : null)}
            />
            <Button type="primary" onClick={applyFilter}>
              查询
            </Button>
          </Space>
          <Table<AuditEvent>
            rowKey="seq"
            size="small"
            loading={events.isFetching}
            dataSource={events.data?.items ?? []}
            scroll={{ x: 900 }}
            onRow={(row) => ({ onClick: () => setSelected(row), style: { cursor: 'pointer' } })}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: events.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
            }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 80 },
              {
                title: '时间',
                dataIndex: 'occurredAt',
                width: 200,
                render: (value: string) => formatDateTime(value),
              },
              { title: '操作人', dataIndex: 'actorName', width: 140 },
              { title: '操作', dataIndex: 'action', width: 220 },
              { title: '对象类型', dataIndex: 'entityType', width: 130 },
              { title: '对象编号', dataIndex: 'entityId', ellipsis: true },
              {
                title: '',
                key: 'detail',
                width: 70,
                render: (_: unknown, row) => (
                  <Button type="link" size="small" onClick={() => setSelected(row)}>
                    详情
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <div style={{ flex: '0 1 380px', minWidth: 320 }}>
          <TreeHeadCard head={treeHead.data} loading={treeHead.isLoading} />
        </div>
      </div>
      <EventDrawer event={selected} onClose={() => setSelected(null)} />
    </>
  );
}
