import { z } from 'zod';
import {
  authorityTypeLabels,
  certificateStatusLabels,
  createCertificateInputSchema,
  createOrganizationInputSchema,
  createPersonInputSchema,
  genderLabels,
  organizationKindLabels,
  personDutyLabels,
} from '../../../contracts/org';
import { requireActor } from '../../core/access/authorize';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { importRows, writeImportTemplate, type ImportColumn } from '../../core/exports/excel';
import { createCertificate } from './certificate-service';
import { createOrganization } from './organization-service';
import { findOrganizationsByNameInScope, findPeopleByNameInScope } from './org-repository';
import { createPerson } from './person-service';

/** Excel imports of the org module: each row goes through the same service as the form, all in one transaction. */

const labelEnum = <Value extends string>(labels: Record<Value, string>, what: string) => {
  const byLabel = new Map<string, Value>();
  for (const [value, label] of Object.entries(labels) as [Value, string][]) {
    byLabel.set(label, value);
    byLabel.set(value, value);
  }
  return z.string({ message: `${what}必须填写` }).transform((text, context) => {
    const value = byLabel.get(text.trim());
    if (value === undefined) {
      context.addIssue({
        code: 'custom',
        message: `${what}「${text}」不存在，可填：${Object.values(labels).join('、')}`,
      });
      return z.NEVER;
    }
    return value;
  });
};
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().transform((value) => value ?? null);
const requiredText = (what: string) => z.string({ message: `${what}必须填写` });
const yesNo = z
  .enum(['是', '否'], { message: '只能填「是」或「否」' })
  .nullable()
  .transform((value) => value === '是');

async function organizationByName(ctx: ServiceContext, name: string, field: string): Promise<string> {
  const found = await findOrganizationsByNameInScope(ctx, name);
  if (found.length === 0) throw new AppError('NOT_FOUND', `组织「${name}」不存在或不在您的管理范围内`, field);
  if (found.length > 1)
    throw new AppError('VALIDATION_FAILED', `有 ${found.length} 个组织名为「${name}」，请填写全称`, field);
  const [organization] = found;
  if (!organization) throw new AppError('NOT_FOUND', `组织「${name}」不存在`, field);
  return organization.id;
}

// ── Organizations ────────────────────────────────────────────────────────────

export const organizationImportColumns: ImportColumn[] = [
  {
    key: 'parentName',
    header: '上级组织',
    required: true,
    width: 30,
    hint: '填写本辖范围内已有组织的全称，或本文件中前面各行的组织',
  },
  { key: 'name', header: '名称', required: true, width: 30 },
  { key: 'shortName', header: '简称' },
  { key: 'kind', header: '类型', required: true, hint: Object.values(organizationKindLabels).join('、') },
  {
    key: 'jurisdictionCode',
    header: '行政区划代码',
    required: true,
    hint: '6 位县级或 9 位乡级代码（GB/T 2260）',
  },
  {
    key: 'authorityType',
    header: '执法主体类型',
    width: 20,
    hint: `执法主体必填：${Object.values(authorityTypeLabels).join('、')}`,
  },
  { key: 'creditCode', header: '统一社会信用代码', width: 22, hint: '18 位，校验位按 GB 32100 检查' },
  { key: 'enforcementField', header: '执法领域' },
  { key: 'address', header: '地址', width: 30 },
  { key: 'phone', header: '电话' },
];

const organizationRowSchema = z.object({
  parentName: requiredText('上级组织'),
  name: requiredText('名称'),
  shortName: z.string().nullable(),
  kind: labelEnum(organizationKindLabels, '类型'),
  jurisdictionCode: requiredText('行政区划代码'),
  authorityType: optional(labelEnum(authorityTypeLabels, '执法主体类型')),
  creditCode: z.string().nullable(),
  enforcementField: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});

/** Imports organizations from a workbook: all rows or none. */
export async function importOrganizations(ctx: ServiceContext, buffer: Buffer): Promise<number> {
  requireActor(ctx);
  return importRows({
    buffer,
    columns: organizationImportColumns,
    schema: organizationRowSchema.transform((row, context) => {
      const { parentName, ...fields } = row;
      const parsed = createOrganizationInputSchema.omit({ parentId: true }).safeParse(fields);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          context.addIssue({ ...issue, code: 'custom', message: issue.message });
        return z.NEVER;
      }
      return { parentName, input: parsed.data };
    }),
    apply: async ({ parentName, input }) => {
      const parentId = await organizationByName(ctx, parentName, 'parentName');
      await createOrganization(ctx, { ...input, parentId });
    },
  });
}

export const organizationImportTemplate = () =>
  writeImportTemplate('组织', organizationImportColumns, [
    {
      parentName: '示范市人民政府',
      name: '示范市示例执法大队',
      kind: '执法主体',
      jurisdictionCode: '410300',
      authorityType: '受委托组织',
      enforcementField: '城市管理',
    },
  ]);

// ── People ───────────────────────────────────────────────────────────────────

