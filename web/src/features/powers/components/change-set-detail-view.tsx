import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  changeSetActions,
  changeSetStateLabels,
  changeTypeLabels,
  listKindLabels,
  type ChangeSetAction,
  type ChangeSetView as ChangeSet,
  type ChangeType,
  type ChangeView,
} from '../../../../../contracts/powers';
import { PageHeader } from '../../../components/page-header';
import { ApiError, showError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useChangeSet } from '../api/get-change-sets';
import { useChangeSetAction, useRemoveChange } from '../api/save-change-set';
import { changeSetStateColors, changeTypeColors } from '../power-fields';
import { ChangeFormDrawer } from './change-form-drawer';
import { ChangeImportButton } from './change-import-button';
import { ChangeSetFormDrawer } from './change-set-form-drawer';
import { ContentComparison } from './content-comparison';
import { ItemDescriptions } from './item-descriptions';

const isAction = (name: string): name is ChangeSetAction =>
  (changeSetActions as readonly string[]).includes(name);

/** Actions that ask for a comment first; 退回 must say why. */
const commentedActions: Partial<Record<ChangeSetAction, { isRequired: boolean; hint: string }>> = {
  approve: { isRequired: false, hint: '审核意见（可不填）' },
  return: { isRequired: true, hint: '请写明退回理由和修改要求' },
};

function ChangeDetail({ change, changeSet }: { change: ChangeView; changeSet: ChangeSet }) {
  if (change.changeType === 'modify' && change.current && change.proposed) {
    return (
      <ContentComparison listKind={changeSet.listKind} before={change.current} after={change.proposed} />
    );
  }
  const content = change.proposed ?? change.current;
  if (!content) return <Typography.Text type="secondary">无内容</Typography.Text>;
  return <ItemDescriptions listKind={changeSet.listKind} content={content} base="console" />;
}

interface ActionBarProps {
  changeSet: ChangeSet;
  onDone: (next: ChangeSet) => void;
}

/** The buttons of nextActions (the server lists what this user may do now); 409 shows the server's reason. */
function ActionBar({ changeSet, onDone }: ActionBarProps) {
  const perform = useChangeSetAction(changeSet.id);
  const [asking, setAsking] = useState<{ action: ChangeSetAction; label: string } | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);

  const run = (action: ChangeSetAction, label: string, comment?: string) => {
    setRefusal(null);
    perform.mutate(
      { action, comment },
      {
        onSuccess: (next) => {
          notify.success(`${label}：已完成`);
          setAsking(null);
          onDone(next);
        },
        onError: (failure) => {
          if (failure instanceof ApiError && (failure.status === 409 || failure.status === 400)) {
            setRefusal(failure.message);
            setAsking(null);
          } else {
            showError(failure);
          }
        },
      },
    );
  };

  const actions = changeSet.nextActions.filter((action) => isAction(action.name));
  const asked = asking ? commentedActions[asking.action] : undefined;
  return (
    <>
      <Space wrap>
        {actions.map(({ name, label }) => {
          const action = name as ChangeSetAction;
          const isDanger = action === 'return' || action === 'withdraw';
          if (commentedActions[action]) {
            return (
              <Button
                key={name}
                type={action === 'approve' ? 'primary' : 'default'}
                danger={isDanger}
                onClick={() => {
                  form.resetFields();
                  setAsking({ action, label });
                }}
              >
                {label}
              </Button>
            );
          }
          return (
            <Popconfirm
              key={name}
              title={`确定${label}？`}
              okText={label}
              cancelText="取消"
              onConfirm={() => run(action, label)}
            >
              <Button
                type={action === 'submit' || action === 'resubmit' ? 'primary' : 'default'}
                danger={isDanger}
              >
                {label}
              </Button>
            </Popconfirm>
          );
        })}
      </Space>
      {refusal ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable
          onClose={() => setRefusal(null)}
          message={refusal}
          style={{ marginTop: 12 }}
        />
      ) : null}
      <Modal
        title={asking?.label}
        open={asking !== null}
        okText={asking?.label}
        cancelText="取消"
        confirmLoading={perform.isPending}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => {
            if (asking) run(asking.action, asking.label, values.comment);
          }}
        >
          <Form.Item
            label="意见"
            name="comment"
            rules={
              asked?.isRequired ? [{ required: true, whitespace: true, message: '退回时必须填写意见' }] : []
            }
          >
            <Input.TextArea rows={4} maxLength={2000} placeholder={asked?.hint} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One change set: what it changes (新增/变更/取消), the buttons of its procedure, and its history. */
