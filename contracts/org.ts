import { z } from 'zod';
import { booleanQuery, civilDateField, optionalText, pageOf, pagination, uuidField } from './fields';

/** The API contract of the org module: organizations, people, enforcement certificates, jurisdictions. */

// ── Labels ───────────────────────────────────────────────────────────────────

export const organizationKinds = [
  'government',
  'department',
  'enforcementBody',
  'township',
  'office',
] as const;
export const organizationKindSchema = z.enum(organizationKinds, { message: '组织类型不存在' });
export type OrganizationKind = z.infer<typeof organizationKindSchema>;
export const organizationKindLabels: Record<OrganizationKind, string> = {
  government: '人民政府',
  department: '政府部门',
  enforcementBody: '执法主体',
  township: '乡镇（街道）',
  office: '内设机构',
};

export const authorityTypes = ['statutory', 'authorized', 'entrusted'] as const;
export const authorityTypeSchema = z.enum(authorityTypes, {
  message: '执法主体类型只能是法定、授权或受委托',
});
export type AuthorityType = z.infer<typeof authorityTypeSchema>;
export const authorityTypeLabels: Record<AuthorityType, string> = {
  statutory: '法定行政机关',
  authorized: '法律法规授权组织',
  entrusted: '受委托组织',
};

export const personDuties = [
  'officer',
  'legalReviewer',
  'principal',
  'liaison',
  'legalAdviser',
  'staff',
] as const;
export const personDutySchema = z.enum(personDuties, { message: '职责类型不存在' });
export type PersonDuty = z.infer<typeof personDutySchema>;
export const personDutyLabels: Record<PersonDuty, string> = {
  officer: '执法人员',
  legalReviewer: '法制审核人员',
  principal: '主要负责人',
  liaison: '部门联络员',
  legalAdviser: '法律顾问',
  staff: '工作人员',
};

export const genders = ['male', 'female'] as const;
export const genderSchema = z.enum(genders, { message: '性别只能是男或女' });
export const genderLabels: Record<(typeof genders)[number], string> = { male: '男', female: '女' };

export const certificateStatuses = ['valid', 'suspended', 'revoked'] as const;
export const certificateStatusSchema = z.enum(certificateStatuses, {
  message: '证件状态只能是有效、暂扣或注销',
});
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;
export const certificateStatusLabels: Record<CertificateStatus, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '注销',
};

export const jurisdictionLevelLabels = {
  province: '省级',
  city: '地级',
  county: '县级',
  township: '乡级',
} as const;

// ── Shared query pieces ──────────────────────────────────────────────────────

export const idParamsSchema = z.object({ id: uuidField('编号') });

// ── Organizations ────────────────────────────────────────────────────────────

const creditCodeField = z
  .string({ message: '统一社会信用代码必须是文字' })
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）');

const organizationFields = {
  name: z
    .string({ message: '名称必须填写' })
    .trim()
    .min(2, '名称至少 2 个字')
    .max(100, '名称不能超过 100 个字'),
  shortName: optionalText('简称', 30),
  kind: organizationKindSchema,
  jurisdictionCode: z
    .string({ message: '行政区划代码必须填写' })
    .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字'),
  authorityType: authorityTypeSchema.nullable().optional(),
  creditCode: creditCodeField.nullable().optional(),
  enforcementField: optionalText('执法领域', 50),
  address: optionalText('地址', 200),
  phone: z
    .string({ message: '电话必须是文字' })
    .trim()
    .regex(/^[0-9+\-() ]{0,32}$/, '电话只能包含数字、空格和 + - ( )')
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  sortOrder: z
    .number({ message: '排序必须是数字' })
    .int('排序必须是整数')
    .min(0, '排序不能为负')
    .max(100000)
    .optional(),
};

export const createOrganizationInputSchema = z.object({
  parentId: uuidField('上级组织').nullable(),
  ...organizationFields,
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationInputSchema>;

export const updateOrganizationInputSchema = z.object(organizationFields).partial();
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationInputSchema>;

/** Moving an organization (with its subtree) under another parent, e.g. after an institutional reform (机构改革). */
export const moveOrganizationInputSchema = z.object({
  parentId: uuidField('新的上级组织'),
  reason: z
    .string({ message: '请填写调整原因' })
    .trim()
    .min(1, '请填写调整原因（如机构改革文件）')
    .max(500, '调整原因不能超过 500 个字'),
});
export type MoveOrganizationInput = z.infer<typeof moveOrganizationInputSchema>;

export const organizationFilterSchema = z.object({
  search: z.string().trim().max(64, '搜索词不能超过 64 个字').optional(),
  kind: organizationKindSchema.optional(),
  jurisdictionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字')
    .optional(),
  parentId: uuidField('上级组织').optional(),
  active: booleanQuery('是否启用').optional(),
});
export type OrganizationFilter = z.infer<typeof organizationFilterSchema>;
export const organizationListQuerySchema = organizationFilterSchema.extend(pagination);
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;

export const organizationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  path: z.string(),
  depth: z.number().int(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: organizationKindSchema,
  kindLabel: z.string(),
  authorityType: authorityTypeSchema.nullable(),
  authorityTypeLabel: z.string().nullable(),
  creditCode: z.string().nullable(),
  enforcementField: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;
export const organizationPageSchema = pageOf(organizationSchema);

export interface OrganizationTreeNode {
  id: string;
  name: string;
  kind: OrganizationKind;
  jurisdictionCode: string;
  isActive: boolean;
  children: OrganizationTreeNode[];
}
export const organizationTreeNodeSchema: z.ZodType<OrganizationTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: organizationKindSchema,
    jurisdictionCode: z.string(),
    isActive: z.boolean(),
    children: z.array(organizationTreeNodeSchema),
  }),
);
export const organizationTreeSchema = z.object({ roots: z.array(organizationTreeNodeSchema) });

