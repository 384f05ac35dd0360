import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../contracts/accounts';
import type { Role } from '../../../contracts/roles';
import { navigationFor } from './navigation';

const userWith = (...roles: Role[]): CurrentUser => ({
  user: { id: 'u', username: 'u', displayName: '用户', mustChangePassword: false, totpEnabled: false },
  roles: roles.map((role) => ({ role, roleLabel: role, organizationId: 'o', organizationName: '机关' })),
  activeOrganization: null,
  organizations: [],
  session: { idleMinutes: 30, expiresAt: '2026-11-23T12:00:00Z' },
});

const enforcementPages = (me: CurrentUser) =>
  navigationFor(me)
    .find((item) => item.label === '行政执法')
    ?.children?.map((child) => child.label) ?? [];

describe('the console menu', () => {
  it('shows a department liaison the benchmarks and the catalogue he keeps, and no case pages', () => {
    expect(enforcementPages(userWith('liaison'))).toEqual(['裁量基准', '重大执法决定目录']);
  });

  it('shows a group only the pages of the user’s roles', () => {
    expect(enforcementPages(userWith('officer'))).not.toContain('案卷评查');
    expect(enforcementPages(userWith('justiceBureau'))).toContain('案卷评查');
    expect(navigationFor(userWith('systemAdmin')).map((item) => item.label)).not.toContain('行政执法');
  });
});