export function ChangeSetDetailView({ changeSetId, canEdit }: { changeSetId: string; canEdit: boolean }) {
  const detail = useChangeSet(changeSetId);
  const remove = useRemoveChange(changeSetId);
  const [adding, setAdding] = useState<ChangeType | null>(null);
  const [isEditingHeader, setEditingHeader] = useState(false);

  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.error || !detail.data) {
    return (
      <Alert
        type="error"
        showIcon
        message={detail.error instanceof ApiError ? detail.error.message : '调整单暂时无法读取'}
      />
    );
  }
  const { changeSet, changes, history } = detail.data;
  const isEditable = canEdit && (changeSet.state === 'draft' || changeSet.state === 'returned');

  return (
    <>
      <PageHeader
        title={changeSet.title}
        description={`${changeSet.organizationName} · ${listKindLabels[changeSet.listKind]}`}
        extra={<ActionBar changeSet={changeSet} onDone={() => void detail.refetch()} />}
      />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          isEditable ? (
            <Button size="small" onClick={() => setEditingHeader(true)}>
              修改方案信息
            </Button>
          ) : null
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'state',
              label: '状态',
              children: (
                <Tag color={changeSetStateColors[changeSet.state]}>
                  {changeSetStateLabels[changeSet.state]}
                </Tag>
              ),
            },
            { key: 'effectiveOn', label: '生效日期', children: formatDate(changeSet.effectiveOn) },
            {
              key: 'listVersion',
              label: '清单版本',
              children: changeSet.listVersion ? `第 ${changeSet.listVersion} 版` : '批准后生成',
            },
            { key: 'createdBy', label: '创建人', children: changeSet.createdBy ?? '—' },
            { key: 'createdAt', label: '创建时间', children: formatDateTime(changeSet.createdAt) },
            { key: 'approvedAt', label: '批准时间', children: formatDateTime(changeSet.approvedAt) },
            {
              key: 'reason',
              label: '调整理由',
              span: 'filled',
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{changeSet.reason}</div>,
            },
            {
              key: 'basis',
              label: '调整依据',
              span: 'filled',
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{changeSet.basis ?? '—'}</div>,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`调整事项（${changes.length} 项）`}
        style={{ marginBottom: 16 }}
        extra={
          isEditable ? (
            <Space wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('add')}>
                新增事项
              </Button>
              <Button onClick={() => setAdding('modify')}>变更事项</Button>
              <Button onClick={() => setAdding('cancel')}>取消事项</Button>
              <ChangeImportButton
                changeSetId={changeSet.id}
                listKind={changeSet.listKind}
                onImported={() => void detail.refetch()}
              />
            </Space>
          ) : null
        }
      >
        <Table<ChangeView>
          rowKey="id"
          size="middle"
          dataSource={changes}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项调整` }}
          scroll={{ x: 800 }}
          locale={{
            emptyText: (
              <Empty
                description={
                  isEditable
                    ? '还没有调整事项。点击“新增事项”逐项填写，或下载模板后用 Excel 批量导入。'
                    : '这个调整单没有调整事项。'
                }
              />
            ),
          }}
          expandable={{
            expandedRowRender: (change) => <ChangeDetail change={change} changeSet={changeSet} />,
            expandRowByClick: true,
          }}
          columns={[
            { title: '序号', dataIndex: 'ordinal', width: 70 },
            {
              title: '调整类型',
              dataIndex: 'changeType',
              width: 100,
              render: (changeType: ChangeType) => (
                <Tag color={changeTypeColors[changeType]}>{changeTypeLabels[changeType]}</Tag>
              ),
            },
            { title: '事项编码', dataIndex: 'code', width: 160 },
            {
              title: '事项名称',
              key: 'name',
              render: (_: unknown, change) => change.proposed?.name ?? change.current?.name ?? '—',
            },
            {
              title: '理由',
              dataIndex: 'reason',
              render: (reason: string | null) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: reason }} style={{ marginBottom: 0 }}>
                  {reason ?? '—'}
                </Typography.Paragraph>
              ),
            },
            ...(isEditable
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, change: ChangeView) => (
                      <Popconfirm
                        title="删除这项调整？"
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() =>
                          remove.mutate(change.id, {
                            onSuccess: () => notify.success('已删除'),
                            onError: showError,
                          })
                        }
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={(event) => event.stopPropagation()}
                        >
                          删除
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title="办理过程">
        {history.length === 0 ? (
          <Empty description="暂无办理记录" />
        ) : (
          <Timeline
            items={history.map((step) => ({
              key: `${step.performedAt}-${step.action}`,
              children: (
                <div>
                  <Space wrap>
                    <Typography.Text strong>{step.label}</Typography.Text>
                    <Typography.Text>{step.actorName ?? '—'}</Typography.Text>
                    <Typography.Text type="secondary">{formatDateTime(step.performedAt)}</Typography.Text>
                  </Space>
                  {step.comment ? (
                    <div style={{ whiteSpace: 'pre-wrap', color: '#595959', marginTop: 4 }}>
                      意见：{step.comment}
                    </div>
                  ) : null}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <ChangeFormDrawer
        changeSet={changeSet}
        changeType={adding}
        onClose={() => setAdding(null)}
        onSaved={() => {
          notify.success('已加入调整单');
          setAdding(null);
        }}
      />
      <ChangeSetFormDrawer
        open={isEditingHeader}
        changeSet={changeSet}
        organizationTree={[{ id: changeSet.organizationId, name: changeSet.organizationName, children: [] }]}
        onClose={() => setEditingHeader(false)}
        onCreated={() => {
          setEditingHeader(false);
          notify.success('方案信息已修改');
          void detail.refetch();
        }}
      />
    </>
  );
}
