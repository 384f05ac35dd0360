import ExcelJS from 'exceljs';
import type {
  AccountFilter,
  AccountListQuery,
  RoleOnOrganization,
  UpdateAccountInput,
} from '../../../contracts/accounts';
import { roleLabels, type Role } from '../../../contracts/roles';
import { appendAuditEvent } from '../audit/append-audit-event';
import type { ServiceContext } from '../context';
import { newId } from '../db/ids';
import { AppError, invalid, notFound } from '../errors';
import {
  accountManagementPolicy,
  accountUnlockPolicy,
  notSelfPolicy,
  organizationManagedPolicy,
  roleAssignmentPolicy,
  roleCombinationPolicy,
  roleRemovalPolicy,
} from './access-policy';
import {
  countAccounts,
  deleteRoleAssignment,
  endUserSessions,
  findOrganization,
  findUserById,
  findUserByUsername,
  insertRoleAssignment,
  insertUser,
  listRoleAssignments,
  selectAccounts,
  updateUser,
  type AccountQuery,
  type RoleAssignmentRow,
  type UserRow,
} from './account-repository';
import { requireActor } from './authorize';
import { formatChinaTime } from './auth-service';
import { generatePassword, hashPassword } from './password-hashing';
import { checkPasswordPolicy } from './password-rules';
import { roleAssignments } from './access-tables';
import { organizationScope } from './scope';
import { loadSecuritySettings } from './security-settings-service';

/** A user with his role assignments: what the account presenters shape. */
export interface AccountRecord {
  user: UserRow;
  roles: RoleAssignmentRow[];
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  /** omitted: one is generated and returned */
  password?: string | undefined;
  roles: RoleOnOrganization[];
  personId?: string | null | undefined;
  /** true unless told otherwise: an initial password is changed at first sign-in */
  mustChangePassword?: boolean | undefined;
}

/**
 * Creates an account with its roles (system administrator within his subtrees, or the platform
 * itself when ctx.actor is null: CLI and demo seed). Returns the password when it was generated.
 */
export async function createUser(
  ctx: ServiceContext,
  input: CreateUserInput,
): Promise<AccountRecord & { generatedPassword: string | null }> {
  if (ctx.actor) accountManagementPolicy(ctx);
  if (input.roles.length === 0) throw invalid('roles', '至少分配一个角色');
  const heldRoles: Role[] = [];
  const seen = new Set<string>();
  for (const [index, assignment] of input.roles.entries()) {
    await organizationInScope(ctx, assignment.organizationId, `roles.${index}.organizationId`);
    const key = `${assignment.role}@${assignment.organizationId}`;
    if (seen.has(key)) throw invalid(`roles.${index}`, '同一组织的同一角色不能重复分配');
    seen.add(key);
    try {
      roleCombinationPolicy(heldRoles, assignment.role);
    } catch (error) {
      if (error instanceof AppError) throw invalid(`roles.${index}.role`, error.message);
      throw error;
    }
    heldRoles.push(assignment.role);
  }
  if (await findUserByUsername(ctx.tx, ctx.tenantCode, input.username)) {
    throw new AppError('CONFLICT', `用户名「${input.username}」已被使用`, 'username');
  }
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? generatedPassword ?? '';
  const { settings } = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
  checkPasswordPolicy(password, input.username, settings);
  const now = ctx.clock.now();
  const user = await insertUser(ctx.tx, {
    tenantCode: ctx.tenantCode,
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    personId: input.personId ?? null,
    passwordHash: await hashPassword(password, ctx.config.passwordCost),
    passwordChangedAt: now,
    mustChangePassword: input.mustChangePassword ?? true,
    createdAt: now,
    updatedAt: now,
  });
  for (const assignment of input.roles) {
    await insertRoleAssignment(ctx.tx, {
      tenantCode: ctx.tenantCode,
      id: newId(),
      userId: user.id,
      role: assignment.role,
      organizationId: assignment.organizationId,
      createdAt: now,
    });
  }
  const roles = await listRoleAssignments(ctx.tx, ctx.tenantCode, [user.id]);
  await appendAuditEvent(ctx, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    organizationId: input.roles[0]?.organizationId ?? null,
    change: {
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      roles: input.roles,
      mustChangePassword: user.mustChangePassword,
    },
  });
  return { user, roles, generatedPassword };
}

