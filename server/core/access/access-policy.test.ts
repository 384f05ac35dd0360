import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles';
import type { Actor } from '../context';
import { AppError } from '../errors';
import {
  accountManagementPolicy,
  accountUnlockPolicy,
  auditTrailPolicy,
  organizationManagedPolicy,
  requiresSecondFactor,
  roleAssignmentPolicy,
  roleCombinationPolicy,
  roleRemovalPolicy,
  securitySettingsReadPolicy,
  securitySettingsWritePolicy,
} from './access-policy';

const city = '/c/';
const county = '/c/k/';
const actor = (role: Role, path = city, userId = `u-${role}`): { actor: Actor } => ({
  actor: {
    userId,
    username: role,
    displayName: role,
    roles: [{ role, organizationId: path.split('/').at(-2) ?? '', organizationPath: path }],
    activeOrganizationId: null,
  },
});
const codeOf = (work: () => unknown) => {
  try {
    work();
    return 'allowed';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
};

describe('the three administrators are kept apart', () => {
  const policies = {
    accountManagement: accountManagementPolicy,
    accountUnlock: accountUnlockPolicy,
    securitySettingsRead: securitySettingsReadPolicy,
    securitySettingsWrite: securitySettingsWritePolicy,
    auditTrail: auditTrailPolicy,
  };
  const owner: Record<keyof typeof policies, Role> = {
    accountManagement: 'systemAdmin',
    accountUnlock: 'securityAdmin',
    securitySettingsRead: 'securityAdmin',
    securitySettingsWrite: 'securityAdmin',
    auditTrail: 'auditAdmin',
  };
  for (const [name, policy] of Object.entries(policies) as [
    keyof typeof policies,
    (ctx: { actor: Actor | null }) => unknown,
  ][]) {
    it(`${name}: only the ${owner[name]}`, () => {
      for (const role of [
        'systemAdmin',
        'securityAdmin',
        'auditAdmin',
        'justiceBureau',
        'leader',
        'officer',
      ] as const) {
        expect(
          codeOf(() => policy(actor(role))),
          role,
        ).toBe(role === owner[name] ? 'allowed' : 'FORBIDDEN');
      }
      expect(codeOf(() => policy({ actor: null }))).toBe('UNAUTHENTICATED');
    });
  }

  it('lets only a root security administrator change the tenant-wide settings', () => {
    expect(codeOf(() => securitySettingsWritePolicy(actor('securityAdmin', county)))).toBe('FORBIDDEN');
    expect(codeOf(() => securitySettingsReadPolicy(actor('securityAdmin', county)))).toBe('allowed');
  });

  it('allows one administrator role and then no business role', () => {
    expect(codeOf(() => roleCombinationPolicy([], 'auditAdmin'))).toBe('allowed');
    expect(codeOf(() => roleCombinationPolicy(['auditAdmin'], 'auditAdmin'))).toBe('allowed');
    expect(codeOf(() => roleCombinationPolicy(['systemAdmin'], 'securityAdmin'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => roleCombinationPolicy(['securityAdmin'], 'auditAdmin'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => roleCombinationPolicy(['officer'], 'systemAdmin'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => roleCombinationPolicy(['auditAdmin'], 'leader'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => roleCombinationPolicy(['officer'], 'legalReviewer'))).toBe('allowed');
  });

  it('never lets the system administrator assign a role to himself, nor outside his subtree', () => {
    const admin = actor('systemAdmin', county, 'me');
    expect(
      codeOf(() =>
        roleAssignmentPolicy(
          admin,
          { userId: 'me', heldRoles: ['systemAdmin'] },
          { role: 'auditAdmin', organizationPath: county },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(() =>
        roleAssignmentPolicy(
          admin,
          { userId: 'other', heldRoles: ['officer'] },
          { role: 'legalReviewer', organizationPath: '/c/other/' },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(() =>
        roleAssignmentPolicy(
          admin,
          { userId: 'other', heldRoles: ['officer'] },
          { role: 'legalReviewer', organizationPath: '/c/k/x/' },
        ),
      ),
    ).toBe('allowed');
    expect(
      codeOf(() =>
        roleAssignmentPolicy(
          actor('securityAdmin'),
          { userId: 'other', heldRoles: [] },
          { role: 'officer', organizationPath: county },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('keeps at least one role on an account', () => {
    const admin = actor('systemAdmin', city, 'me');
    expect(
      codeOf(() => roleRemovalPolicy(admin, { userId: 'x', roleCount: 1 }, { organizationPath: county })),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() => roleRemovalPolicy(admin, { userId: 'x', roleCount: 2 }, { organizationPath: county })),
    ).toBe('allowed');
    expect(
      codeOf(() => roleRemovalPolicy(admin, { userId: 'me', roleCount: 2 }, { organizationPath: county })),
    ).toBe('FORBIDDEN');
  });

  it('scopes management to the subtree', () => {
    expect(codeOf(() => organizationManagedPolicy(actor('systemAdmin', county).actor, '/c/k/x/'))).toBe(
      'allowed',
    );
    expect(codeOf(() => organizationManagedPolicy(actor('systemAdmin', county).actor, '/c/'))).toBe(
      'NOT_FOUND',
    );
  });

  it('asks a second factor of the administrators only', () => {
    expect(requiresSecondFactor(['auditAdmin'])).toBe(true);
    expect(requiresSecondFactor(['officer', 'leader'])).toBe(false);
  });
});
