import { Tag } from 'antd';
import { spotCheckPlanStateLabels, type SpotCheckPlanState } from '../../../../../contracts/spotchecks';

const stateColors: Record<SpotCheckPlanState, string> = {
  draft: 'default',
  committed: 'blue',
  drawn: 'gold',
  completed: 'green',
  cancelled: 'default',
};

const stateOfLabel = new Map(
  Object.entries(spotCheckPlanStateLabels).map(([state, label]) => [label, state as SpotCheckPlanState]),
);

/** A published plan's state as the portal gives it (its Chinese label), coloured by the state. */
export function PlanStateTag({ label }: { label: string }) {
  const state = stateOfLabel.get(label);
  return <Tag color={state ? stateColors[state] : 'default'}>{label}</Tag>;
}

/** The plan's departments, marked 联合 when more than one inspects together. */
export function DepartmentNames({ names, isJoint }: { names: string[]; isJoint: boolean }) {
  return (
    <span>
      {isJoint ? <Tag color="purple">联合</Tag> : null}
      {names.join('、')}
    </span>
  );
}
