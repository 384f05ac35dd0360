import { createHash } from 'node:crypto';
import { reviewChecklistItemSchema, type ReviewChecklistItem } from '../../../../contracts/enforcement';
import type { ReviewGrade } from '../../../../contracts/enforcement-oversight';

/**
 * 案卷评查 as pure rules: the default checklist, the reproducible sample, the score and its grade.
 * The checklist and its thresholds are configurable: the justice bureau keeps its own, and a new
 * one replaces the active one without touching reviews already scored on the old.
 */

export interface ChecklistDefinition {
  name: string;
  items: ReviewChecklistItem[];
  excellentAt: number;
  passAt: number;
}

const item = (key: string, category: string, label: string, maxScore: number): ReviewChecklistItem => ({
  key,
  category,
  label,
  maxScore,
});

/**
 * The checklist a justice bureau starts with: 22 items in the eight parts of a case file, 100
 * points, 优秀 at 90 and 合格 at 75 — the usual shape of provincial 行政处罚案卷评查标准, with
 * the items of 行政处罚法 (2021) and 国办发〔2018〕118号. A default, to be adapted.
 */
export const defaultChecklist: ChecklistDefinition = {
  name: '行政处罚案卷评查标准（默认）',
  excellentAt: 90,
  passAt: 75,
  items: [
    item('subjectLawful', '主体资格', '执法主体合法，在法定职权范围内实施行政处罚', 5),
    item(
      'officersCertified',
      '主体资格',
      '执法人员不少于两人且持有有效执法证件，并出示证件（第四十二条、第五十五条）',
      5,
    ),
    item('registrationApproved', '立案', '立案审批手续完备，立案及时', 5),
    item('powerItemListed', '立案', '案件所涉事项在权责清单之内，案由表述准确', 5),
    item('evidenceLawful', '调查取证', '证据收集程序合法，现场检查（勘验）笔录、询问笔录制作规范', 7),
    item('evidenceSufficient', '调查取证', '事实清楚，证据确凿充分，证据之间能够相互印证', 8),
    item('processRecorded', '调查取证', '执法全过程记录完整，依法应当音像记录的有音像记录（第四十七条）', 5),
    item(
      'measuresLawful',
      '调查取证',
      '查封、扣押等强制措施经批准，期限、程序合法（行政强制法第二十五条）',
      5,
    ),
    item('legalReviewDone', '法制审核', '重大执法决定在作出决定前经法制审核（第五十八条）', 6),
    item('legalReviewOpinion', '法制审核', '法制审核意见书面完整，审核人员具备资格', 4),
    item('deliberationHeld', '法制审核', '情节复杂或者重大的案件经行政机关负责人集体讨论（第五十七条）', 5),
    item('priorNotice', '告知', '作出决定前告知拟处罚内容及事实、理由、依据（第四十四条）', 4),
    item('rightsHeard', '告知', '告知并充分听取当事人的陈述、申辩，依法复核（第四十五条、第六十二条）', 3),
    item('hearingLawful', '告知', '符合条件的告知听证权利，依法组织听证（第六十三条、第六十四条）', 3),
    item('lawApplied', '决定', '适用法律、法规、规章准确，定性正确', 5),
    item('discretionProper', '决定', '处罚种类和幅度符合裁量基准，超出幅度的说明理由', 5),
    item(
      'decisionDocument',
      '决定',
      '行政处罚决定书内容完整、规范，在法定期限内作出（第五十九条、第六十条）',
      5,
    ),
    item('serviceLawful', '送达执行', '依法送达，送达回证完整（第六十一条）', 4),
    item(
      'executionLawful',
      '送达执行',
      '罚没款缴纳、加处罚款及强制执行符合规定（第六十七条、第七十二条）',
      3,
    ),
    item('decisionPublished', '送达执行', '具有一定社会影响的行政处罚决定依法公开（第四十八条）', 3),
    item('fileComplete', '归档', '案卷材料齐全，排列有序，卷内文件目录规范', 3),
    item('fileTimely', '归档', '及时结案、按期归档', 2),
  ],
};

