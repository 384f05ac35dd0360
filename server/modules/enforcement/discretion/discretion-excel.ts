import {
  discretionOutcomeLabels,
  penaltyKindLabels,
  type DiscretionCircumstance,
} from '../../../../contracts/enforcement';
import { writeListWorkbook, type ExportColumn } from '../../../core/exports/excel';
import type { BenchmarkRecord } from './discretion-repository';
import { circumstancesOf } from './discretion-rules';

/** 裁量基准 as the sheet departments keep: one row per circumstance, amounts in 元. */

interface Row {
  benchmark: BenchmarkRecord;
  circumstance: DiscretionCircumstance;
}

const columns: ExportColumn<Row>[] = [
  { header: '执法主体', width: 24, value: (row) => row.benchmark.organizationName },
  { header: '事项编码', width: 14, value: (row) => row.benchmark.powerItemCode },
  { header: '执法事项', width: 40, value: (row) => row.benchmark.powerItemName },
  { header: '裁量依据', width: 40, value: (row) => row.benchmark.basis },
  { header: '情形编号', width: 10, value: (row) => row.circumstance.key },
  { header: '裁量情形', width: 40, value: (row) => row.circumstance.label },
  { header: '情形说明', width: 30, value: (row) => row.circumstance.description },
  { header: '裁量结果', width: 20, value: (row) => discretionOutcomeLabels[row.circumstance.outcome] },
  { header: '罚款下限（元）', width: 14, value: (row) => row.circumstance.fineMinYuan },
  { header: '罚款上限（元）', width: 14, value: (row) => row.circumstance.fineMaxYuan },
  {
    header: '处罚种类',
    width: 24,
    value: (row) => row.circumstance.penaltyKinds.map((kind) => penaltyKindLabels[kind]).join('、'),
  },
  { header: '最近修改人', width: 18, value: (row) => row.benchmark.updatedByName },
];

export function writeBenchmarkWorkbook(benchmarks: readonly BenchmarkRecord[]): Promise<Buffer> {
  const rows = benchmarks.flatMap((benchmark) =>
    circumstancesOf(benchmark.circumstances).map((circumstance) => ({ benchmark, circumstance })),
  );
  return writeListWorkbook('裁量基准', columns, rows);
}
