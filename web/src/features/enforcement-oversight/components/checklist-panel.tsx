import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewChecklistItem } from '../../../../../contracts/enforcement';
import type { ChecklistView } from '../../../../../contracts/enforcement-oversight';
import { showError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useChecklists } from '../api/get-case-reviews';
import { useCreateChecklist } from '../api/save-case-review';

type Row = ReviewChecklistItem & { rowKey: number };
let nextRowKey = 1;

/** 评查标准: the active checklist; the justice bureau sets a new one starting from it (configurable items, points, thresholds). */
export function ChecklistPanel({ canEdit }: { canEdit: boolean }) {
  const checklists = useChecklists();
  const create = useCreateChecklist();
  const [draft, setDraft] = useState<{
    name: string;
    excellentAt: number;
    passAt: number;
    rows: Row[];
  } | null>(null);
  const active = checklists.data?.[0];
  const total = draft ? Math.round(draft.rows.reduce((sum, row) => sum + row.maxScore, 0) * 100) / 100 : 0;

  const startFrom = (checklist: ChecklistView) =>
    setDraft({
      name: `${new Date().getFullYear()}年度行政处罚案卷评查标准`,
      excellentAt: checklist.excellentAt,
      passAt: checklist.passAt,
      rows: checklist.items.map((item) => ({ ...item, rowKey: nextRowKey++ })),
    });
  const updateRow = (rowKey: number, patch: Partial<ReviewChecklistItem>) =>
    setDraft((current) =>
      current
        ? {
            ...current,
            rows: current.rows.map((row) => (row.rowKey === rowKey ? { ...row, ...patch } : row)),
          }
        : current,
    );
  const submit = () => {
    if (!draft) return;
    create.mutate(
      {
        name: draft.name,
        excellentAt: draft.excellentAt,
        passAt: draft.passAt,
        items: draft.rows.map((row) => ({
          key: row.key,
          category: row.category,
          label: row.label,
          maxScore: row.maxScore,
        })),
      },
      {
        onSuccess: () => {
          notify.success('新的评查标准已启用');
          setDraft(null);
        },
        onError: showError,
      },
    );
  };

  if (!active) return <Card loading={checklists.isLoading}>尚无评查标准</Card>;
  return (
    <Card
      size="small"
      title={active.name}
      extra={
        canEdit ? (
          <Button onClick={() => startFrom(active)} icon={<PlusOutlined />}>
            制定新标准
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="总分">{active.totalScore} 分</Descriptions.Item>
        <Descriptions.Item label="优秀">{active.excellentAt} 分以上</Descriptions.Item>
        <Descriptions.Item label="合格">{active.passAt} 分以上</Descriptions.Item>
        <Descriptions.Item label="启用日期">{formatDate(active.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Table<ReviewChecklistItem>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={active.items}
        columns={[
          { title: '类别', dataIndex: 'category', width: 100 },
          { title: '评查项目', dataIndex: 'label' },
          { title: '分值', dataIndex: 'maxScore', width: 70 },
        ]}
      />
      <Modal
        title="制定新的评查标准"
        open={draft !== null}
        width={980}
        onCancel={() => setDraft(null)}
        onOk={submit}
        okText="启用新标准"
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        {draft ? (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="新标准启用后，新抽取的案卷按新标准评分；已抽取、已评分的案卷仍按原标准。"
            />
            <Space wrap style={{ marginBottom: 12 }}>
              <Input
                style={{ width: 360 }}
                prefix="名称"
                value={draft.name}
                maxLength={100}
                onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              />
              <InputNumber
                prefix="优秀"
                suffix="分以上"
                min={0}
                value={draft.excellentAt}
                onChange={(value) => setDraft({ ...draft, excellentAt: value ?? 0 })}
              />
              <InputNumber
                prefix="合格"
                suffix="分以上"
                min={0}
                value={draft.passAt}
                onChange={(value) => setDraft({ ...draft, passAt: value ?? 0 })}
              />
              <Typography.Text type={total === 100 ? 'secondary' : 'warning'}>
                合计 {total} 分
              </Typography.Text>
            </Space>
            <Table<Row>
              size="small"
              rowKey="rowKey"
              pagination={false}
              scroll={{ y: 420 }}
              dataSource={draft.rows}
              columns={[
                {
                  title: '编号',
                  width: 140,
                  render: (_, row) => (
                    <Input
                      value={row.key}
                      maxLength={32}
                      onChange={(event) => updateRow(row.rowKey, { key: event.target.value })}
                    />
                  ),
                },
                {
                  title: '类别',
                  width: 120,
                  render: (_, row) => (
                    <Input
                      value={row.category}
                      maxLength={50}
                      onChange={(event) => updateRow(row.rowKey, { category: event.target.value })}
                    />
                  ),
                },
                {
                  title: '评查项目',
                  render: (_, row) => (
                    <Input.TextArea
                      autoSize
                      value={row.label}
                      maxLength={300}
                      onChange={(event) => updateRow(row.rowKey, { label: event.target.value })}
                    />
                  ),
                },
                {
                  title: '分值',
                  width: 90,
                  render: (_, row) => (
                    <InputNumber
                      min={0.5}
                      max={100}
                      step={0.5}
                      value={row.maxScore}
                      onChange={(value) => updateRow(row.rowKey, { maxScore: value ?? 1 })}
                    />
                  ),
                },
                {
                  title: '',
                  width: 48,
                  render: (_, row) => (
                    <Button
                      type="text"
                      danger
                      aria-label="删除该项目"
                      icon={<DeleteOutlined />}
                      onClick={() =>
                        setDraft({
                          ...draft,
                          rows: draft.rows.filter((candidate) => candidate.rowKey !== row.rowKey),
                        })
                      }
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() =>
                setDraft({
                  ...draft,
                  rows: [
                    ...draft.rows,
                    {
                      rowKey: nextRowKey++,
                      key: `item${draft.rows.length + 1}`,
                      category: '其他',
                      label: '',
                      maxScore: 1,
                    },
                  ],
                })
              }
            >
              添加评查项目
            </Button>
          </>
        ) : null}
      </Modal>
    </Card>
  );
}
