import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantCode, updatedAt } from '../db/columns';

/** 用户账号. Sessions and lockout live in the database so servers stay stateless. */
export const users = pgTable(
  'users',
  {
    tenantCode: tenantCode(),
    id: id(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    personId: uuid('person_id'),
    /** scrypt$N$r$p$salt$hash */
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: instant('password_changed_at').notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: instant('locked_until'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** the last TOTP time step accepted: a code is good once (RFC 6238 §5.2) */
    totpLastStep: integer('totp_last_step'),
    isActive: boolean('is_active').notNull().default(true),
    lastSignInAt: instant('last_sign_in_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    uniqueIndex('users_username_idx').on(table.tenantCode, table.username),
  ],
);

/** A role held on an organization subtree. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    tenantCode: tenantCode(),
    id: id(),
    userId: uuid('user_id').notNull(),
    role: varchar('role', { length: 32 }).notNull(),
    organizationId: uuid('organization_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('role_assignments_user_idx').on(table.tenantCode, table.userId),
  ],
);

/** A signed-in session; the id is the SHA-256 of the bearer token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    tenantCode: tenantCode(),
    id: varchar('id', { length: 64 }).notNull(),
    userId: uuid('user_id').notNull(),
    activeOrganizationId: uuid('active_organization_id'),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    endedAt: instant('ended_at'),
    /** signedOut | idle | passwordChanged | revoked */
    endReason: varchar('end_reason', { length: 24 }),
    ip: varchar('ip', { length: 64 }),
    userAgent: text('user_agent'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('sessions_user_idx').on(table.tenantCode, table.userId),
  ],
);

/** Security settings kept by the security administrator (password policy, lockout, idle timeout). */
export const securitySettings = pgTable(
  'security_settings',
  {
    tenantCode: tenantCode(),
    key: varchar('key', { length: 64 }).notNull(),
    value: jsonb('value').notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.tenantCode, table.key] })],
);
