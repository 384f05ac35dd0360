import { timestamp, varchar, uuid } from 'drizzle-orm/pg-core';

/** The tenant's jurisdiction code: the first column of every tenant table's primary key (Citus-ready). */
export const tenantCode = () => varchar('tenant_code', { length: 12 }).notNull();
export const id = () => uuid('id').notNull();
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
