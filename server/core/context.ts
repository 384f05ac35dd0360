import type { Role } from '../../contracts/roles';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database, Executor } from './db/open-database';
import type { Logger } from './logger';

/** A role the actor holds, with the path of the organization subtree it covers. */
export interface HeldRole {
  role: Role;
  organizationId: string;
  organizationPath: string;
}

/** Who is acting. `null` in a context means the platform itself (CLI, seed, scheduled work). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: HeldRole[];
  activeOrganizationId: string | null;
  sessionId?: string;
  ip?: string;
}

/** What every service and route is built with; tests build their own. */
export interface Deps {
  db: Database;
  config: Config;
  clock: Clock;
  logger: Logger;
}

/** What a service function receives: the transaction, the actor, the clock. */
export interface ServiceContext {
  tx: Executor;
  tenantCode: string;
  actor: Actor | null;
  clock: Clock;
  logger: Logger;
  config: Config;
}

/** Runs `work` in one transaction: everything it writes, the audit events included, commits or none of it. */
export async function inTransaction<T>(
  deps: Deps,
  actor: Actor | null,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) =>
    work({
      tx,
      tenantCode: deps.config.tenantCode,
      actor,
      clock: deps.clock,
      logger: deps.logger,
      config: deps.config,
    }),
  );
}

/** A read-only context outside a transaction. */
export function readContext(deps: Deps, actor: Actor | null): ServiceContext {
  return {
    tx: deps.db,
    tenantCode: deps.config.tenantCode,
    actor,
    clock: deps.clock,
    logger: deps.logger,
    config: deps.config,
  };
}

export const actorName = (actor: Actor | null) =>
  actor ? `${actor.displayName}（${actor.username}）` : '系统';
