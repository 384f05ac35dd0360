import { createHash } from 'node:crypto';
import {
  drawAlgorithm,
  riskGrades,
  type DrawEntity,
  type DrawInput,
  type DrawInspector,
  type DrawResult,
} from '../../../../contracts/spotchecks';
import { canonicalJson } from '../../../core/audit/hashing';

/**
 * The published draw algorithm `fazhi-draw-v1` (双随机、一公开), pure and deterministic: the same
 * input, secret and external entropy give the same entities and inspectors on any machine and
 * either database, because nothing here reads a clock, a database or Math.random.
 *
 * 1. inputDigest = SHA-256( canonicalJson({algorithm, plan, inspectors, recusals}) ‖ "\n" ‖
 *    populationDigest ), populationDigest = SHA-256 of one line per entity in order,
 *    `creditCode \t riskGrade \t excluded-or-empty \n`. (canonicalJson: keys sorted at every level.)
 * 2. Before the draw: commitment = SHA-256( "fazhi-draw-v1 commitment\n" ‖ secret ‖ "\n" ‖ inputDigest ).
 * 3. seed = SHA-256( "fazhi-draw-v1 seed\n" ‖ secret ‖ "\n" ‖ inputDigest ‖ "\n" ‖ externalEntropy ).
 * 4. Random numbers: block i = SHA-256(seed ‖ i as 8-byte big-endian), read as eight 32-bit
 *    big-endian words in turn; a number below n takes words until one is below ⌊2³²/n⌋·n and
 *    returns it mod n (no modulo bias).
 * 5. Entities, grade by grade in the order A, B, C, D as the plan lists them: the eligible entities
 *    (not excluded) of that grade in population order; k = ⌈count × ratio ÷ 10000⌉; a partial
 *    Fisher–Yates shuffle picks k: for i in 0…k−1, j = i + below(count − i), swap i and j.
 * 6. Inspectors, task by task in the order the entities were drawn: the candidates are the pool
 *    (in person-id order) minus those recused for the entity and those at the plan's task limit;
 *    first one from each department of the plan in plan order (below(candidates of that
 *    department)), then the rest from all remaining candidates, until inspectorsPerTask.
 */

const encoder = new TextEncoder();
const sha256 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? encoder.encode(part) : part);
  return hash.digest();
};

/** SHA-256 of the population's lines, in order. */
export function populationDigest(population: readonly DrawEntity[]): string {
  const hash = createHash('sha256');
  for (const entity of population) {
    hash.update(`${entity.creditCode}\t${entity.riskGrade}\t${entity.excluded ?? ''}\n`);
  }
  return hash.digest('hex');
}

/** Step 1: the digest of everything the draw is made from. */
export function drawInputDigest(input: DrawInput): string {
  const rest = canonicalJson({
    algorithm: input.algorithm,
    plan: input.plan,
    inspectors: input.inspectors,
    recusals: input.recusals,
  });
  return sha256(rest, '\n', populationDigest(input.population)).toString('hex');
}

/** Step 2: the commitment published before the draw. */
export const drawCommitment = (secret: string, inputDigest: string): string =>
  sha256(`${drawAlgorithm} commitment\n`, secret, '\n', inputDigest).toString('hex');

/** Step 3: the seed, once the secret is revealed and the external entropy is known. */
export const drawSeed = (secret: string, inputDigest: string, externalEntropy: string): Buffer =>
  sha256(`${drawAlgorithm} seed\n`, secret, '\n', inputDigest, '\n', externalEntropy);

/** Step 4: the counter-mode SHA-256 stream and unbiased numbers below n. */
export class DrawRandom {
  private block = Buffer.alloc(0);
  private offset = 32;
  private counter = 0n;

  constructor(private readonly seed: Buffer) {}

  private word(): number {
    if (this.offset >= 32) {
      const index = Buffer.alloc(8);
      index.writeBigUInt64BE(this.counter);
      this.counter += 1n;
      this.block = sha256(this.seed, index);
      this.offset = 0;
    }
    const value = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** A whole number in [0, n), each equally likely. */
  below(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`below(${n})`);
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const value = this.word();
      if (value < limit) return value % n;
    }
  }
}

