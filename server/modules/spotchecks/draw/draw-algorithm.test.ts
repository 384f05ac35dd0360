import { describe, expect, it } from 'vitest';
import type { DrawRecord } from '../../../../contracts/spotchecks';
import { DrawError, DrawRandom, drawCommitment, drawInputDigest, drawSeed, runDraw } from './draw-algorithm';
import { testDrawInput, testInspectors, testPopulation } from './draw-test-fixture';
import { recordDraw, verifyDrawRecord } from './verify-draw';

const secret = 'a3'.repeat(32);
const otherSecret = '5c'.repeat(32);

describe('the draw fazhi-draw-v1', () => {
  const population = testPopulation(2_000, 9);
  const input = testDrawInput(population);

  it('gives the same entities and inspectors for the same input, secret and entropy, and others for another secret', () => {
    const first = recordDraw(input, secret, '2026-11-23 福彩3D 第2026311期 5 8 1');
    const again = recordDraw(structuredClone(input), secret, '2026-11-23 福彩3D 第2026311期 5 8 1');
    expect(again.result).toEqual(first.result);
    expect(again.commitment).toBe(first.commitment);
    const other = recordDraw(input, otherSecret, '2026-11-23 福彩3D 第2026311期 5 8 1');
    expect(other.result.entities).not.toEqual(first.result.entities);
    const otherEntropy = recordDraw(input, secret, '2026-11-23 福彩3D 第2026311期 5 8 2');
    expect(otherEntropy.result.entities).not.toEqual(first.result.entities);
  });

  it('keeps a published answer: a tiny draw whose result is fixed by the algorithm', () => {
    const tiny = testDrawInput(testPopulation(12), {
      inspectors: testInspectors(['market'], 4),
    });
    const record = recordDraw(tiny, secret, '');
    expect(record.inputDigest).toBe(drawInputDigest(tiny));
    expect(record.commitment).toMatchInlineSnapshot(
      `"361e5857d06d0cb1aafe44dc26da8b1510440e20a335184743f586b78ac96d9c"`,
    );
    expect(record.result).toMatchInlineSnapshot(`
      {
        "entities": [
          {
            "creditCode": "91410300MA0000090E",
            "riskGrade": "A",
          },
          {
            "creditCode": "91410300MA00001034",
            "riskGrade": "B",
          },
          {
            "creditCode": "91410300MA00000583",
            "riskGrade": "C",
          },
          {
            "creditCode": "91410300MA0000111Y",
            "riskGrade": "D",
          },
        ],
        "tasks": [
          {
            "creditCode": "91410300MA0000090E",
            "inspectorPersonIds": [
              "p-00-0003",
              "p-00-0002",
            ],
          },
          {
            "creditCode": "91410300MA00001034",
            "inspectorPersonIds": [
              "p-00-0002",
              "p-00-0001",
            ],
          },
          {
            "creditCode": "91410300MA00000583",
            "inspectorPersonIds": [
              "p-00-0000",
              "p-00-0003",
            ],
          },
          {
            "creditCode": "91410300MA0000111Y",
            "inspectorPersonIds": [
              "p-00-0003",
              "p-00-0000",
            ],
          },
        ],
      }
    `);
  });

  it('draws ⌈eligible × ratio⌉ of each grade, never an excluded entity, each once', () => {
    const { result } = recordDraw(input, secret, '');
    const eligible = (grade: string) =>
      population.filter((entity) => entity.riskGrade === grade && entity.excluded === null).length;
    const drawn = (grade: string) => result.entities.filter((entity) => entity.riskGrade === grade).length;
    expect(drawn('A')).toBe(Math.ceil(eligible('A') * 0.05));
    expect(drawn('B')).toBe(Math.ceil(eligible('B') * 0.1));
    expect(drawn('C')).toBe(Math.ceil(eligible('C') * 0.3));
    expect(drawn('D')).toBe(eligible('D'));
    const excluded = new Set(
      population.filter((entity) => entity.excluded).map((entity) => entity.creditCode),
    );
    expect(result.entities.some((entity) => excluded.has(entity.creditCode))).toBe(false);
    expect(new Set(result.entities.map((entity) => entity.creditCode)).size).toBe(result.entities.length);
  });

  it('sends two different inspectors to each entity, none recused, none beyond the task limit', () => {
    // every D entity is drawn (100%): all but two inspectors are recused for the first of them
    const target = population.find((entity) => entity.riskGrade === 'D' && entity.excluded === null);
    if (!target) throw new Error('no D entity');
    const allowed = [input.inspectors[3]?.personId, input.inspectors[11]?.personId];
    const recusals = input.inspectors
      .filter((inspector) => !allowed.includes(inspector.personId))
      .map((inspector) => ({ personId: inspector.personId, creditCode: target.creditCode }));
    const limited = testDrawInput(population, { recusals });
    limited.plan.maxTasksPerInspector = 40;
    const { result } = recordDraw(limited, secret, '');
    const task = result.tasks.find((candidate) => candidate.creditCode === target.creditCode);
    expect([...(task?.inspectorPersonIds ?? [])].sort()).toEqual([...allowed].sort());
    const load = new Map<string, number>();
    for (const { inspectorPersonIds } of result.tasks) {
      expect(new Set(inspectorPersonIds).size).toBe(2);
      for (const personId of inspectorPersonIds) load.set(personId, (load.get(personId) ?? 0) + 1);
    }
    expect(Math.max(...load.values())).toBeLessThanOrEqual(40);
  });

  it('puts one inspector of each department on every task of a joint plan', () => {
    const departments = ['market', 'ecology', 'emergency'];
    const joint = testDrawInput(population, { inspectors: testInspectors(departments, 30) });
    joint.plan.organizationIds = departments;
    joint.plan.inspectorsPerTask = 3;
    const department = new Map(
      joint.inspectors.map((inspector) => [inspector.personId, inspector.organizationId]),
    );
    for (const task of recordDraw(joint, secret, '').result.tasks) {
      expect(new Set(task.inspectorPersonIds.map((personId) => department.get(personId)))).toEqual(
        new Set(departments),
      );
    }
  });

  it('refuses a pool too small for the plan, naming the entity, and an unsorted population', () => {
    const small = testDrawInput(population, { inspectors: testInspectors(['market'], 3) });
    small.plan.maxTasksPerInspector = 2;
    expect(() => recordDraw(small, secret, '')).toThrow(DrawError);
    expect(() => recordDraw(small, secret, '')).toThrow(
      /^为 91410300\w{10} 选派检查人员时，部门 market 没有可选派的检查人员（均已回避或达到任务上限）$/,
    );
    const unsorted = testDrawInput([...population].reverse());
    expect(() => runDraw(unsorted, drawSeed(secret, drawInputDigest(unsorted), ''))).toThrow(/升序/);
  });

  it('takes unbiased numbers below n from the seed stream', () => {
    const random = new DrawRandom(drawSeed(secret, 'x', ''));
    const counts = [0, 0, 0];
    for (let index = 0; index < 30_000; index += 1)
      counts[random.below(3)] = (counts[random.below(3)] ?? 0) + 1;
    for (const count of counts) expect(count).toBeGreaterThan(9_000);
    expect(new DrawRandom(Buffer.alloc(32)).below(1)).toBe(0);
    expect(() => random.below(0)).toThrow(RangeError);
  });
});

