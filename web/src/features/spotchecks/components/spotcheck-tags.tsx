import { Tag, Tooltip, Typography } from 'antd';
import {
  riskGradeLabels,
  spotCheckResultLabels,
  type RiskGrade,
  type SpotCheckPlanState,
  type SpotCheckResult,
  type SpotCheckTaskState,
  type SpotCheckTaskView,
} from '../../../../../contracts/spotchecks';
import { formatDate } from '../../../lib/format';

const planStateColors: Record<SpotCheckPlanState, string> = {
  draft: 'default',
  committed: 'blue',
  drawn: 'gold',
  completed: 'green',
  cancelled: 'default',
};

export function PlanStateTag({ state, label }: { state: SpotCheckPlanState; label: string }) {
  return (
    <Tag color={planStateColors[state]} data-testid="plan-state">
      {label}
    </Tag>
  );
}

const taskStateColors: Record<SpotCheckTaskState, string> = {
  assigned: 'blue',
  inspected: 'gold',
  completed: 'green',
};

export function TaskStateTag({ state, label }: { state: SpotCheckTaskState; label: string }) {
  return (
    <Tag color={taskStateColors[state]} data-testid="task-state">
      {label}
    </Tag>
  );
}

const gradeColors: Record<RiskGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** The entity's credit-risk grade, the letter with its meaning on hover. */
export function RiskGradeTag({ grade }: { grade: RiskGrade }) {
  return (
    <Tooltip title={riskGradeLabels[grade]}>
      <Tag color={gradeColors[grade]}>{grade} 类</Tag>
    </Tooltip>
  );
}

/** A result found problems: shown orange, else green. */
export function ResultText({ result }: { result: SpotCheckResult | null }) {
  if (!result) return <Typography.Text type="secondary">—</Typography.Text>;
  const isProblem = result !== 'noProblem' && result !== 'notOperating';
  return <Tag color={isProblem ? 'orange' : 'green'}>{spotCheckResultLabels[result]}</Tag>;
}

const publicationLabels: Record<string, { label: string; color: string }> = {
  pending: { label: '待公示', color: 'gold' },
  published: { label: '已公示', color: 'green' },
  withdrawn: { label: '已撤回', color: 'default' },
  takenDown: { label: '已下网', color: 'default' },
};

/** 结果公示: the status and, while pending, the day it must be public by (20 个工作日). */
export function PublicationStatus({ task }: { task: SpotCheckTaskView }) {
  if (!task.publicationStatus) {
    return (
      <Typography.Text type="secondary">
        {task.state === 'completed' ? '—' : '结果确定后公示'}
      </Typography.Text>
    );
  }
  const shown = publicationLabels[task.publicationStatus] ?? {
    label: task.publicationStatus,
    color: 'default',
  };
  return (
    <span>
      <Tag color={shown.color}>{shown.label}</Tag>
      {task.publicationStatus === 'pending' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.publicationDueOn ? `${formatDate(task.publicationDueOn)}前` : '期限待定（节假日未录入）'}
        </Typography.Text>
      ) : null}
    </span>
  );
}
