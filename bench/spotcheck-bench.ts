import { randomBytes } from 'node:crypto';
import type { DrawInput } from '../contracts/spotchecks';
import { populationDigest } from '../server/modules/spotchecks/draw/draw-algorithm';
import {
  testDrawInput,
  testInspectors,
  testPopulation,
} from '../server/modules/spotchecks/draw/draw-test-fixture';
import { recordDraw, verifyDrawRecord } from '../server/modules/spotchecks/draw/verify-draw';
import type { BenchResult } from './run';

/**
 * 双随机: drawing about 1,000 entities from a frozen population of 1,000,000 (every tenth already
 * inspected this year and excluded, 5,000 recusals, a task limit) and re-verifying the published
 * record (schema check, digests, commitment, the draw again), each against one hashing pass over
 * the population (the least any verifier must do). Pure computation: no database.
 */
export function benchSpotchecks(): BenchResult[] {
  const size = Number(process.env.BENCH_SPOTCHECK_POPULATION ?? 1_000_000);
  const started = performance.now();
  const population = testPopulation(size, 10);
  const departments = ['market', 'ecology'];
  const inspectors = testInspectors(departments, 100);
  const recusals = Array.from({ length: 5_000 }, (_, index) => ({
    personId: inspectors[(index * 37) % inspectors.length]!.personId,
    creditCode: population[(index * 7_919) % population.length]!.creditCode,
  }));
  const input: DrawInput = testDrawInput(population, { inspectors, recusals });
  input.plan.organizationIds = departments;
  input.plan.maxTasksPerInspector = 30;
  const scale = 1_000_000 / size;
  input.plan.strata = [
    { riskGrade: 'A', ratioBasisPoints: Math.min(10_000, Math.round(5 * scale)) },
    { riskGrade: 'B', ratioBasisPoints: Math.min(10_000, Math.round(10 * scale)) },
    { riskGrade: 'C', ratioBasisPoints: Math.min(10_000, Math.round(20 * scale)) },
    { riskGrade: 'D', ratioBasisPoints: Math.min(10_000, Math.round(35 * scale)) },
  ];
  process.stderr.write(
    `双随机基准：名录 ${size.toLocaleString('en')} 户已生成（${Math.round(performance.now() - started)} ms）\n`,
  );

  const time = (work: () => void) => {
    const begin = performance.now();
    work();
    return performance.now() - begin;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const baseline: number[] = [];
  const draws: number[] = [];
  const verifications: number[] = [];
  let drawn = 0;
  for (let round = 0; round < 3; round += 1) {
    baseline.push(time(() => populationDigest(population)));
    const secret = randomBytes(32).toString('hex');
    let record: ReturnType<typeof recordDraw> | undefined;
    draws.push(time(() => (record = recordDraw(input, secret, `第${round}期`))));
    drawn = record?.result.entities.length ?? 0;
    const published = JSON.parse(JSON.stringify(record)) as unknown;
    verifications.push(
      time(() => {
        const verdict = verifyDrawRecord(published);
        if (!verdict.ok) throw new Error(verdict.reason);
      }),
    );
  }
  const count = size.toLocaleString('en');
  return [
    {
      name: `从 ${count} 户名录中抽取 ${drawn} 户并选派检查人员（排除本年已查、5,000 条回避、任务上限），中位数`,
      baseline: `对名录做一遍 SHA-256（${count} 行）`,
      baselineMs: median(baseline),
      measuredMs: median(draws),
      unit: 'per draw',
    },
    {
      name: `重新验证一次已公布的抽取（记录格式、摘要、承诺、按算法重算），中位数`,
      baseline: `对名录做一遍 SHA-256（${count} 行）`,
      baselineMs: median(baseline),
      measuredMs: median(verifications),
      unit: 'per verification',
    },
  ];
}