/** The accounts the system administrator manages, filtered and paged. */
export async function listAccounts(
  ctx: ServiceContext,
  query: AccountListQuery,
): Promise<{ records: AccountRecord[]; total: number; page: number; pageSize: number }> {
  accountManagementPolicy(ctx);
  const accountQuery = await buildAccountQuery(ctx, query);
  const total = await countAccounts(ctx.tx, ctx.tenantCode, accountQuery);
  const rows = await selectAccounts(ctx.tx, ctx.tenantCode, accountQuery, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { records: await withRoles(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** One account, or 404 when none of its roles lies in the caller's subtree. */
export async function getAccount(ctx: ServiceContext, userId: string): Promise<AccountRecord> {
  accountManagementPolicy(ctx);
  return managedAccount(ctx, userId, ['systemAdmin']);
}

/** Edits the display name and the linked person. */
export async function updateAccount(
  ctx: ServiceContext,
  userId: string,
  input: UpdateAccountInput,
): Promise<AccountRecord> {
  accountManagementPolicy(ctx);
  const record = await managedAccount(ctx, userId, ['systemAdmin']);
  const after = {
    displayName: input.displayName,
    personId: input.personId === undefined ? record.user.personId : input.personId,
  };
  const user = await updateUser(ctx.tx, ctx.tenantCode, userId, { ...after, updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action: 'user.update',
    entityType: 'user',
    entityId: userId,
    organizationId: record.roles[0]?.organizationId ?? null,
    change: { before: { displayName: record.user.displayName, personId: record.user.personId }, after },
  });
  return { user, roles: record.roles };
}

/** Deactivates or reactivates an account (accounts are never deleted); deactivation ends its sessions. */
export async function setAccountActive(
  ctx: ServiceContext,
  userId: string,
  isActive: boolean,
): Promise<AccountRecord> {
  accountManagementPolicy(ctx);
  notSelfPolicy(ctx, userId, isActive ? '启用' : '停用');
  const record = await managedAccount(ctx, userId, ['systemAdmin']);
  const now = ctx.clock.now();
  const user = await updateUser(ctx.tx, ctx.tenantCode, userId, { isActive, updatedAt: now });
  if (!isActive) await endUserSessions(ctx.tx, ctx.tenantCode, userId, now, 'revoked');
  await appendAuditEvent(ctx, {
    action: isActive ? 'user.activate' : 'user.deactivate',
    entityType: 'user',
    entityId: userId,
    organizationId: record.roles[0]?.organizationId ?? null,
    change: { username: user.username, isActive },
  });
  return { user, roles: record.roles };
}

/**
 * Sets a new password (given, or generated and returned once) that must be changed at the next
 * sign-in; the user's sessions end. By the system administrator, or the platform (CLI).
 */
export async function resetPassword(
  ctx: ServiceContext,
  userId: string,
  password?: string,
): Promise<AccountRecord & { generatedPassword: string | null }> {
  let record: AccountRecord;
  if (ctx.actor) {
    accountManagementPolicy(ctx);
    notSelfPolicy(ctx, userId, '重置');
    record = await managedAccount(ctx, userId, ['systemAdmin']);
  } else {
    const user = await findUserById(ctx.tx, ctx.tenantCode, userId);
    if (!user) throw notFound('账号');
    record = { user, roles: await listRoleAssignments(ctx.tx, ctx.tenantCode, [userId]) };
  }
  const generatedPassword = password === undefined ? generatePassword() : null;
  const newPassword = password ?? generatedPassword ?? '';
  const { settings } = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
  checkPasswordPolicy(newPassword, record.user.username, settings);
  const now = ctx.clock.now();
  const user = await updateUser(ctx.tx, ctx.tenantCode, userId, {
    passwordHash: await hashPassword(newPassword, ctx.config.passwordCost),
    passwordChangedAt: now,
    mustChangePassword: true,
    failedAttempts: 0,
    lockedUntil: null,
    updatedAt: now,
  });
  await endUserSessions(ctx.tx, ctx.tenantCode, userId, now, 'passwordReset');
  await appendAuditEvent(ctx, {
    action: 'user.resetPassword',
    entityType: 'user',
    entityId: userId,
    organizationId: record.roles[0]?.organizationId ?? null,
    change: { username: user.username, generated: generatedPassword !== null },
  });
  return { user, roles: record.roles, generatedPassword };
}

/** Assigns a role on an organization subtree, keeping the three administrator roles apart. */
export async function assignRole(
  ctx: ServiceContext,
  input: { userId: string; role: Role; organizationId: string },
): Promise<AccountRecord> {
  const record = ctx.actor
    ? (accountManagementPolicy(ctx), await managedAccount(ctx, input.userId, ['systemAdmin']))
    : await platformAccount(ctx, input.userId);
  const organization = await findOrganization(ctx.tx, ctx.tenantCode, input.organizationId);
  if (!organization) throw notFound('组织');
  if (ctx.actor) {
    roleAssignmentPolicy(
      ctx,
      { userId: input.userId, heldRoles: record.roles.map((held) => held.role) },
      { role: input.role, organizationPath: organization.path },
    );
  } else {
    roleCombinationPolicy(
      record.roles.map((held) => held.role),
      input.role,
    );
  }
  if (record.roles.some((held) => held.role === input.role && held.organizationId === input.organizationId)) {
    throw new AppError('CONFLICT', `该账号已在「${organization.name}」担任${roleLabels[input.role]}`, 'role');
  }
  const now = ctx.clock.now();
  const assignmentId = newId();
  await insertRoleAssignment(ctx.tx, {
    tenantCode: ctx.tenantCode,
    id: assignmentId,
    userId: input.userId,
    role: input.role,
    organizationId: input.organizationId,
    createdAt: now,
  });
  await updateUser(ctx.tx, ctx.tenantCode, input.userId, { updatedAt: now });
  await appendAuditEvent(ctx, {
    action: 'user.assignRole',
    entityType: 'user',
    entityId: input.userId,
    organizationId: input.organizationId,
    change: { assignmentId, role: input.role, organizationId: input.organizationId },
  });
  return { user: record.user, roles: await listRoleAssignments(ctx.tx, ctx.tenantCode, [input.userId]) };
}

/** Removes one role assignment (never the last one, never one's own). */
export async function removeRole(
  ctx: ServiceContext,
  userId: string,
  assignmentId: string,
): Promise<AccountRecord> {
  accountManagementPolicy(ctx);
  const record = await managedAccount(ctx, userId, ['systemAdmin']);
  const assignment = record.roles.find((held) => held.id === assignmentId);
  if (!assignment) throw notFound('角色分配');
  roleRemovalPolicy(
    ctx,
    { userId, roleCount: record.roles.length },
    { organizationPath: assignment.organizationPath },
  );
  await deleteRoleAssignment(ctx.tx, ctx.tenantCode, assignmentId);
  await updateUser(ctx.tx, ctx.tenantCode, userId, { updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action: 'user.removeRole',
    entityType: 'user',
    entityId: userId,
    organizationId: assignment.organizationId,
    change: { assignmentId, role: assignment.role, organizationId: assignment.organizationId },
  });
  return { user: record.user, roles: record.roles.filter((held) => held.id !== assignmentId) };
}

/** Lifts a lockout (security administrator within his subtrees). */
export async function unlockAccount(ctx: ServiceContext, userId: string): Promise<AccountRecord> {
  accountUnlockPolicy(ctx);
  const record = await managedAccount(ctx, userId, ['securityAdmin']);
  const user = await updateUser(ctx.tx, ctx.tenantCode, userId, {
    failedAttempts: 0,
    lockedUntil: null,
    updatedAt: ctx.clock.now(),
  });
  await appendAuditEvent(ctx, {
    action: 'user.unlock',
    entityType: 'user',
    entityId: userId,
    organizationId: record.roles[0]?.organizationId ?? null,
    change: {
      username: user.username,
      lockedUntil: record.user.lockedUntil?.toISOString() ?? null,
      failedAttempts: record.user.failedAttempts,
    },
  });
  return { user, roles: record.roles };
}

/**
 * Clears an administrator's TOTP second factor (a lost or replaced authenticator): the next
 * sign-in enrolls a new secret. The security administrator within his subtrees, never his own;
 * or the platform operator (`fazhi user reset-totp`). The user's sessions end.
 */
export async function resetSecondFactor(ctx: ServiceContext, userId: string): Promise<AccountRecord> {
  let record: AccountRecord;
  if (ctx.actor) {
    accountUnlockPolicy(ctx);
    notSelfPolicy(ctx, userId, '重置动态验证码：');
    record = await managedAccount(ctx, userId, ['securityAdmin']);
  } else {
    record = await platformAccount(ctx, userId);
  }
  if (!record.user.totpEnabled && !record.user.totpSecret) {
    throw new AppError('CONFLICT', `账号「${record.user.username}」没有绑定动态验证码，无需重置`);
  }
  const now = ctx.clock.now();
  const user = await updateUser(ctx.tx, ctx.tenantCode, userId, {
    totpSecret: null,
    totpEnabled: false,
    totpLastStep: null,
    updatedAt: now,
  });
  await endUserSessions(ctx.tx, ctx.tenantCode, userId, now, 'secondFactorReset');
  await appendAuditEvent(ctx, {
    action: 'user.resetSecondFactor',
    entityType: 'user',
    entityId: userId,
    organizationId: record.roles[0]?.organizationId ?? null,
    change: { username: user.username, wasEnabled: record.user.totpEnabled },
  });
  return { user, roles: record.roles };
}

export const accountExportHeaders = [
  '用户名',
  '姓名',
  '角色',
  '状态',
  '锁定至',
  '须修改密码',
  '动态验证码',
  '最近登录',
  '创建时间',
];

/** The filtered account list as an .xlsx workbook with Chinese headers; the export is audited. */
export async function exportAccounts(ctx: ServiceContext, filter: AccountFilter): Promise<Buffer> {
  accountManagementPolicy(ctx);
  const accountQuery = await buildAccountQuery(ctx, filter);
  const rows = await selectAccounts(ctx.tx, ctx.tenantCode, accountQuery, { limit: 50_000, offset: 0 });
  const records = await withRoles(ctx, rows);
  const now = ctx.clock.now();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '法治政府建设平台';
  workbook.created = now;
  const sheet = workbook.addWorksheet('账号');
  sheet.columns = accountExportHeaders.map((header) => ({ header, width: header === '角色' ? 48 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const { user, roles } of records) {
    const isLocked = user.lockedUntil !== null && user.lockedUntil > now;
    sheet.addRow([
      user.username,
      user.displayName,
      roles.map((held) => `${roleLabels[held.role]}（${held.organizationName}）`).join('；'),
      !user.isActive ? '已停用' : isLocked ? '已锁定' : '正常',
      isLocked && user.lockedUntil ? formatChinaTime(user.lockedUntil) : '',
      user.mustChangePassword ? '是' : '否',
      user.totpEnabled ? '已绑定' : '未绑定',
      user.lastSignInAt ? formatChinaTime(user.lastSignInAt) : '',
      formatChinaTime(user.createdAt),
    ]);
  }
  await appendAuditEvent(ctx, {
    action: 'user.export',
    entityType: 'user',
    entityId: 'export',
    organizationId: requireActor(ctx).activeOrganizationId,
    change: { filter, rows: records.length },
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function buildAccountQuery(ctx: ServiceContext, filter: AccountFilter): Promise<AccountQuery> {
  let organizationPath: string | undefined;
  if (filter.organizationId) {
    const organization = await findOrganization(ctx.tx, ctx.tenantCode, filter.organizationId);
    // An organization outside the scope simply matches nothing, through the scope below.
    organizationPath = organization?.path ?? '/nothing/';
  }
  return {
    scope: organizationScope(ctx, roleAssignments.organizationId, ['systemAdmin']),
    search: filter.search,
    role: filter.role,
    organizationPath,
    locked: filter.locked,
    active: filter.active,
    now: ctx.clock.now(),
  };
}

async function withRoles(ctx: ServiceContext, rows: UserRow[]): Promise<AccountRecord[]> {
  const assignments = await listRoleAssignments(
    ctx.tx,
    ctx.tenantCode,
    rows.map((row) => row.id),
  );
  return rows.map((user) => ({
    user,
    roles: assignments.filter((assignment) => assignment.userId === user.id),
  }));
}

/** The account, when one of its roles lies in a subtree where the caller holds one of `roles`; else 404. */
async function managedAccount(
  ctx: ServiceContext,
  userId: string,
  roles: readonly Role[],
): Promise<AccountRecord> {
  const actor = requireActor(ctx);
  const user = await findUserById(ctx.tx, ctx.tenantCode, userId);
  if (!user) throw notFound('账号');
  const assignments = await listRoleAssignments(ctx.tx, ctx.tenantCode, [userId]);
  const paths = actor.roles.filter((held) => roles.includes(held.role)).map((held) => held.organizationPath);
  const inScope = assignments.some((assignment) =>
    paths.some((path) => assignment.organizationPath.startsWith(path)),
  );
  if (!inScope) throw notFound('账号');
  return { user, roles: assignments };
}

async function platformAccount(ctx: ServiceContext, userId: string): Promise<AccountRecord> {
  const user = await findUserById(ctx.tx, ctx.tenantCode, userId);
  if (!user) throw notFound('账号');
  return { user, roles: await listRoleAssignments(ctx.tx, ctx.tenantCode, [userId]) };
}

/** The organization exists and, for a system administrator, lies in his subtree; else 404 naming the field. */
async function organizationInScope(
  ctx: ServiceContext,
  organizationId: string,
  field: string,
): Promise<void> {
  const organization = await findOrganization(ctx.tx, ctx.tenantCode, organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内', field);
  if (ctx.actor) {
    try {
      organizationManagedPolicy(ctx.actor, organization.path);
    } catch {
      throw new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内', field);
    }
  }
}
