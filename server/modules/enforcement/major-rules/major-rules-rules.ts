import {
  partyKindLabels,
  penaltyKindLabels,
  type PartyKind,
  type PenaltyKind,
} from '../../../../contracts/enforcement';

/**
 * The 重大执法决定法制审核目录 as pure rules: which catalogue entries a proposed penalty meets,
 * the reasons a case is major, and whether it goes to collective deliberation. 行政处罚法 art. 58:
 * the legal review before the decision covers (1) major public interest, (2) major rights of a
 * party or third party where a hearing was held, (3) complex cases, (4) others set by law; the
 * catalogue each body keeps (国办发〔2018〕118号 三（十）) spells out (1) and (3) in amounts and kinds.
 */

/** A catalogue entry as the table holds it (major_decision_rules). */
export interface MajorRule {
  title: string;
  fineAtLeastFen: number | null;
  penaltyKinds: readonly string[];
  requiresDeliberation: boolean;
  isActive: boolean;
}

export interface MajorProposal {
  fineYuan: number;
  kinds: readonly PenaltyKind[];
  partyKind: PartyKind;
}

const yuanText = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** What in the proposal meets one entry, in words; null when it does not. */
function matchOf(rule: MajorRule, proposal: MajorProposal): string | null {
  if (!rule.isActive) return null;
  const parts: string[] = [];
  const fineFen = Math.round(proposal.fineYuan * 100);
  if (rule.fineAtLeastFen !== null && fineFen > 0 && fineFen >= rule.fineAtLeastFen) {
    parts.push(
      `对${partyKindLabels[proposal.partyKind]}拟罚款 ${yuanText(fineFen)}，达到 ${yuanText(rule.fineAtLeastFen)} 的标准`,
    );
  }
  const kinds = proposal.kinds.filter((kind) => rule.penaltyKinds.includes(kind));
  if (kinds.length > 0) parts.push(`拟${kinds.map((kind) => penaltyKindLabels[kind]).join('、')}`);
  return parts.length > 0 ? parts.join('；') : null;
}

/** The active entries the proposal meets. */
export function matchingMajorRules<Rule extends MajorRule>(
  rules: readonly Rule[],
  proposal: MajorProposal,
): Rule[] {
  return rules.filter((rule) => matchOf(rule, proposal) !== null);
}

/** The reasons the case is a major enforcement decision (empty: it is not), in Chinese. */
export function majorReasonsFor(
  rules: readonly MajorRule[],
  proposal: MajorProposal,
  extra: { hearingHeld: boolean },
): string[] {
  const reasons = rules.flatMap((rule) => {
    const match = matchOf(rule, proposal);
    return match ? [`属于重大执法决定法制审核目录「${rule.title}」：${match}`] : [];
  });
  if (extra.hearingHeld) {
    reasons.push(
      '直接关系当事人或者第三人重大权益，经过听证程序（《中华人民共和国行政处罚法》第五十八条第一款第二项）',
    );
  }
  return reasons;
}

/** Whether an entry the proposal meets calls for collective deliberation by the body's leaders (行政处罚法 art. 57). */
export function requiresDeliberationFor(rules: readonly MajorRule[], proposal: MajorProposal): boolean {
  return matchingMajorRules(rules, proposal).some((rule) => rule.requiresDeliberation);
}