describe('verifying a published draw', () => {
  const record = recordDraw(testDrawInput(testPopulation(500, 7)), secret, '第2026311期 5 8 1');
  const tampered = (change: (copy: DrawRecord) => void) => {
    const copy = structuredClone(record);
    change(copy);
    return verifyDrawRecord(copy);
  };

  it('accepts the record as published', () => {
    expect(verifyDrawRecord(JSON.parse(JSON.stringify(record)))).toEqual({
      ok: true,
      entities: record.result.entities.length,
      tasks: record.result.tasks.length,
      inputDigest: record.inputDigest,
    });
  });

  it('fails a revealed secret that does not open the commitment', () => {
    expect(tampered((copy) => (copy.secret = otherSecret))).toEqual({
      ok: false,
      reason: '揭示的种子秘密值与抽取前公布的承诺值不符（种子被替换过）',
    });
    // a new commitment for the new secret does not help: it is not the one published before the draw
    const recommitted = tampered((copy) => {
      copy.secret = otherSecret;
      copy.commitment = drawCommitment(otherSecret, copy.inputDigest);
    });
    expect(recommitted.ok).toBe(false);
    if (!recommitted.ok) expect(recommitted.reason).toMatch(/抽取结果与按公开算法重算的结果不一致/);
  });

  it('fails a changed population, a changed result and a changed external entropy, naming what differs', () => {
    const population = tampered((copy) => {
      const first = copy.input.population[0];
      if (first) first.riskGrade = first.riskGrade === 'D' ? 'A' : 'D';
    });
    expect(population.ok).toBe(false);
    if (!population.ok) expect(population.reason).toMatch(/^输入摘要不符/);
    const result = tampered((copy) => {
      const [first, second] = copy.result.entities;
      if (first && second) copy.result.entities.splice(0, 2, second, first);
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/第 1 个抽查对象应为/);
    const inspectors = tampered((copy) => copy.result.tasks[0]?.inspectorPersonIds.reverse());
    if (!inspectors.ok) expect(inspectors.reason).toMatch(/第 1 个任务.*的检查人员应为/);
    expect(inspectors.ok).toBe(false);
    expect(tampered((copy) => (copy.externalEntropy = '第2026311期 5 8 2')).ok).toBe(false);
  });

  it('names a malformed record field', () => {
    const broken = verifyDrawRecord({ ...record, secret: 'xyz' });
    expect(broken).toEqual({
      ok: false,
      reason: '记录格式不对：secret 种子秘密值必须是 64 位小写十六进制（SHA-256）',
    });
  });
});
