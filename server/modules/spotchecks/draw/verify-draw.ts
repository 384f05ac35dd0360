import {
  drawRecordSchema,
  type DrawInput,
  type DrawRecord,
  type DrawResult,
} from '../../../../contracts/spotchecks';
import { DrawError, drawCommitment, drawInputDigest, drawSeed, runDraw } from './draw-algorithm';

/** A draw made and recorded: the published record once the secret is revealed. */
export function recordDraw(input: DrawInput, secret: string, externalEntropy: string): DrawRecord {
  const inputDigest = drawInputDigest(input);
  return {
    input,
    inputDigest,
    commitment: drawCommitment(secret, inputDigest),
    secret,
    externalEntropy,
    result: runDraw(input, drawSeed(secret, inputDigest, externalEntropy)),
  };
}

export type DrawVerification =
  { ok: true; entities: number; tasks: number; inputDigest: string } | { ok: false; reason: string };

/**
 * Re-runs a published draw from its record, as a stranger would: the input must hash to the
 * published digest, the revealed secret must open the commitment, and the draw made again from
 * them must give exactly the published entities and inspectors. The first difference is named.
 */
export function verifyDrawRecord(raw: unknown): DrawVerification {
  const parsed = drawRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `记录格式不对：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    };
  }
  const record = parsed.data;
  const inputDigest = drawInputDigest(record.input);
  if (inputDigest !== record.inputDigest) {
    return {
      ok: false,
      reason: `输入摘要不符：按记录中的计划、名录与回避关系算得 ${inputDigest}，公布的是 ${record.inputDigest}（名录或参数被改动过）`,
    };
  }
  if (drawCommitment(record.secret, inputDigest) !== record.commitment) {
    return { ok: false, reason: '揭示的种子秘密值与抽取前公布的承诺值不符（种子被替换过）' };
  }
  let again: DrawResult;
  try {
    again = runDraw(record.input, drawSeed(record.secret, inputDigest, record.externalEntropy));
  } catch (error) {
    if (error instanceof DrawError) return { ok: false, reason: `按公开算法无法重算：${error.message}` };
    throw error;
  }
  const difference = firstDifference(again, record.result);
  if (difference) return { ok: false, reason: `抽取结果与按公开算法重算的结果不一致：${difference}` };
  return { ok: true, entities: again.entities.length, tasks: again.tasks.length, inputDigest };
}

function firstDifference(expected: DrawResult, published: DrawResult): string | null {
  if (expected.entities.length !== published.entities.length) {
    return `应抽取 ${expected.entities.length} 户，记录中有 ${published.entities.length} 户`;
  }
  for (const [index, entity] of expected.entities.entries()) {
    const other = published.entities[index];
    if (other?.creditCode !== entity.creditCode) {
      return `第 ${index + 1} 个抽查对象应为 ${entity.creditCode}，记录中为 ${other?.creditCode ?? '（无）'}`;
    }
  }
  if (expected.tasks.length !== published.tasks.length) {
    return `应有 ${expected.tasks.length} 个检查任务，记录中有 ${published.tasks.length} 个`;
  }
  for (const [index, task] of expected.tasks.entries()) {
    const other = published.tasks[index];
    const expectedPeople = task.inspectorPersonIds.join('、');
    const publishedPeople = other?.inspectorPersonIds.join('、') ?? '（无）';
    if (other?.creditCode !== task.creditCode || expectedPeople !== publishedPeople) {
      return `第 ${index + 1} 个任务（${task.creditCode}）的检查人员应为 ${expectedPeople}，记录中为 ${publishedPeople}`;
    }
  }
  return null;
}