export const personImportColumns: ImportColumn[] = [
  { key: 'organizationName', header: '所属组织', required: true, width: 30, hint: '本辖范围内组织的全称' },
  { key: 'name', header: '姓名', required: true },
  { key: 'gender', header: '性别', hint: '男、女；不填时按身份证号码' },
  { key: 'idNumber', header: '身份证号码', width: 22, hint: '18 位，校验位按 GB 11643 检查；加密保存' },
  { key: 'phone', header: '电话' },
  { key: 'position', header: '职务' },
  {
    key: 'duties',
    header: '职责',
    required: true,
    width: 30,
    hint: `用顿号分隔：${Object.values(personDutyLabels).join('、')}`,
  },
  { key: 'hasLegalQualification', header: '法律职业资格', hint: '是、否' },
];

const dutyList = z.string({ message: '职责必须填写' }).transform((text, context) => {
  const byLabel = new Map(Object.entries(personDutyLabels).map(([value, label]) => [label, value]));
  const duties: string[] = [];
  for (const part of text.split(/[、,，;；\s]+/).filter(Boolean)) {
    const duty = byLabel.get(part) ?? (part in personDutyLabels ? part : undefined);
    if (!duty) {
      context.addIssue({
        code: 'custom',
        message: `职责「${part}」不存在，可填：${Object.values(personDutyLabels).join('、')}`,
      });
      return z.NEVER;
    }
    duties.push(duty);
  }
  return duties;
});

const personRowSchema = z
  .object({
    organizationName: requiredText('所属组织'),
    name: z.string().nullable(),
    gender: optional(labelEnum(genderLabels, '性别')),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    position: z.string().nullable(),
    duties: dutyList,
    hasLegalQualification: yesNo,
  })
  .transform((row, context) => {
    const { organizationName, ...fields } = row;
    const parsed = createPersonInputSchema
      .omit({ organizationId: true })
      .safeParse({ ...fields, name: fields.name ?? '' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        context.addIssue({ ...issue, code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return { organizationName, input: parsed.data };
  });

/** Imports people from a workbook: all rows or none. */
export async function importPeople(ctx: ServiceContext, buffer: Buffer): Promise<number> {
  requireActor(ctx);
  return importRows({
    buffer,
    columns: personImportColumns,
    schema: personRowSchema,
    apply: async ({ organizationName, input }) => {
      const organizationId = await organizationByName(ctx, organizationName, 'organizationName');
      await createPerson(ctx, { ...input, organizationId });
    },
  });
}

export const personImportTemplate = () =>
  writeImportTemplate('人员', personImportColumns, [
    {
      organizationName: '示范市市场监督管理局',
      name: '张三',
      idNumber: '11010519491231002X',
      position: '科员',
      duties: '执法人员',
      hasLegalQualification: '否',
    },
  ]);

// ── Certificates ─────────────────────────────────────────────────────────────

export const certificateImportColumns: ImportColumn[] = [
  { key: 'organizationName', header: '所属组织', required: true, width: 30, hint: '持证人所在组织的全称' },
  { key: 'personName', header: '持证人', required: true, hint: '该组织的执法人员姓名' },
  { key: 'number', header: '执法证号', required: true, width: 20, hint: '全市唯一' },
  { key: 'field', header: '执法类别', required: true },
  { key: 'issuedBy', header: '发证机关', required: true, width: 24 },
  { key: 'issuedOn', header: '发证日期', required: true, hint: 'YYYY-MM-DD' },
  { key: 'expiresOn', header: '有效期至', required: true, hint: 'YYYY-MM-DD，晚于发证日期' },
  { key: 'status', header: '状态', hint: `${Object.values(certificateStatusLabels).join('、')}；不填为有效` },
];

const certificateRowSchema = z
  .object({
    organizationName: requiredText('所属组织'),
    personName: requiredText('持证人'),
    number: z.string().nullable(),
    field: z.string().nullable(),
    issuedBy: z.string().nullable(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    status: optional(labelEnum(certificateStatusLabels, '状态')),
  })
  .transform((row, context) => {
    const { organizationName, personName, status, ...fields } = row;
    const parsed = createCertificateInputSchema.omit({ personId: true }).safeParse({
      ...Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? undefined])),
      status: status ?? undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        context.addIssue({ ...issue, code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return { organizationName, personName, input: parsed.data };
  });

/** Imports enforcement certificates from a workbook: all rows or none. */
export async function importCertificates(ctx: ServiceContext, buffer: Buffer): Promise<number> {
  requireActor(ctx);
  return importRows({
    buffer,
    columns: certificateImportColumns,
    schema: certificateRowSchema,
    apply: async ({ organizationName, personName, input }) => {
      const organizationId = await organizationByName(ctx, organizationName, 'organizationName');
      const found = await findPeopleByNameInScope(ctx, organizationId, personName);
      const [person] = found;
      if (!person)
        throw new AppError(
          'NOT_FOUND',
          `「${organizationName}」没有名为「${personName}」的人员`,
          'personName',
        );
      if (found.length > 1) {
        throw new AppError(
          'VALIDATION_FAILED',
          `「${organizationName}」有 ${found.length} 人名为「${personName}」，请在系统中逐个录入`,
          'personName',
        );
      }
      await createCertificate(ctx, { ...input, personId: person.id });
    },
  });
}

export const certificateImportTemplate = () =>
  writeImportTemplate('执法证', certificateImportColumns, [
    {
      organizationName: '示范市市场监督管理局',
      personName: '张三',
      number: '41030020260001',
      field: '市场监管',
      issuedBy: '河南省人民政府',
      issuedOn: '2026-01-01',
      expiresOn: '2031-12-31',
    },
  ]);