// ── People ───────────────────────────────────────────────────────────────────

const personFields = {
  organizationId: uuidField('所属组织'),
  name: z.string({ message: '姓名必须填写' }).trim().min(1, '姓名必须填写').max(50, '姓名不能超过 50 个字'),
  gender: genderSchema.nullable().optional(),
  /** 居民身份证号码; the check digit is verified by the server (GB 11643). */
  idNumber: z
    .string({ message: '身份证号码必须是文字' })
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位，最后一位可以是 X')
    .nullable()
    .optional(),
  phone: z
    .string({ message: '电话必须是文字' })
    .trim()
    .regex(/^[0-9+\-() ]{0,32}$/, '电话只能包含数字、空格和 + - ( )')
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  position: optionalText('职务', 50),
  duties: z.array(personDutySchema, { message: '职责必须是列表' }).max(6, '职责最多 6 项'),
  hasLegalQualification: z.boolean({ message: '是否具有法律职业资格必须是是或否' }).optional(),
};

export const createPersonInputSchema = z.object(personFields);
export type CreatePersonInput = z.infer<typeof createPersonInputSchema>;
export const updatePersonInputSchema = z.object(personFields).partial();
export type UpdatePersonInput = z.infer<typeof updatePersonInputSchema>;

export const personFilterSchema = z.object({
  search: z.string().trim().max(64, '搜索词不能超过 64 个字').optional(),
  organizationId: uuidField('所属组织').optional(),
  duty: personDutySchema.optional(),
  active: booleanQuery('是否在职').optional(),
});
export type PersonFilter = z.infer<typeof personFilterSchema>;
export const personListQuerySchema = personFilterSchema.extend(pagination);
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  name: z.string(),
  gender: genderSchema.nullable(),
  idNumberMasked: z.string().nullable(),
  phone: z.string().nullable(),
  position: z.string().nullable(),
  duties: z.array(personDutySchema),
  dutyLabels: z.array(z.string()),
  hasLegalQualification: z.boolean(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;
export const personPageSchema = pageOf(personSchema);

// ── Enforcement certificates ─────────────────────────────────────────────────

const certificateFields = {
  personId: uuidField('持证人'),
  number: z
    .string({ message: '证号必须填写' })
    .trim()
    .min(4, '证号至少 4 位')
    .max(32, '证号不能超过 32 位')
    .regex(/^[0-9A-Za-z-]+$/, '证号只能包含数字、字母和连字符'),
  field: z
    .string({ message: '执法类别必须填写' })
    .trim()
    .min(1, '执法类别必须填写')
    .max(50, '执法类别不能超过 50 个字'),
  issuedBy: z
    .string({ message: '发证机关必须填写' })
    .trim()
    .min(2, '发证机关必须填写')
    .max(100, '发证机关不能超过 100 个字'),
  issuedOn: civilDateField('发证日期'),
  expiresOn: civilDateField('有效期至'),
  status: certificateStatusSchema.optional(),
};

export const createCertificateInputSchema = z.object(certificateFields);
export type CreateCertificateInput = z.infer<typeof createCertificateInputSchema>;
export const updateCertificateInputSchema = z.object(certificateFields).omit({ personId: true }).partial();
export type UpdateCertificateInput = z.infer<typeof updateCertificateInputSchema>;

export const certificateFilterSchema = z.object({
  search: z.string().trim().max(64, '搜索词不能超过 64 个字').optional(),
  organizationId: uuidField('所属组织').optional(),
  personId: uuidField('持证人').optional(),
  status: certificateStatusSchema.optional(),
  /** certificates valid on this date (status valid, issued on or before, expiring on or after) */
  validOn: civilDateField('有效日期').optional(),
});
export type CertificateFilter = z.infer<typeof certificateFilterSchema>;
export const certificateListQuerySchema = certificateFilterSchema.extend(pagination);
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

export const certificateSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  number: z.string(),
  field: z.string(),
  issuedBy: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  status: certificateStatusSchema,
  statusLabel: z.string(),
  /** valid today: status valid and today within the dates */
  isCurrentlyValid: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;
export const certificatePageSchema = pageOf(certificateSchema);

// ── Jurisdictions and import ─────────────────────────────────────────────────

export const jurisdictionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'township']),
  parentCode: z.string().nullable(),
});
export const jurisdictionQuerySchema = z.object({
  parentCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '上级区划代码应为 6 位或 9 位数字')
    .optional(),
});
export const jurisdictionListSchema = z.object({ items: z.array(jurisdictionSchema) });

export const importResultSchema = z.object({ imported: z.number().int() });
