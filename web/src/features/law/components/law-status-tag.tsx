import { Tag } from 'antd';
import type { LawSummary } from '../../../../../contracts/law';

/** 现行有效 / 已被修订 / 已废止, from the version's dates. */
export function lawStatusOf(law: Pick<LawSummary, 'isCurrent' | 'supersededOn' | 'repealedOn'>) {
  if (law.repealedOn) return { label: '已废止', color: 'red' };
  if (law.supersededOn || !law.isCurrent) return { label: '已被修订', color: 'orange' };
  return { label: '现行有效', color: 'green' };
}

export function LawStatusTag({
  law,
}: {
  law: Pick<LawSummary, 'isCurrent' | 'supersededOn' | 'repealedOn'>;
}) {
  const status = lawStatusOf(law);
  return (
    <Tag color={status.color} style={{ marginInlineEnd: 0 }}>
      {status.label}
    </Tag>
  );
}
