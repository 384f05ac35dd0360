import { Empty, Space, Timeline, Typography } from 'antd';
import type { CaseDetail } from '../../../../../contracts/enforcement';
import { formatDateTime } from '../../../lib/format';
import { describeStepFields } from '../action-forms';

/** 办理过程: every step of the procedure — what, who, when, from which state to which, and what was recorded. */
export function CaseTimeline({ steps }: { steps: CaseDetail['steps'] }) {
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={steps.map((step, index) => ({
        key: step.id,
        color: index === steps.length - 1 ? 'blue' : 'gray',
        children: (
          <div data-testid="case-step">
            <Space wrap size={4}>
              <Typography.Text strong data-testid="case-step-action">
                {step.actionLabel}
              </Typography.Text>
              <Typography.Text type="secondary">
                {step.fromState === step.toState
                  ? `（${step.toStateLabel}）`
                  : `${step.fromStateLabel} → ${step.toStateLabel}`}
              </Typography.Text>
            </Space>
            <div>
              <Typography.Text>{step.actorName}</Typography.Text>
              <Typography.Text type="secondary"> · {formatDateTime(step.performedAt)}</Typography.Text>
            </div>
            {describeStepFields(step.action, step.fields).map((line) => (
              <div key={line.label} style={{ color: '#595959', fontSize: 13, whiteSpace: 'pre-wrap' }}>
                {line.label}：{line.value}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
