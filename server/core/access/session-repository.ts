import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/open-database';
import { sessions } from './access-tables';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(executor: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await executor.insert(sessions).values(row);
}

export async function findSession(
  executor: Executor,
  tenantCode: string,
  sessionId: string,
): Promise<SessionRow | undefined> {
  const [row] = await executor
    .select()
    .from(sessions)
    .where(and(eq(sessions.tenantCode, tenantCode), eq(sessions.id, sessionId)));
  return row;
}

export async function updateSession(
  executor: Executor,
  tenantCode: string,
  sessionId: string,
  changes: Partial<typeof sessions.$inferInsert>,
): Promise<void> {
  await executor
    .update(sessions)
    .set(changes)
    .where(and(eq(sessions.tenantCode, tenantCode), eq(sessions.id, sessionId)));
}
