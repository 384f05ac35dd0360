import ExcelJS from 'exceljs';
import {
  addChangeSchema,
  changeTypeLabels,
  itemStatusLabels,
  listKindLabels,
  powerKindLabels,
  serviceKindLabels,
  type AddChangeInput,
  type ChangeType,
  type ListKind,
} from '../../../contracts/powers';
import type { ServiceContext } from '../../core/context';
import {
  ImportRejectedError,
  readImportSheet,
  writeImportTemplate,
  writeListWorkbook,
  type ExportColumn,
  type ImportColumn,
  type ImportRowError,
} from '../../core/exports/excel';
import { findLiveCodes } from './power-repository';
import { addChanges, assertChangeSetEditable } from './power-service';
import { itemStatusOn } from './power-rules';
import type { ItemVersionRecord } from './power-repository';

/**
 * The lists in Excel: export of a list (every field of its kind, Chinese headers), an import
 * template per list kind (required columns marked, a hint row, an example row) and the import of a
 * filled sheet into a change set — every row validated as a single change is, the legal bases
 * resolved in one batch, all rows or none, problems returned naming row, column and problem.
 */

type CellKind = 'text' | 'list' | 'number' | 'boolean';

interface DetailColumn {
  key: string;
  header: string;
  kind: CellKind;
  required?: boolean;
  hint?: string;
  width?: number;
}

const listHint = '多项用顿号（、）或换行分隔';
const daysHint = '工作日，填整数';
const yesNoHint = '是、否';

/** The detail fields of each list kind as sheet columns, in the order a clerk reads them. */
export const detailColumns: Record<ListKind, DetailColumn[]> = {
  power: [
    { key: 'subItems', header: '子项', kind: 'list', hint: listHint, width: 30 },
    { key: 'implementingBody', header: '实施主体', kind: 'text', required: true, width: 24 },
    { key: 'duties', header: '责任事项', kind: 'text', required: true, width: 40 },
    { key: 'accountability', header: '追责情形', kind: 'text', required: true, width: 40 },
    { key: 'flow', header: '办理流程', kind: 'text', width: 30 },
    { key: 'statutoryTimeLimit', header: '法定办结时限', kind: 'number', hint: daysHint },
    { key: 'promisedTimeLimit', header: '承诺办结时限', kind: 'number', hint: daysHint },
    { key: 'remarks', header: '备注', kind: 'text', width: 24 },
  ],
  service: [
    { key: 'implementingBody', header: '实施主体', kind: 'text', required: true, width: 24 },
    { key: 'powerItemCode', header: '对应权责事项编码', kind: 'text' },
    { key: 'statutoryTimeLimit', header: '法定办结时限', kind: 'number', hint: daysHint },
    { key: 'promisedTimeLimit', header: '承诺办结时限', kind: 'number', hint: daysHint },
    { key: 'materials', header: '申请材料', kind: 'list', hint: listHint, width: 40 },
    { key: 'isCharged', header: '是否收费', kind: 'boolean', hint: yesNoHint },
    { key: 'feeBasis', header: '收费依据', kind: 'text', width: 24 },
    { key: 'servicePlace', header: '办理地点', kind: 'text', width: 24 },
    { key: 'phone', header: '咨询电话', kind: 'text' },
    { key: 'onlineUrl', header: '网上办理地址', kind: 'text', width: 30 },
  ],
  proof: [
    { key: 'serviceItemCode', header: '所属政务服务事项编码', kind: 'text' },
    { key: 'issuingBody', header: '开具单位', kind: 'text', required: true, width: 24 },
    { key: 'requestingBody', header: '索要单位', kind: 'text', required: true, width: 24 },
    { key: 'alternative', header: '替代方式', kind: 'text', width: 30 },
    { key: 'remarks', header: '备注', kind: 'text', width: 24 },
  ],
  intermediary: [
    { key: 'licensingItemCode', header: '对应行政许可事项编码', kind: 'text' },
    { key: 'providerRequirement', header: '中介机构资质要求', kind: 'text', required: true, width: 40 },
    { key: 'isCharged', header: '是否收费', kind: 'boolean', hint: yesNoHint },
    { key: 'feeBasis', header: '收费依据', kind: 'text', width: 24 },
    { key: 'remarks', header: '备注', kind: 'text', width: 24 },
  ],
  spotCheck: [
    { key: 'subjectType', header: '检查对象', kind: 'text', required: true, width: 24 },
    { key: 'content', header: '检查内容', kind: 'text', required: true, width: 40 },
    { key: 'method', header: '检查方式', kind: 'text', required: true },
    { key: 'ratioPercent', header: '抽查比例（%）', kind: 'number', hint: '0 到 100' },
    { key: 'frequency', header: '抽查频次', kind: 'text' },
    { key: 'powerItemCode', header: '对应权责事项编码', kind: 'text' },
  ],
};

