import {
  itemStatusLabels,
  powerKindLabels,
  powerKinds,
  serviceKindLabels,
  serviceKinds,
  type ChangeSetState,
  type ItemStatus,
  type ListKind,
} from '../../../../contracts/powers';

/** How a details field is entered and shown: one line, a paragraph, working days, a yes/no, or a list of lines. */
export type DetailFieldType = 'text' | 'paragraph' | 'days' | 'percent' | 'boolean' | 'lines';

export interface DetailField {
  name: string;
  label: string;
  type: DetailFieldType;
  isRequired?: boolean;
  maxLength?: number;
  placeholder?: string;
}

/** The details of each list kind, in the order a clerk fills them (mirrors `detailsSchemas` in contracts/powers.ts). */
export const detailFields: Record<ListKind, DetailField[]> = {
  power: [
    { name: 'implementingBody', label: '实施主体', type: 'text', isRequired: true, maxLength: 200 },
    { name: 'subItems', label: '子项', type: 'lines', placeholder: '每行一个子项，没有子项可不填' },
    { name: 'duties', label: '责任事项', type: 'paragraph', isRequired: true, maxLength: 4000 },
    { name: 'accountability', label: '追责情形', type: 'paragraph', isRequired: true, maxLength: 4000 },
    { name: 'flow', label: '办理流程', type: 'paragraph', maxLength: 4000 },
    { name: 'statutoryTimeLimit', label: '法定办结时限', type: 'days' },
    { name: 'promisedTimeLimit', label: '承诺办结时限', type: 'days' },
    { name: 'remarks', label: '备注', type: 'paragraph', maxLength: 1000 },
  ],
  service: [
    { name: 'implementingBody', label: '实施主体', type: 'text', isRequired: true, maxLength: 200 },
    { name: 'powerItemCode', label: '对应权责事项编码', type: 'text', maxLength: 64 },
    { name: 'statutoryTimeLimit', label: '法定办结时限', type: 'days' },
    { name: 'promisedTimeLimit', label: '承诺办结时限', type: 'days' },
    { name: 'materials', label: '申请材料', type: 'lines', placeholder: '每行一项申请材料' },
    { name: 'isCharged', label: '是否收费', type: 'boolean' },
    { name: 'feeBasis', label: '收费依据', type: 'paragraph', maxLength: 1000 },
    { name: 'servicePlace', label: '办理地点', type: 'text', maxLength: 500 },
    { name: 'phone', label: '咨询电话', type: 'text', maxLength: 64 },
    { name: 'onlineUrl', label: '网上办理地址', type: 'text', maxLength: 500 },
  ],
  proof: [
    { name: 'issuingBody', label: '开具单位', type: 'text', isRequired: true, maxLength: 200 },
    { name: 'requestingBody', label: '索要单位', type: 'text', isRequired: true, maxLength: 200 },
    { name: 'serviceItemCode', label: '所属政务服务事项编码', type: 'text', maxLength: 64 },
    { name: 'alternative', label: '替代方式', type: 'paragraph', maxLength: 1000 },
    { name: 'remarks', label: '备注', type: 'paragraph', maxLength: 1000 },
  ],
  intermediary: [
    {
      name: 'providerRequirement',
      label: '中介机构资质要求',
      type: 'paragraph',
      isRequired: true,
      maxLength: 1000,
    },
    { name: 'licensingItemCode', label: '对应行政许可事项编码', type: 'text', maxLength: 64 },
    { name: 'isCharged', label: '是否收费', type: 'boolean' },
    { name: 'feeBasis', label: '收费依据', type: 'paragraph', maxLength: 1000 },
    { name: 'remarks', label: '备注', type: 'paragraph', maxLength: 1000 },
  ],
  spotCheck: [
    { name: 'subjectType', label: '检查对象', type: 'text', isRequired: true, maxLength: 200 },
    { name: 'content', label: '检查内容', type: 'paragraph', isRequired: true, maxLength: 2000 },
    { name: 'method', label: '检查方式', type: 'text', isRequired: true, maxLength: 200 },
    { name: 'ratioPercent', label: '抽查比例', type: 'percent' },
    { name: 'frequency', label: '抽查频次', type: 'text', maxLength: 100 },
    { name: 'powerItemCode', label: '对应权责事项编码', type: 'text', maxLength: 64 },
  ],
};

/** The 类型 of an item: 职权类型 on the power list, 服务事项类型 on the service list, none elsewhere. */
export function kindOptionsFor(
  listKind: ListKind,
): { label: string; options: { value: string; label: string }[] } | null {
  if (listKind === 'power') {
    return {
      label: '职权类型',
      options: powerKinds.map((value) => ({ value, label: powerKindLabels[value] })),
    };
  }
  if (listKind === 'service') {
    return {
      label: '服务事项类型',
      options: serviceKinds.map((value) => ({ value, label: serviceKindLabels[value] })),
    };
  }
  return null;
}

/** 行政许可 for 'licensing'; the raw value when it is not a known kind; — when empty. */
export function kindLabel(kind: string | null | undefined): string {
  if (!kind) return '—';
  return (
    (powerKindLabels as Record<string, string | undefined>)[kind] ??
    (serviceKindLabels as Record<string, string | undefined>)[kind] ??
    kind
  );
}

/** A field name of the diff (name, legalBasisText, details.duties…) in Chinese. */
export function fieldLabel(listKind: ListKind, field: string): string {
  const common: Record<string, string> = {
    code: '事项编码',
    name: '事项名称',
    kind: kindOptionsFor(listKind)?.label ?? '类型',
    legalBasisText: '法律依据',
  };
  if (common[field]) return common[field];
  const detailName = field.startsWith('details.') ? field.slice('details.'.length) : field;
  return detailFields[listKind].find((detail) => detail.name === detailName)?.label ?? field;
}

/** A details value as text: 是/否, 15 个工作日, 20%, lists joined by ； */
export function formatDetailValue(field: DetailField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    return value.length === 0
      ? '—'
      : value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))).join('；');
  }
  if (field.type === 'boolean') return value === true ? '是' : '否';
  if (typeof value === 'number') {
    if (field.type === 'days') return `${value} 个工作日`;
    if (field.type === 'percent') return `${value}%`;
    return String(value);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const itemStatusColors: Record<ItemStatus, string> = {
  inForce: 'green',
  pending: 'gold',
  cancelled: 'default',
};
export const itemStatusText = (status: ItemStatus) => itemStatusLabels[status];

export const changeSetStateColors: Record<ChangeSetState, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'green',
  returned: 'orange',
  withdrawn: 'default',
};

export const changeTypeColors = { add: 'green', modify: 'blue', cancel: 'red' } as const;