export const checklistTotal = (items: readonly ReviewChecklistItem[]) =>
  Math.round(items.reduce((sum, entry) => sum + entry.maxScore, 0) * 100) / 100;

export interface FieldProblem {
  field: string;
  message: string;
}

/** A checklist's items have unique keys, and 合格 ≤ 优秀 ≤ the total. */
export function checklistProblems(checklist: Omit<ChecklistDefinition, 'name'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  checklist.items.forEach((entry, index) => {
    if (seen.has(entry.key)) {
      problems.push({ field: `items.${index}.key`, message: `第 ${index + 1} 项的编号「${entry.key}」重复` });
    }
    seen.add(entry.key);
  });
  const total = checklistTotal(checklist.items);
  if (checklist.excellentAt > total) {
    problems.push({
      field: 'excellentAt',
      message: `优秀分数线（${checklist.excellentAt}）不能高于总分（${total}）`,
    });
  }
  if (checklist.passAt > checklist.excellentAt) {
    problems.push({
      field: 'passAt',
      message: `合格分数线（${checklist.passAt}）不能高于优秀分数线（${checklist.excellentAt}）`,
    });
  }
  return problems;
}

export type ReviewScores = Record<string, { score: number; note?: string | null | undefined }>;

/**
 * The total of a scored review: every item scored, none above its 分值, no key the checklist
 * lacks. Problems name the field as `scores.<key>`.
 */
export function scoreReview(
  items: readonly ReviewChecklistItem[],
  scores: ReviewScores,
): { total: number; max: number; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const keys = new Set(items.map((entry) => entry.key));
  for (const key of Object.keys(scores)) {
    if (!keys.has(key))
      problems.push({ field: `scores.${key}`, message: `评查标准中没有编号为「${key}」的项目` });
  }
  let total = 0;
  for (const entry of items) {
    const given = scores[entry.key];
    if (!given) {
      problems.push({ field: `scores.${entry.key}`, message: `「${entry.label}」尚未评分` });
      continue;
    }
    if (given.score < 0 || given.score > entry.maxScore) {
      problems.push({
        field: `scores.${entry.key}`,
        message: `「${entry.label}」的得分（${given.score}）不能超过该项分值 ${entry.maxScore} 分`,
      });
      continue;
    }
    total += given.score;
  }
  return { total: Math.round(total * 100) / 100, max: checklistTotal(items), problems };
}

/** 优秀 at or above excellentAt, 合格 at or above passAt, else 不合格. */
export function gradeFor(total: number, thresholds: { excellentAt: number; passAt: number }): ReviewGrade {
  if (total >= thresholds.excellentAt) return 'excellent';
  if (total >= thresholds.passAt) return 'pass';
  return 'fail';
}

/** mulberry32: a small seeded generator, so a sample can be drawn again from its seed. */
function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `available` cases a body gives: the count asked (at most all), or the ratio rounded up. */
export function sampleSize(
  available: number,
  draw: { ratio?: number | undefined; count?: number | undefined },
): number {
  if (available === 0) return 0;
  if (draw.count !== undefined) return Math.min(draw.count, available);
  return Math.min(available, Math.max(1, Math.ceil(available * (draw.ratio ?? 0) - 1e-9)));
}

/**
 * Draws `size` of the candidates at random from the seed: the candidates are put in a fixed order
 * first, so the same seed over the same cases gives the same sample on any server.
 */
export function drawSample(candidates: readonly string[], size: number, seed: string): string[] {
  const pool = [...candidates].sort();
  const random = seededRandom(seed);
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [pool[index], pool[other]] = [pool[other] as string, pool[index] as string];
  }
  return pool.slice(0, size);
}

/** The items a stored checklist holds (jsonb), read through the contract's schema. */
export const checklistItemsOf = (record: { items: unknown }): ReviewChecklistItem[] =>
  Array.isArray(record.items)
    ? record.items.flatMap((entry) => {
        const parsed = reviewChecklistItemSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