/** The kind column of a list kind (power: 职权类型, service: 服务事项类型), or null. */
function kindColumn(listKind: ListKind): { header: string; labels: Record<string, string> } | null {
  if (listKind === 'power') return { header: '职权类型', labels: powerKindLabels };
  if (listKind === 'service') return { header: '服务事项类型', labels: serviceKindLabels };
  return null;
}

const changeTypeHeader = '调整类型';
const hintMarker = '【';

/** The columns of a list kind's import sheet. */
export function importColumns(listKind: ListKind): ImportColumn[] {
  const kind = kindColumn(listKind);
  return [
    {
      key: 'changeType',
      header: changeTypeHeader,
      required: true,
      hint: '新增、变更、取消；变更和取消按事项编码找到本清单在用的事项',
    },
    { key: 'code', header: '事项编码', required: true, width: 20, hint: '字母、数字和 - _ .，本清单内唯一' },
    { key: 'name', header: '事项名称', width: 40, hint: '新增、变更必填' },
    ...(kind
      ? [
          {
            key: 'kind',
            header: kind.header,
            hint: `新增、变更必填：${Object.values(kind.labels).join('、')}`,
          },
        ]
      : []),
    {
      key: 'legalBasisText',
      header: '法律依据',
      width: 50,
      hint: '新增、变更必填；按「《法律名称》第某条第某款」引用，多条用顿号或换行分隔',
    },
    ...detailColumns[listKind].map((column) => ({
      key: `details.${column.key}`,
      header: column.header,
      width: column.width ?? 18,
      hint: [column.required ? '新增、变更必填' : null, column.hint].filter(Boolean).join('；') || undefined,
    })),
    { key: 'reason', header: '调整理由', width: 30, hint: '取消必填' },
  ];
}

const exampleContent: Record<ListKind, Record<string, string>> = {
  power: {
    code: 'XK-0001',
    name: '食品生产许可',
    kind: '行政许可',
    legalBasisText: '《中华人民共和国食品安全法》第三十五条',
    'details.subItems': '食品生产许可、食品生产许可变更',
    'details.implementingBody': '示范市市场监督管理局',
    'details.duties':
      '受理责任：公示依法应当提交的材料，一次性告知补正材料；审查责任：对申请材料进行审查；决定责任：作出准予或不予许可的决定',
    'details.accountability': '对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的',
    'details.statutoryTimeLimit': '20',
    'details.promisedTimeLimit': '10',
  },
  service: {
    code: 'FW-0001',
    name: '食品经营许可（新办）',
    kind: '依申请政务服务事项',
    legalBasisText: '《中华人民共和国食品安全法》第三十五条',
    'details.implementingBody': '示范市市场监督管理局',
    'details.statutoryTimeLimit': '20',
    'details.promisedTimeLimit': '5',
    'details.materials': '食品经营许可申请书、营业执照复印件',
    'details.isCharged': '否',
    'details.servicePlace': '示范市政务服务中心二楼市场监管窗口',
  },
  proof: {
    code: 'ZM-0001',
    name: '无犯罪记录证明',
    legalBasisText: '《中华人民共和国律师法》第五条',
    'details.issuingBody': '公安机关',
    'details.requestingBody': '示范市司法局',
    'details.alternative': '告知承诺制',
  },
  intermediary: {
    code: 'ZJ-0001',
    name: '建设项目环境影响报告书编制',
    legalBasisText: '《中华人民共和国环境影响评价法》第十九条',
    'details.providerRequirement': '具备环境影响评价技术能力的单位',
    'details.isCharged': '是',
  },
  spotCheck: {
    code: 'CC-0001',
    name: '食品生产企业监督检查',
    legalBasisText: '《中华人民共和国食品安全法》第一百一十条',
    'details.subjectType': '食品生产企业',
    'details.content': '生产条件、进货查验、出厂检验、标签标识',
    'details.method': '现场检查',
    'details.ratioPercent': '5',
    'details.frequency': '每年一次',
  },
};

