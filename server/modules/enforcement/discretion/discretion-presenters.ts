import type { BenchmarkView } from '../../../../contracts/enforcement-oversight';
import type { BenchmarkRecord } from './discretion-repository';
import { circumstancesOf } from './discretion-rules';

/** What leaves the server of a benchmark (no personal data: the console shape only). */
export function presentBenchmark(record: BenchmarkRecord): BenchmarkView {
  return {
    id: record.id,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    powerItemId: record.powerItemId,
    powerItemCode: record.powerItemCode,
    powerItemName: record.powerItemName,
    basis: record.basis,
    circumstances: circumstancesOf(record.circumstances),
    updatedByName: record.updatedByName,
    updatedAt: record.updatedAt.toISOString(),
  };
}
