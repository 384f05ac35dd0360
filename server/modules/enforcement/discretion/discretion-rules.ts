import {
  discretionCircumstanceSchema,
  discretionOutcomeLabels,
  penaltyKindLabels,
  type DecisionOutcome,
  type DiscretionCircumstance,
  type DiscretionOutcome,
  type PenaltyKind,
} from '../../../../contracts/enforcement';

/**
 * 裁量基准 as pure rules: what a benchmark may hold, and where a proposed penalty stands against
 * it. A penalty outside the circumstance's range is not refused here: the case needs a stated
 * reason and the legal reviewer sees the flag (国办发〔2018〕118号 三（十一）"裁量基准运用适当").
 */

const fen = (yuan: number) => Math.round(yuan * 100);
const yuanText = (yuan: number) => `${yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** A problem in a benchmark's circumstances, naming the field as `circumstances.<index>.<name>`. */
export interface CircumstanceProblem {
  field: string;
  message: string;
}

/**
 * What a benchmark may hold: keys unique, 下限 ≤ 上限, and a 免罚清单 circumstance neither fines
 * nor names a penalty kind (行政处罚法 art. 33: no penalty is no penalty).
 */
export function circumstanceProblems(
  circumstances: readonly DiscretionCircumstance[],
): CircumstanceProblem[] {
  const problems: CircumstanceProblem[] = [];
  const seen = new Map<string, number>();
  circumstances.forEach((circumstance, index) => {
    const at = (name: string) => `circumstances.${index}.${name}`;
    const first = seen.get(circumstance.key);
    if (first !== undefined) {
      problems.push({
        field: at('key'),
        message: `第 ${index + 1} 种情形的编号「${circumstance.key}」与第 ${first + 1} 种重复`,
      });
    } else {
      seen.set(circumstance.key, index);
    }
    if (fen(circumstance.fineMinYuan) > fen(circumstance.fineMaxYuan)) {
      problems.push({
        field: at('fineMinYuan'),
        message: `第 ${index + 1} 种情形「${circumstance.label}」的罚款下限（${yuanText(circumstance.fineMinYuan)}）不能高于上限（${yuanText(circumstance.fineMaxYuan)}）`,
      });
    }
    if (circumstance.outcome === 'noPenalty') {
      if (fen(circumstance.fineMinYuan) !== 0 || fen(circumstance.fineMaxYuan) !== 0) {
        problems.push({
          field: at('fineMaxYuan'),
          message: `第 ${index + 1} 种情形「${circumstance.label}」属于免罚清单，罚款金额应为 0`,
        });
      }
      if (circumstance.penaltyKinds.length > 0) {
        problems.push({
          field: at('penaltyKinds'),
          message: `第 ${index + 1} 种情形「${circumstance.label}」属于免罚清单，不能设定处罚种类`,
        });
      }
    }
  });
  return problems;
}

/** The circumstances a stored benchmark holds (jsonb), read through the contract's schema. */
export function circumstancesOf(stored: unknown): DiscretionCircumstance[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = discretionCircumstanceSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface DiscretionProposal {
  /** penalty | noPenalty */
  outcome: DecisionOutcome;
  fineYuan: number;
  kinds: readonly PenaltyKind[];
}

export interface DiscretionAssessment {
  benchmarkId: string | null;
  /** null when the body keeps no benchmark for the item, or it has no such circumstance */
  circumstance: DiscretionCircumstance | null;
  outcome: DiscretionOutcome | null;
  fineMinYuan: number | null;
  fineMaxYuan: number | null;
  /** the proposal departs from the circumstance: a stated reason is needed and the reviewer is told */
  outsideRange: boolean;
  /** why, in words a reviewer reads */
  reasons: string[];
}

/**
 * Where a proposed penalty stands against the benchmark's circumstance. 免罚清单 (outcome
 * noPenalty): any penalty proposed is outside. 轻罚清单, 一般, 从重: not punishing, a fine outside
 * [下限, 上限], or a kind the circumstance does not name (when it names any; a fine range allows
 * 罚款) is outside. No benchmark, or an unknown circumstance: nothing to measure against.
 */
export function assessDiscretion(
  benchmark: { id?: string | null; circumstances: unknown } | null,
  circumstanceKey: string | null | undefined,
  proposal: DiscretionProposal,
): DiscretionAssessment {
  const benchmarkId = benchmark?.id ?? null;
  const circumstance =
    benchmark && circumstanceKey
      ? (circumstancesOf(benchmark.circumstances).find((entry) => entry.key === circumstanceKey) ?? null)
      : null;
  if (!circumstance) {
    return {
      benchmarkId,
      circumstance: null,
      outcome: null,
      fineMinYuan: null,
      fineMaxYuan: null,
      outsideRange: false,
      reasons: [],
    };
  }
  const reasons: string[] = [];
  const label = `「${circumstance.label}」（${discretionOutcomeLabels[circumstance.outcome]}）`;
  const proposesPenalty =
    proposal.outcome === 'penalty' && (fen(proposal.fineYuan) > 0 || proposal.kinds.length > 0);
  if (circumstance.outcome === 'noPenalty') {
    if (proposesPenalty) reasons.push(`裁量情形${label}应当不予行政处罚，拟给予行政处罚`);
  } else if (!proposesPenalty) {
    reasons.push(`裁量情形${label}应当给予行政处罚，拟不予行政处罚`);
  } else {
    const fineFen = fen(proposal.fineYuan);
    if (fineFen < fen(circumstance.fineMinYuan) || fineFen > fen(circumstance.fineMaxYuan)) {
      reasons.push(
        `拟罚款 ${yuanText(proposal.fineYuan)}，超出裁量情形${label}的罚款幅度 ${yuanText(circumstance.fineMinYuan)}至${yuanText(circumstance.fineMaxYuan)}`,
      );
    }
    if (circumstance.penaltyKinds.length > 0) {
      const allowed = new Set<PenaltyKind>(circumstance.penaltyKinds);
      if (fen(circumstance.fineMaxYuan) > 0) allowed.add('fine');
      const others = proposal.kinds.filter((kind) => !allowed.has(kind));
      if (others.length > 0) {
        reasons.push(
          `拟给予的${others.map((kind) => penaltyKindLabels[kind]).join('、')}不在裁量情形${label}规定的处罚种类之内`,
        );
      }
    }
  }
  return {
    benchmarkId,
    circumstance,
    outcome: circumstance.outcome,
    fineMinYuan: circumstance.fineMinYuan,
    fineMaxYuan: circumstance.fineMaxYuan,
    outsideRange: reasons.length > 0,
    reasons,
  };
}
