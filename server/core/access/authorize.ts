import type { Role } from '../../../contracts/roles';
import type { Actor, HeldRole, ServiceContext } from '../context';
import { AppError } from '../errors';

/** The signed-in actor, or 401. */
export function requireActor(ctx: Pick<ServiceContext, 'actor'>): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx.actor;
}

/**
 * The actor's held roles among `roles`, or 403. With `organizationPath`, only roles whose subtree
 * contains that organization count (a path is the chain of ids from the root, e.g. `/a/b/c/`).
 */
export function requireRole(
  ctx: Pick<ServiceContext, 'actor'>,
  roles: readonly Role[],
  organizationPath?: string,
): HeldRole[] {
  const actor = requireActor(ctx);
  const held = actor.roles.filter(
    (candidate) =>
      roles.includes(candidate.role) &&
      (organizationPath === undefined || organizationPath.startsWith(candidate.organizationPath)),
  );
  if (held.length === 0) throw new AppError('FORBIDDEN', '当前角色无权执行此操作');
  return held;
}

export const hasRole = (actor: Actor | null, roles: readonly Role[]) =>
  Boolean(actor?.roles.some((held) => roles.includes(held.role)));