/** The import template of a list kind: headers (required ones marked), a hint row, an example row. */
export async function writePowerImportTemplate(listKind: ListKind): Promise<Buffer> {
  const columns = importColumns(listKind);
  const base = await writeImportTemplate(listKindLabels[listKind], columns, [
    { changeType: '新增', ...exampleContent[listKind] },
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(base as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet) {
    const hints = columns.map((column, index) =>
      index === 0
        ? `${hintMarker}说明行，导入时忽略】${column.hint ?? ''}`
        : [column.required ? '必填' : null, column.hint].filter(Boolean).join('；'),
    );
    const row = sheet.insertRow(2, hints);
    row.font = { italic: true, color: { argb: 'FF808080' } };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ── Export ───────────────────────────────────────────────────────────────────

const detailText = (value: unknown, kind: CellKind): string | number | null => {
  if (value === null || value === undefined) return null;
  if (kind === 'list')
    return Array.isArray(value) ? value.map((part) => String(part)).join('、') : JSON.stringify(value);
  if (kind === 'boolean') return value === true ? '是' : '否';
  if (kind === 'number') return typeof value === 'number' ? value : Number(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** The export columns of a list kind: the content columns of the template, then organization, status and dates. */
export function exportColumns(listKind: ListKind, date: string): ExportColumn<ItemVersionRecord>[] {
  const kind = kindColumn(listKind);
  return [
    { header: '事项编码', width: 20, value: (row) => row.code },
    { header: '事项名称', width: 40, value: (row) => row.name },
    ...(kind
      ? [
          {
            header: kind.header,
            width: 14,
            value: (row: ItemVersionRecord) => (row.kind ? (kind.labels[row.kind] ?? row.kind) : null),
          },
        ]
      : []),
    { header: '法律依据', width: 50, value: (row) => row.legalBasisText },
    ...detailColumns[listKind].map((column) => ({
      header: column.header,
      width: column.width ?? 18,
      value: (row: ItemVersionRecord) => detailText(row.details[column.key], column.kind),
    })),
    { header: '实施机关', width: 24, value: (row) => row.organizationName },
    { header: '状态', width: 10, value: (row) => itemStatusLabels[itemStatusOn(row, date)] },
    { header: '版本', width: 8, value: (row) => row.version },
    { header: '生效日期', width: 12, value: (row) => row.effectiveFrom },
    { header: '失效日期', width: 12, value: (row) => row.effectiveTo },
  ];
}

/** The list as a workbook. */
export const writePowerListWorkbook = (
  listKind: ListKind,
  date: string,
  rows: readonly ItemVersionRecord[],
) => writeListWorkbook(listKindLabels[listKind], exportColumns(listKind, date), rows);

// ── Import ───────────────────────────────────────────────────────────────────

const changeTypeByLabel = new Map<string, ChangeType>(
  (Object.entries(changeTypeLabels) as [ChangeType, string][]).flatMap(([value, label]) => [
    [label, value],
    [value, value],
  ]),
);

/** The cell of a detail column as the contract's details schema expects it, or a problem. */
function detailValue(text: string | null, column: DetailColumn): { value: unknown } | { problem: string } {
  if (text === null)
    return { value: column.kind === 'list' ? [] : column.kind === 'text' ? undefined : null };
  if (column.kind === 'list')
    return {
      value: text
        .split(/[、;；\n]+/)
        .map((part) => part.trim())
        .filter(Boolean),
    };
  if (column.kind === 'boolean') {
    if (text === '是') return { value: true };
    if (text === '否') return { value: false };
    return { problem: `${column.header}只能填「是」或「否」` };
  }
  if (column.kind === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? { value: number } : { problem: `${column.header}必须是数字` };
  }
  return { value: text };
}

/**
 * Imports a filled sheet into a draft or returned change set: all rows or none. Row problems
 * (a malformed cell, an item or basis the service refuses) throw ImportRejectedError naming the
 * sheet's row, the column and the problem. Returns the number of changes added.
 */
export async function importChangesFromSheet(
  ctx: ServiceContext,
  changeSetId: string,
  buffer: Buffer,
): Promise<number> {
  const changeSet = await assertChangeSetEditable(ctx, changeSetId);
  const listKind = changeSet.listKind as ListKind;
  const columns = importColumns(listKind);
  const headerOf = new Map(columns.map((column) => [column.key, column.header]));
  const kind = kindColumn(listKind);
  const kindByLabel = new Map<string, string>(
    kind
      ? Object.entries(kind.labels).flatMap(([value, label]) => [
          [label, value],
          [value, value],
        ])
      : [],
  );
  const rows = (await readImportSheet(buffer, columns, 20_000)).filter(
    (row) => !(row.values.changeType ?? '').startsWith(hintMarker),
  );
  const errors: ImportRowError[] = [];
  const problem = (row: number, key: string, message: string) =>
    errors.push({ row, column: headerOf.get(key) ?? '整行', message });

  const needsItem = rows.filter((row) =>
    ['变更', '取消', 'modify', 'cancel'].includes(row.values.changeType ?? ''),
  );
  const live = new Map(
    (
      await findLiveCodes(
        ctx,
        changeSet.organizationId,
        listKind,
        needsItem.flatMap((row) => (row.values.code ? [row.values.code] : [])),
      )
    ).map((entry) => [entry.code, entry.itemId]),
  );

  const proposals: { row: number; input: AddChangeInput }[] = [];
  for (const { row, values } of rows) {
    const changeType = changeTypeByLabel.get(values.changeType ?? '');
    if (!changeType) {
      problem(row, 'changeType', `调整类型「${values.changeType ?? ''}」不存在，可填：新增、变更、取消`);
      continue;
    }
    const code = values.code ?? '';
    let itemId: string | undefined;
    if (changeType !== 'add') {
      itemId = live.get(code);
      if (!itemId) {
        problem(row, 'code', `本清单没有在用的事项编码「${code}」，无法${changeTypeLabels[changeType]}`);
        continue;
      }
    }
    const details: Record<string, unknown> = {};
    let isRowValid = true;
    for (const column of detailColumns[listKind]) {
      const result = detailValue(values[`details.${column.key}`] ?? null, column);
      if ('problem' in result) {
        problem(row, `details.${column.key}`, result.problem);
        isRowValid = false;
      } else if (result.value !== undefined) details[column.key] = result.value;
    }
    const kindText = values.kind ?? null;
    const kindValue = kindText === null ? null : (kindByLabel.get(kindText) ?? kindText);
    const candidate =
      changeType === 'cancel'
        ? { changeType, itemId, reason: values.reason ?? '' }
        : {
            changeType,
            itemId,
            reason: values.reason,
            content: {
              code,
              name: values.name ?? '',
              kind: kindValue,
              legalBasisText: values.legalBasisText ?? '',
              details,
            },
          };
    const parsed = addChangeSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        const key =
          path[0] === 'content'
            ? path[1] === 'details'
              ? `details.${path[2] ?? ''}`
              : (path[1] ?? '')
            : (path[0] ?? '');
        problem(row, key, issue.message);
      }
      continue;
    }
    if (isRowValid) proposals.push({ row, input: parsed.data });
  }
  // The rows that read well go to the service even when others did not, so one answer lists every
  // problem; whatever it writes is rolled back with the transaction when any row is refused.
  const { added, problems } = await addChanges(
    ctx,
    changeSetId,
    proposals.map((proposal) => proposal.input),
  );
  for (const found of problems) {
    const row = proposals[found.index]?.row ?? 0;
    const key = found.field.replace(/^content\./, '').replace(/^itemId$/, 'code');
    problem(row, key, found.message);
  }
  if (errors.length > 0) throw new ImportRejectedError(errors.sort((a, b) => a.row - b.row));
  return added.length;
}
