import type { DrawEntity, DrawInput, DrawInspector, RiskGrade } from '../../../../contracts/spotchecks';
import { composeCreditCode } from '../../../core/identity/national-codes';

/**
 * A population for draw tests and benchmarks: `count` enterprises with valid credit codes, in code
 * order, graded A–D in the proportions 6 : 5 : 2 : 1, every `excludedEvery`-th one already inspected this year.
 */
export function testPopulation(count: number, excludedEvery = 0): DrawEntity[] {
  const grades: RiskGrade[] = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'C', 'C', 'D'];
  const entities: DrawEntity[] = [];
  for (let index = 0; index < count; index += 1) {
    entities.push({
      creditCode: composeCreditCode('91', '410300', `MA${String(index).padStart(6, '0')}`),
      riskGrade: grades[(index * 5) % grades.length] as RiskGrade,
      excluded: excludedEvery > 0 && index % excludedEvery === 0 ? '本年度已被同领域抽查' : null,
    });
  }
  return entities.sort((a, b) => (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : 0));
}

/** `perDepartment` certified inspectors in each department, in person-id order. */
export function testInspectors(departments: string[], perDepartment: number): DrawInspector[] {
  return departments
    .flatMap((organizationId, department) =>
      Array.from({ length: perDepartment }, (_, index) => ({
        personId: `p-${String(department).padStart(2, '0')}-${String(index).padStart(4, '0')}`,
        organizationId,
        certificateNumber: `41030000${String(department * 1000 + index).padStart(4, '0')}`,
        currentTasks: 0,
      })),
    )
    .sort((a, b) => (a.personId < b.personId ? -1 : 1));
}

/** A plan of the market-supervision bureau over a population, 5% of A, 10% of B, 30% of C, all of D. */
export function testDrawInput(population: DrawEntity[], overrides: Partial<DrawInput> = {}): DrawInput {
  const departments = ['market'];
  return {
    algorithm: 'fazhi-draw-v1',
    plan: {
      planId: 'plan-2026-001',
      title: '2026 年度食品经营者双随机抽查',
      organizationIds: departments,
      strata: [
        { riskGrade: 'A', ratioBasisPoints: 500 },
        { riskGrade: 'B', ratioBasisPoints: 1_000 },
        { riskGrade: 'C', ratioBasisPoints: 3_000 },
        { riskGrade: 'D', ratioBasisPoints: 10_000 },
      ],
      inspectorsPerTask: 2,
      maxTasksPerInspector: 50,
    },
    population,
    inspectors: testInspectors(departments, 20),
    recusals: [],
    ...overrides,
  };
}
