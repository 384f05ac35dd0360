import { Empty, List, Space, Tag, Typography } from 'antd';
import type { DeadlineView } from '../../../../../contracts/procedures';
import { formatDate } from '../../../lib/format';

function dueTag(deadline: DeadlineView) {
  if (deadline.status === 'met') return <Tag color="green">已办结</Tag>;
  if (deadline.status === 'cancelled') return <Tag>已撤销</Tag>;
  if (deadline.status === 'paused') return <Tag color="purple">已中止计时</Tag>;
  if (deadline.isOverdue) return <Tag color="red">已逾期</Tag>;
  return <Tag color="blue">计时中</Tag>;
}

/** 法定期限: each deadline of the case with its article, due date, pauses and extensions. */
export function CaseDeadlines({ deadlines }: { deadlines: DeadlineView[] }) {
  if (deadlines.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="立案审批后开始计算法定期限" />;
  }
  return (
    <List
      size="small"
      dataSource={deadlines}
      renderItem={(deadline) => {
        const isOpen = deadline.status === 'open';
        return (
          <List.Item data-testid={`deadline-${deadline.key}`}>
            <div style={{ width: '100%' }}>
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{deadline.label}</Typography.Text>
                {dueTag(deadline)}
              </Space>
              <div>
                <Typography.Text type={isOpen && deadline.isOverdue ? 'danger' : undefined} strong={isOpen}>
                  {deadline.dueDate
                    ? `${formatDate(deadline.dueDate)}前`
                    : deadline.status === 'paused'
                      ? '中止期间不计算'
                      : deadline.status === 'open'
                        ? '到期日待定'
                        : ''}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  （自{formatDate(deadline.startDate)}起{deadline.lengthText}）
                </Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                依据：{deadline.citation}
              </Typography.Text>
              {!deadline.dueDate && deadline.status === 'open' ? (
                <div style={{ fontSize: 12, color: '#d46b08' }}>{deadline.history.at(-1)?.note}</div>
              ) : null}
              {deadline.pauses.map((pause) => (
                <div key={`${pause.from}-${pause.action}`} style={{ fontSize: 12, color: '#722ed1' }}>
                  中止：{formatDate(pause.from)}至{pause.to ? formatDate(pause.to) : '今'}（
                  {pause.actionLabel}
                  {pause.reason ? `：${pause.reason}` : ''}）
                </div>
              ))}
              {deadline.extensions.map((extension) => (
                <div key={`${extension.on}-${extension.action}`} style={{ fontSize: 12, color: '#d46b08' }}>
                  延长：{formatDate(extension.on)}延长 {extension.length}
                  {deadline.unit === 'workingDays' ? ' 个工作日' : ' 日'}，{extension.approvedBy}批准（
                  {extension.reason}）
                </div>
              ))}
            </div>
          </List.Item>
        );
      }}
    />
  );
}
