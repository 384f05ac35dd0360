import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  publicationStatusLabels,
  type PublicationStatus,
  type PublicationView,
} from '../../../../../contracts/enforcement';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { usePublicationCommand } from '../api/publications';

const statusColors: Record<PublicationStatus, string> = {
  pending: 'orange',
  published: 'green',
  withdrawn: 'default',
  takenDown: 'default',
};

type Asking = 'withdraw' | 'take-down' | null;

interface ReasonValues {
  reason: string;
  eventOn?: Dayjs;
}

/** 行政处罚决定公示 (行政处罚法 art. 48): its status and due date, publish, withdraw or take down. */
export function PublicationCard({
  publication,
  canPublish,
  canWithdraw,
}: {
  publication: PublicationView | null;
  /** officers and agency heads publish */
  canPublish: boolean;
  /** agency heads and the justice bureau withdraw or take down */
  canWithdraw: boolean;
}) {
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<ReasonValues>();
  const command = usePublicationCommand(publication?.id ?? '');

  if (!publication) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="作出处罚决定后，系统按所属领域的规定生成待公示信息并计算公示期限"
      />
    );
  }
  // a due date still pending (null: the calendar lacks the year) is not late until it is known
  const isLate =
    publication.status === 'pending' &&
    publication.dueOn !== null &&
    publication.dueOn < dayjs().format('YYYY-MM-DD');
  const onError = (failure: Error) =>
    setError(failure instanceof ApiError ? failure.message : '操作失败，请稍后重试');

  return (
    <>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={error}
          closable
          onClose={() => setError(null)}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: '公示状态',
            children: (
              <Tag color={statusColors[publication.status]} data-testid="publication-status">
                {publicationStatusLabels[publication.status]}
              </Tag>
            ),
          },
          {
            key: 'due',
            label: '公示期限',
            children: (
              <span>
                {publication.dueOn === null ? (
                  <>
                    <Typography.Text type="warning">待定</Typography.Text>
                    <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                      到期日待定：缺少相应年度的节假日数据，管理员录入后自动计算
                    </div>
                  </>
                ) : (
                  <Typography.Text type={isLate ? 'danger' : undefined}>
                    {formatDate(publication.dueOn)}前
                  </Typography.Text>
                )}
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>依据：{publication.citation}</div>
              </span>
            ),
          },
          ...(publication.publishedOn
            ? [
                {
                  key: 'published',
                  label: '公示日期',
                  children: (
                    <span>
                      {formatDate(publication.publishedOn)}{' '}
                      {publication.onTime === false ? (
                        <Tag color="red">超期公示</Tag>
                      ) : publication.onTime === true ? (
                        <Tag color="green">按期</Tag>
                      ) : (
                        <Tag>期限待定</Tag>
                      )}
                    </span>
                  ),
                },
                { key: 'until', label: '公示至', children: formatDate(publication.publicUntil) },
              ]
            : []),
          ...(publication.withdrawnOn
            ? [
                {
                  key: 'withdrawn',
                  label: '撤回',
                  children: `${formatDate(publication.withdrawnOn)}：${publication.withdrawReason ?? ''}`,
                },
              ]
            : []),
          ...(publication.withdrawDueOn && !publication.withdrawnOn
            ? [
                {
                  key: 'withdrawDue',
                  label: '应撤回期限',
                  children: `${formatDate(publication.withdrawDueOn)}前`,
                },
              ]
            : []),
          ...(publication.takenDownOn
            ? [
                {
                  key: 'takenDown',
                  label: '下网',
                  children: `${formatDate(publication.takenDownOn)}：${publication.takenDownReason ?? ''}`,
                },
              ]
            : []),
        ]}
      />
      {Object.keys(publication.content).length > 0 ? (
        <details style={{ margin: '4px 0 8px' }}>
          <summary style={{ cursor: 'pointer', color: '#1677ff' }}>公示内容（已隐去个人信息）</summary>
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginTop: 8 }}
            items={Object.entries(publication.content).map(([label, value]) => ({
              key: label,
              label,
              children: value,
            }))}
          />
        </details>
      ) : null}
      {canPublish || canWithdraw ? (
        <Space wrap>
          {canPublish && publication.status === 'pending' ? (
            <Popconfirm
              title="在门户网站公示这项处罚决定？"
              okText="公示"
              cancelText="取消"
              onConfirm={() =>
                command.mutate({ kind: 'publish' }, { onSuccess: () => notify.success('已公示'), onError })
              }
            >
              <Button type="primary" size="small" loading={command.isPending}>
                公示
              </Button>
            </Popconfirm>
          ) : null}
          {canWithdraw && publication.status === 'published' ? (
            <>
              <Button size="small" onClick={() => setAsking('withdraw')}>
                撤回
              </Button>
              <Button size="small" danger onClick={() => setAsking('take-down')}>
                信用修复下网
              </Button>
            </>
          ) : null}
        </Space>
      ) : null}
      <Modal
        title={asking === 'withdraw' ? '撤回公示' : '信用修复提前下网'}
        open={asking !== null}
        okText={asking === 'withdraw' ? '撤回' : '下网'}
        cancelText="取消"
        confirmLoading={command.isPending}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {asking === 'withdraw'
            ? '处罚决定被变更、撤销、确认违法或确认无效的，应在三日内撤回公示并说明理由（《中华人民共和国行政处罚法》第四十八条）。'
            : '当事人履行完毕、经批准信用修复的，可以提前停止公示（《市场监督管理行政处罚信息公示规定》第十四条）；公示期满的由系统自动下网。'}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ eventOn: dayjs() }}
          onFinish={(values) => {
            const done = {
              onSuccess: () => {
                notify.success('已办理');
                setAsking(null);
              },
              onError: (failure: Error) => {
                setAsking(null);
                onError(failure);
              },
            };
            if (asking === 'withdraw') {
              command.mutate(
                {
                  kind: 'withdraw',
                  reason: values.reason.trim(),
                  eventOn: (values.eventOn ?? dayjs()).format('YYYY-MM-DD'),
                },
                done,
              );
            } else if (asking === 'take-down') {
              command.mutate({ kind: 'take-down', reason: values.reason.trim(), creditRepair: true }, done);
            }
          }}
        >
          <Form.Item
            label="理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          {asking === 'withdraw' ? (
            <Form.Item
              label="变更、撤销等事由发生日期"
              name="eventOn"
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker format="YYYY年M月D日" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
