import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { users } from './access-tables';

/** The staff record (person) the signed-in account belongs to, or null (administrators have none). */
export async function actorPersonId(ctx: ServiceContext): Promise<string | null> {
  if (!ctx.actor) return null;
  const [row] = await ctx.tx
    .select({ personId: users.personId })
    .from(users)
    .where(and(eq(users.tenantCode, ctx.tenantCode), eq(users.id, ctx.actor.userId)));
  return row?.personId ?? null;
}
