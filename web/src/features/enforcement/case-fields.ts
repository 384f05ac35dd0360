import {
  partyKindLabels,
  penaltyKindLabels,
  type PartyView,
  type PenaltyView,
} from '../../../../contracts/enforcement';

/**
 * The states of a case, for the list's filter (the pages show the server's `stateLabel`). Mirrors
 * the states of the ordinary and summary procedures (server/modules/enforcement/case-procedures.ts);
 * case-fields.test.ts keeps the two in step.
 */
export const caseStateLabels: Record<string, string> = {
  pendingRegistration: '待立案审批',
  investigating: '调查取证',
  reviewing: '案件审核',
  noticed: '已告知（陈述申辩）',
  hearingRequested: '已申请听证',
  hearingScheduled: '已通知听证',
  readyToDecide: '待作出决定',
  decided: '已决定（待送达）',
  executing: '执行中',
  pendingClose: '待结案',
  closed: '已结案',
  archived: '已归档',
  notRegistered: '不予立案',
  withdrawn: '已撤销立案',
  referred: '已移送司法机关',
};

const stateColors: Record<string, string> = {
  pendingRegistration: 'gold',
  investigating: 'blue',
  reviewing: 'geekblue',
  noticed: 'cyan',
  hearingRequested: 'purple',
  hearingScheduled: 'purple',
  readyToDecide: 'orange',
  decided: 'volcano',
  executing: 'magenta',
  pendingClose: 'lime',
  closed: 'green',
  archived: 'default',
  notRegistered: 'default',
  withdrawn: 'default',
  referred: 'red',
};

export const caseStateColor = (state: string) => stateColors[state] ?? 'default';

/** 12345.5 → 12,345.50 元 */
export function formatYuan(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** 警告、罚款 5,000.00 元、没收违法所得 1,200.00 元 */
export function penaltySummary(penalty: PenaltyView | null | undefined): string {
  if (!penalty) return '—';
  const parts = penalty.kinds.map((kind) => {
    if (kind === 'fine') return `罚款 ${formatYuan(penalty.fineYuan)}`;
    if ((kind === 'confiscateGains' || kind === 'confiscateProperty') && penalty.confiscationYuan > 0) {
      return `${penaltyKindLabels[kind]} ${formatYuan(penalty.confiscationYuan)}`;
    }
    return penaltyKindLabels[kind];
  });
  if (penalty.detail) parts.push(penalty.detail);
  return parts.length > 0 ? parts.join('、') : '不予处罚';
}

/** 某某公司（统一社会信用代码 9141…） or 张三（身份证 410***********1234） */
export function partyIdentity(party: PartyView): string {
  const identity = party.creditCode
    ? `统一社会信用代码 ${party.creditCode}`
    : party.idNumberMasked
      ? `身份证 ${party.idNumberMasked}`
      : partyKindLabels[party.kind];
  return `${party.name}（${identity}）`;
}
