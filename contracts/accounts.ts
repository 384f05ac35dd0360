import { z } from 'zod';
import { pagination } from './fields';
import { roleSchema } from './roles';

/** The API contract of accounts, sessions and security settings (DESIGN.md core mechanism 3), shared with the web app. */

const uuidField = (label: string) => z.uuid({ message: `${label}格式不正确` });

export const usernameSchema = z
  .string({ message: '用户名必须填写' })
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(64, '用户名不能超过 64 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '用户名只能包含字母、数字、下划线、点和连字符，并以字母或数字开头');

export const displayNameSchema = z
  .string({ message: '姓名必须填写' })
  .trim()
  .min(1, '姓名必须填写')
  .max(50, '姓名不能超过 50 个字');

/** The shape only; the password policy (length, character classes) is checked by the server. */
export const passwordSchema = z
  .string({ message: '密码必须填写' })
  .min(1, '密码必须填写')
  .max(128, '密码不能超过 128 个字符');

export const totpCodeSchema = z
  .string({ message: '动态验证码必须是 6 位数字' })
  .trim()
  .regex(/^\d{6}$/, '动态验证码必须是 6 位数字');

// ── Sign-in and session ─────────────────────────────────────────────────────

export const signInInputSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  totpCode: totpCodeSchema.optional(),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/** Completes an administrator's first sign-in: the code from the authenticator app proves the secret was saved. */
export const totpEnrollInputSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  totpCode: totpCodeSchema,
});
export type TotpEnrollInput = z.infer<typeof totpEnrollInputSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: passwordSchema,
  password: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const switchOrganizationInputSchema = z.object({
  organizationId: uuidField('组织'),
});

export const heldRoleSchema = z.object({
  role: roleSchema,
  roleLabel: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
});

export const organizationChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
});

export const currentUserSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
  }),
  roles: z.array(heldRoleSchema),
  activeOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
  organizations: z.array(organizationChoiceSchema),
  session: z.object({ idleMinutes: z.number().int(), expiresAt: z.string() }),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const signInResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signedIn'), mustChangePassword: z.boolean(), me: currentUserSchema }),
  z.object({
    status: z.literal('totpEnrollmentRequired'),
    message: z.string(),
    otpauthUri: z.string(),
    secret: z.string(),
  }),
]);
export type SignInResult = z.infer<typeof signInResultSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

// ── Accounts (system administrator) ─────────────────────────────────────────

export const roleOnOrganizationSchema = z.object({
  role: roleSchema,
  organizationId: uuidField('组织'),
});
export type RoleOnOrganization = z.infer<typeof roleOnOrganizationSchema>;

export const createAccountInputSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  /** initial password; the user must change it at first sign-in */
  password: passwordSchema,
  roles: z
    .array(roleOnOrganizationSchema, { message: '角色必须是列表' })
    .min(1, '至少分配一个角色')
    .max(20, '角色过多'),
  personId: uuidField('人员').nullable().optional(),
});
export type CreateAccountInput = z.infer<typeof createAccountInputSchema>;

export const updateAccountInputSchema = z.object({
  displayName: displayNameSchema,
  personId: uuidField('人员').nullable().optional(),
});
export type UpdateAccountInput = z.infer<typeof updateAccountInputSchema>;

export const resetPasswordInputSchema = z.object({
  /** omitted: the server generates one and answers it once */
  password: passwordSchema.optional(),
});

export const accountParamsSchema = z.object({ id: uuidField('账号') });
export const roleAssignmentParamsSchema = z.object({
  id: uuidField('账号'),
  assignmentId: uuidField('角色分配'),
});

const booleanQuery = (label: string) =>
  z
    .enum(['true', 'false'], { message: `${label}只能是 true 或 false` })
    .transform((value) => value === 'true');

export const accountFilterSchema = z.object({
  search: z.string().trim().max(64, '搜索词不能超过 64 个字符').optional(),
  role: roleSchema.optional(),
  organizationId: uuidField('组织').optional(),
  locked: booleanQuery('是否锁定').optional(),
  active: booleanQuery('是否启用').optional(),
});
export type AccountFilter = z.infer<typeof accountFilterSchema>;

export const accountListQuerySchema = accountFilterSchema.extend(pagination);
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

export const roleAssignmentSchema = z.object({
  id: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
});

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(roleAssignmentSchema),
});
export type Account = z.infer<typeof accountSchema>;

export const accountPageSchema = z.object({
  items: z.array(accountSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const passwordResetSchema = z.object({
  account: accountSchema,
  /** the generated password, shown once; null when the administrator chose it */
  temporaryPassword: z.string().nullable(),
});

// ── Security settings (security administrator) ──────────────────────────────

export const securitySettingsSchema = z.object({
  passwordMinLength: z
    .number({ message: '密码最短长度必须是数字' })
    .int('密码最短长度必须是整数')
    .min(8, '密码最短长度不能小于 8')
    .max(64, '密码最短长度不能大于 64'),
  /** how many of upper case, lower case, digits and symbols a password must mix */
  passwordMinCharacterClasses: z
    .number({ message: '字符种类数必须是数字' })
    .int('字符种类数必须是整数')
    .min(1, '字符种类数至少为 1')
    .max(4, '字符种类数最多为 4'),
  /** 0: passwords never expire */
  passwordExpiryDays: z
    .number({ message: '密码有效期必须是数字' })
    .int('密码有效期必须是整数')
    .min(0, '密码有效期不能为负数')
    .max(3650, '密码有效期不能超过 3650 天'),
  lockoutThreshold: z
    .number({ message: '锁定阈值必须是数字' })
    .int('锁定阈值必须是整数')
    .min(3, '连续失败次数阈值不能小于 3')
    .max(20, '连续失败次数阈值不能大于 20'),
  lockoutMinutes: z
    .number({ message: '锁定时长必须是数字' })
    .int('锁定时长必须是整数')
    .min(1, '锁定时长至少 1 分钟')
    .max(1440, '锁定时长不能超过 1440 分钟'),
  /** null: the platform's configured default (FAZHI_SESSION_IDLE_MINUTES) */
  sessionIdleMinutes: z
    .number({ message: '空闲超时必须是数字' })
    .int('空闲超时必须是整数')
    .min(1, '空闲超时至少 1 分钟')
    .max(1440, '空闲超时不能超过 1440 分钟')
    .nullable(),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

export const defaultSecuritySettings: SecuritySettings = {
  passwordMinLength: 10,
  passwordMinCharacterClasses: 3,
  passwordExpiryDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  sessionIdleMinutes: null,
};

export const securitySettingsViewSchema = securitySettingsSchema.extend({
  effectiveSessionIdleMinutes: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const securitySettingLabels: Record<keyof SecuritySettings, string> = {
  passwordMinLength: '密码最短长度',
  passwordMinCharacterClasses: '密码至少包含的字符种类数（大写、小写、数字、符号）',
  passwordExpiryDays: '密码有效期（天，0 为不过期）',
  lockoutThreshold: '连续登录失败锁定阈值（次）',
  lockoutMinutes: '锁定时长（分钟）',
  sessionIdleMinutes: '会话空闲超时（分钟）',
};

export const accountStatusLabels = {
  active: '正常',
  inactive: '已停用',
  locked: '已锁定',
} as const;