/** Why a draw cannot be made from this input (a refusal, in Chinese), or null. */
export function drawInputProblem(input: DrawInput): string | null {
  for (let index = 1; index < input.population.length; index += 1) {
    const previous = input.population[index - 1] as DrawEntity;
    const current = input.population[index] as DrawEntity;
    if (previous.creditCode >= current.creditCode) {
      return `抽查对象名录须按统一社会信用代码升序且不重复（第 ${index + 1} 条 ${current.creditCode}）`;
    }
  }
  for (let index = 1; index < input.inspectors.length; index += 1) {
    const previous = input.inspectors[index - 1] as DrawInspector;
    const current = input.inspectors[index] as DrawInspector;
    if (previous.personId >= current.personId) {
      return `检查人员名录须按人员编号升序且不重复（第 ${index + 1} 条 ${current.personId}）`;
    }
  }
  const grades = input.plan.strata.map((stratum) => stratum.riskGrade);
  if (new Set(grades).size !== grades.length) return '同一风险等级只能设定一个抽查比例';
  const departments = input.plan.organizationIds;
  if (new Set(departments).size !== departments.length) return '计划的部门不能重复';
  if (departments.length > input.plan.inspectorsPerTask) {
    return `联合抽查有 ${departments.length} 个部门，每组检查人员不能少于部门数`;
  }
  return null;
}

/** Steps 5 and 6: the entities and each task's inspectors. Throws a Chinese message when the pool is too small. */
export function runDraw(input: DrawInput, seed: Buffer): DrawResult {
  const problem = drawInputProblem(input);
  if (problem) throw new DrawError(problem);
  const random = new DrawRandom(seed);
  const entities: DrawResult['entities'] = [];
  const order = [...input.plan.strata].sort(
    (a, b) => riskGrades.indexOf(a.riskGrade) - riskGrades.indexOf(b.riskGrade),
  );
  for (const stratum of order) {
    const eligible: DrawEntity[] = [];
    for (const entity of input.population) {
      if (entity.riskGrade === stratum.riskGrade && entity.excluded === null) eligible.push(entity);
    }
    const count = eligible.length;
    const take = Math.floor((count * stratum.ratioBasisPoints + 9_999) / 10_000);
    const indexes = new Int32Array(count);
    for (let i = 0; i < count; i += 1) indexes[i] = i;
    for (let i = 0; i < take; i += 1) {
      const j = i + random.below(count - i);
      const chosen = indexes[j] as number;
      indexes[j] = indexes[i] as number;
      indexes[i] = chosen;
      const entity = eligible[chosen] as DrawEntity;
      entities.push({ creditCode: entity.creditCode, riskGrade: entity.riskGrade });
    }
  }

  const recused = new Map<string, Set<string>>();
  for (const recusal of input.recusals) {
    const people = recused.get(recusal.creditCode) ?? new Set<string>();
    people.add(recusal.personId);
    recused.set(recusal.creditCode, people);
  }
  const load = new Map(input.inspectors.map((inspector) => [inspector.personId, inspector.currentTasks]));
  const limit = input.plan.maxTasksPerInspector;
  const tasks: DrawResult['tasks'] = [];
  for (const entity of entities) {
    const excluded = recused.get(entity.creditCode);
    let candidates = input.inspectors.filter(
      (inspector) => !excluded?.has(inspector.personId) && (load.get(inspector.personId) ?? 0) < limit,
    );
    const chosen: string[] = [];
    const pick = (from: DrawInspector[]) => {
      const inspector = from[random.below(from.length)] as DrawInspector;
      chosen.push(inspector.personId);
      candidates = candidates.filter((candidate) => candidate.personId !== inspector.personId);
    };
    for (const organizationId of input.plan.organizationIds) {
      const ofDepartment = candidates.filter((candidate) => candidate.organizationId === organizationId);
      if (ofDepartment.length === 0) {
        throw new DrawError(
          `为 ${entity.creditCode} 选派检查人员时，部门 ${organizationId} 没有可选派的检查人员（均已回避或达到任务上限）`,
        );
      }
      pick(ofDepartment);
    }
    while (chosen.length < input.plan.inspectorsPerTask) {
      if (candidates.length === 0) {
        throw new DrawError(
          `为 ${entity.creditCode} 选派检查人员时，可选派的检查人员不足 ${input.plan.inspectorsPerTask} 名（均已回避或达到任务上限）`,
        );
      }
      pick(candidates);
    }
    for (const personId of chosen) load.set(personId, (load.get(personId) ?? 0) + 1);
    tasks.push({ creditCode: entity.creditCode, inspectorPersonIds: chosen });
  }
  return { entities, tasks };
}

/** A draw that cannot be made (too few inspectors, a malformed input); its message is for the user. */
export class DrawError extends Error {}
