import { Empty, Space, Timeline, Typography } from 'antd';
import type { SpotCheckPlanDetail } from '../../../../../contracts/spotchecks';
import { formatDate, formatDateTime } from '../../../lib/format';

type Step = SpotCheckPlanDetail['steps'][number];

/** What a step recorded, in words (the digests and counts the service filled in). */
const fieldLabels: Record<string, string> = {
  populationCount: '名录对象数',
  eligibleCount: '可抽对象数',
  inspectorCount: '检查人员数',
  commitment: '承诺值',
  externalEntropy: '公开随机源',
  taskCount: '生成任务数',
  reason: '原因',
  inspectedOn: '检查日期',
  conformingItems: '符合事项数',
  nonConformingItems: '不符合事项数',
  photoCount: '现场照片数',
  resultLabel: '检查结果',
  caseNumber: '案号',
};

function describe(step: Step): { label: string; value: string }[] {
  return Object.entries(fieldLabels).flatMap(([key, label]) => {
    const value = step.fields[key];
    if (value === null || value === undefined || value === '') return [];
    const text =
      typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
    if (key === 'commitment') return [{ label, value: `${text.slice(0, 16)}…` }];
    if (key === 'inspectedOn') return [{ label, value: formatDate(text) }];
    return [{ label, value: text }];
  });
}

/** 办理过程 of a plan or a task: what, who, when, and what was recorded. */
export function StepHistory({ steps }: { steps: Step[] }) {
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={steps.map((step, index) => ({
        key: step.id,
        color: index === steps.length - 1 ? 'blue' : 'gray',
        children: (
          <div data-testid="history-step">
            <Space wrap size={4}>
              <Typography.Text strong>{step.actionLabel}</Typography.Text>
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
            {describe(step).map((line) => (
              <div key={line.label} style={{ color: '#595959', fontSize: 13, wordBreak: 'break-all' }}>
                {line.label}：{line.value}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
