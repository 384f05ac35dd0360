import { describe, expect, it } from 'vitest';
import { detailsSchemas, itemContentSchema, listKinds, type ItemContent } from '../../../../contracts/powers';
import { changedFieldsOf, toItemContent, toItemContentValues, type ItemContentValues } from './item-content';
import { detailFields, fieldLabel, formatDetailValue, type DetailField } from './power-fields';

/** What a clerk types into a field of each kind. */
function typed(field: DetailField): string | number | boolean {
  if (field.type === 'lines') return '第一项\n\n 第二项 \n';
  if (field.type === 'days') return 15;
  if (field.type === 'percent') return 5;
  if (field.type === 'boolean') return true;
  return `${field.label}示例`;
}

const filledForm = (listKind: (typeof listKinds)[number]): ItemContentValues => ({
  code: ' SZ-001 ',
  name: ' 示例事项 ',
  kind: listKind === 'power' ? 'penalty' : listKind === 'service' ? 'onApplication' : null,
  legalBasisText: '《中华人民共和国行政处罚法》第二十八条',
  details: Object.fromEntries(detailFields[listKind].map((field) => [field.name, typed(field)])),
});

describe('the item form of each list kind follows the contract', () => {
  it.each(listKinds)(
    '%s: every details field of the contract has a labelled form field, and no other',
    (kind) => {
      const contractFields = Object.keys(detailsSchemas[kind].shape).sort();
      const formFields = detailFields[kind].map((field) => field.name).sort();
      expect(formFields).toEqual(contractFields);
      for (const field of detailFields[kind]) expect(field.label).toMatch(/\p{Script=Han}/u);
    },
  );

  it.each(listKinds)('%s: the form marks as required exactly what the contract requires', (kind) => {
    const shape: Record<string, { safeParse: (value: unknown) => { success: boolean } }> =
      detailsSchemas[kind].shape;
    const required = Object.keys(shape).filter((name) => !shape[name]?.safeParse(undefined).success);
    const marked = detailFields[kind].filter((field) => field.isRequired).map((field) => field.name);
    expect(marked.sort()).toEqual(required.sort());
  });

  it.each(listKinds)('%s: a filled form becomes content the contract accepts', (kind) => {
    const content = toItemContent(kind, filledForm(kind));
    expect(itemContentSchema.safeParse(content).success).toBe(true);
    expect(detailsSchemas[kind].safeParse(content.details).success).toBe(true);
    expect(content.code).toBe('SZ-001');
    const lines = detailFields[kind].find((field) => field.type === 'lines');
    if (lines) expect(content.details[lines.name]).toEqual(['第一项', '第二项']);
  });

  it('blank optional fields are sent as null and blank lists as empty lists, not as empty text', () => {
    const content = toItemContent('power', {
      code: 'SZ-002',
      name: '事项',
      kind: 'licensing',
      legalBasisText: '依据',
      details: { implementingBody: '局', duties: '职责', accountability: '追责', flow: '  ', subItems: '' },
    });
    expect(content.details).toMatchObject({
      flow: null,
      subItems: [],
      statutoryTimeLimit: null,
      remarks: null,
    });
    expect(detailsSchemas.power.safeParse(content.details).success).toBe(true);
  });

  it('an item in force goes into the 变更 form and comes back unchanged', () => {
    const item: ItemContent = {
      code: 'SZ-003',
      name: '对排放大气污染物超标的行政处罚',
      kind: 'penalty',
      legalBasisText: '《中华人民共和国大气污染防治法》第九十九条',
      details: {
        subItems: ['超标排放', '超总量排放'],
        implementingBody: '示范市生态环境局',
        duties: '立案、调查、决定',
        accountability: '依法追责',
        flow: null,
        statutoryTimeLimit: 90,
        promisedTimeLimit: null,
        remarks: null,
      },
    };
    const roundTrip = toItemContent('power', toItemContentValues('power', item));
    expect(roundTrip).toEqual(item);
    expect(changedFieldsOf('power', item, roundTrip)).toEqual([]);
  });
});

describe('changes named and shown in Chinese', () => {
  it('names the changed fields the way the server diff does, and labels them', () => {
    const before = toItemContent('service', filledForm('service'));
    const after = { ...before, name: '新名称', details: { ...before.details, materials: ['身份证'] } };
    const changed = changedFieldsOf('service', before, after);
    expect(changed).toEqual(['name', 'details.materials']);
    expect(changed.map((field) => fieldLabel('service', field))).toEqual(['事项名称', '申请材料']);
    expect(fieldLabel('service', 'kind')).toBe('服务事项类型');
    expect(fieldLabel('power', 'kind')).toBe('职权类型');
  });

  it('writes working days, percentages, yes/no and lists as a clerk reads them', () => {
    const field = (type: DetailField['type']): DetailField => ({ name: 'x', label: 'x', type });
    expect(formatDetailValue(field('days'), 20)).toBe('20 个工作日');
    expect(formatDetailValue(field('percent'), 5)).toBe('5%');
    expect(formatDetailValue(field('boolean'), false)).toBe('否');
    expect(formatDetailValue(field('lines'), ['身份证', '营业执照'])).toBe('身份证；营业执照');
    expect(formatDetailValue(field('lines'), [])).toBe('—');
    expect(formatDetailValue(field('text'), null)).toBe('—');
  });
});
