import { isAdministratorRole, roleLabels, type Role } from '../../../contracts/roles';
import type { Actor, HeldRole, ServiceContext } from '../context';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { requireActor, requireRole } from './authorize';

/*
 * Who may do what with accounts, roles, security settings and the audit trail. The three
 * administrator roles (三员) are kept apart: the system administrator manages accounts and role
 * assignments, the security administrator the security settings and locked accounts, the audit
 * administrator only reads the audit trail. None of them can do another's work, and an
 * administrator holds no business role.
 */

/** Managing accounts and role assignments: the system administrator, within his subtrees. */
export function accountManagementPolicy(ctx: Pick<ServiceContext, 'actor'>): HeldRole[] {
  return requireRole(ctx, ['systemAdmin']);
}

/** Unlocking accounts: the security administrator, within his subtrees. */
export function accountUnlockPolicy(ctx: Pick<ServiceContext, 'actor'>): HeldRole[] {
  return requireRole(ctx, ['securityAdmin']);
}

/** Reading the security settings: any security administrator. */
export function securitySettingsReadPolicy(ctx: Pick<ServiceContext, 'actor'>): HeldRole[] {
  return requireRole(ctx, ['securityAdmin']);
}

/** The settings bind the whole tenant, so only a security administrator of a root organization changes them. */
export function securitySettingsWritePolicy(ctx: Pick<ServiceContext, 'actor'>): HeldRole[] {
  const held = requireRole(ctx, ['securityAdmin']).filter((role) => isRootPath(role.organizationPath));
  if (held.length === 0) throw forbidden('只有本级政府的安全管理员可以修改安全设置');
  return held;
}

/** Reading the audit trail: the audit administrator only. */
export function auditTrailPolicy(ctx: Pick<ServiceContext, 'actor'>): HeldRole[] {
  return requireRole(ctx, ['auditAdmin']);
}

/** The system administrator's subtree must contain the organization; outside it the organization is not found. */
export function organizationManagedPolicy(actor: Actor, organizationPath: string): void {
  const covers = actor.roles.some(
    (held) => held.role === 'systemAdmin' && organizationPath.startsWith(held.organizationPath),
  );
  if (!covers) throw notFound('组织');
}

/** A user may hold at most one administrator role (on any number of organizations), and then no business role. */
export function roleCombinationPolicy(held: readonly Role[], added: Role): void {
  const heldAdministrator = held.find(isAdministratorRole);
  if (isAdministratorRole(added)) {
    if (heldAdministrator && heldAdministrator !== added) {
      throw invalid(
        'role',
        `该账号已是${roleLabels[heldAdministrator]}，三员角色互斥，不能再担任${roleLabels[added]}`,
      );
    }
    const business = held.find((role) => !isAdministratorRole(role));
    if (business) {
      throw invalid('role', `该账号已有业务角色「${roleLabels[business]}」，不能再担任${roleLabels[added]}`);
    }
  } else if (heldAdministrator) {
    throw invalid('role', `${roleLabels[heldAdministrator]}不能同时担任业务角色「${roleLabels[added]}」`);
  }
}

/** A system administrator never changes his own roles: no one grants himself an administrator role. */
export function roleAssignmentPolicy(
  ctx: Pick<ServiceContext, 'actor'>,
  target: { userId: string; heldRoles: readonly Role[] },
  added: { role: Role; organizationPath: string },
): void {
  const actor = requireActor(ctx);
  accountManagementPolicy(ctx);
  organizationManagedPolicy(actor, added.organizationPath);
  if (target.userId === actor.userId) {
    throw forbidden(
      isAdministratorRole(added.role) ? '不能为自己分配管理员角色' : '系统管理员不能为自己分配角色',
    );
  }
  roleCombinationPolicy(target.heldRoles, added.role);
}

/** Removing a role: never one's own, and an account keeps at least one role (deactivate it instead). */
export function roleRemovalPolicy(
  ctx: Pick<ServiceContext, 'actor'>,
  target: { userId: string; roleCount: number },
  removed: { organizationPath: string },
): void {
  const actor = requireActor(ctx);
  accountManagementPolicy(ctx);
  organizationManagedPolicy(actor, removed.organizationPath);
  if (target.userId === actor.userId) throw forbidden('系统管理员不能修改自己的角色');
  if (target.roleCount <= 1) throw invalid('role', '账号至少保留一个角色；不再使用的账号请停用');
}

/** Deactivating or resetting one's own account through the management API is refused. */
export function notSelfPolicy(
  ctx: Pick<ServiceContext, 'actor'>,
  targetUserId: string,
  action: string,
): void {
  const actor = requireActor(ctx);
  if (actor.userId === targetUserId) throw forbidden(`不能${action}自己的账号`);
}

/** The three administrator roles must sign in with a second factor (TOTP). */
export const requiresSecondFactor = (roles: readonly Role[]) => roles.some(isAdministratorRole);

export const isRootPath = (path: string) => path.split('/').filter(Boolean).length === 1;

/** Thrown when a user tries to use a role he does not hold in the organization he switches to. */
export const outsideScope = () => new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内');
