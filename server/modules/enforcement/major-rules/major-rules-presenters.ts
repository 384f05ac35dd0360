import type { PenaltyKind } from '../../../../contracts/enforcement';
import type { MajorRuleView } from '../../../../contracts/enforcement-oversight';
import type { MajorRuleRecord } from './major-rules-repository';

/** What leaves the server of a catalogue entry; amounts in 元. */
export function presentMajorRule(record: MajorRuleRecord): MajorRuleView {
  return {
    id: record.id,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    title: record.title,
    fineAtLeastYuan: record.fineAtLeastFen === null ? null : record.fineAtLeastFen / 100,
    penaltyKinds: record.penaltyKinds as PenaltyKind[],
    requiresDeliberation: record.requiresDeliberation,
    isActive: record.isActive,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
