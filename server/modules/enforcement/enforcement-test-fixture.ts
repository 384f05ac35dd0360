import { and, eq } from 'drizzle-orm';
import { loadActor } from '../../core/access/load-actor';
import { ensureCalendarLoaded } from '../../core/calendar/ensure-calendar-loaded';
import { inTransaction, type Actor } from '../../core/context';
import { composeCreditCode, idNumberCheckCharacter } from '../../core/identity/national-codes';
import type { TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, createTestUser, signIn, type TestUser } from '../../test/factories';
import { createCertificate } from '../org/certificate-service';
import { organizations } from '../org/org-tables';
import { createPerson } from '../org/person-service';
import { addChange, createChangeSet, performChangeSetAction } from '../powers/power-service';

/**
 * A city with a market-supervision bureau ready to enforce, for the enforcement tests: two officers
 * with valid certificates (and a third whose certificate has expired), a qualified legal reviewer
 * and one without the qualification, the agency head, accounts linked to their staff records, and
 * a 权责清单 holding one penalty item in force (and one inspection item), approved through the
 * real change-set procedure. The clock must stand on or before `listEffectiveOn`.
 */

export interface EnforcementFixture {
  cityId: string;
  marketId: string;
  otherBodyId: string;
  penaltyItemId: string;
  inspectionItemId: string;
  otherBodyItemId: string;
  people: Record<
    'officerA' | 'officerB' | 'expiredOfficer' | 'reviewer' | 'unqualifiedReviewer' | 'head',
    string
  >;
  users: Record<
    | 'officerA'
    | 'officerB'
    | 'expiredOfficer'
    | 'reviewer'
    | 'unqualifiedReviewer'
    | 'head'
    | 'justice'
    | 'otherOfficer',
    TestUser
  >;
  actor(user: TestUser): Promise<Actor>;
  headers(user: TestUser): Promise<{ cookie: string }>;
}

export function testIdNumber(division: string, birth: string, sequence: number): string {
  const first17 = `${division}${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17) ?? '0'}`;
}

export const testCreditCode = (body8: string) => composeCreditCode('91', '410300', body8);

export async function buildEnforcementFixture(
  platform: TestPlatform,
  options: { listEffectiveOn: string; certificatePrefix?: string } = { listEffectiveOn: '2026-09-28' },
): Promise<EnforcementFixture> {
  await ensureCalendarLoaded(platform.deps);
  const city = await createTestOrganization(platform, { name: '示范市人民政府', jurisdictionCode: '410300' });
  const market = await createTestOrganization(platform, {
    name: '示范市市场监督管理局',
    parentId: city.id,
    kind: 'enforcementBody',
  });
  const other = await createTestOrganization(platform, {
    name: '示范市生态环境局',
    parentId: city.id,
    kind: 'enforcementBody',
  });
  for (const [id, shortName, field] of [
    [market.id, '示市监', '市场监管'],
    [other.id, '示环', '生态环境'],
  ] as const) {
    await platform.deps.db
      .update(organizations)
      .set({ shortName, enforcementField: field, authorityType: 'statutory' })
      .where(and(eq(organizations.tenantCode, platform.config.tenantCode), eq(organizations.id, id)));
  }

  // a second fixture in the same database (benchmarks) needs certificate numbers of its own
  const certificatePrefix = options.certificatePrefix ?? '41030000';
  const people = await inTransaction(platform.deps, null, async (ctx) => {
    const person = (
      name: string,
      duties: ('officer' | 'legalReviewer' | 'principal')[],
      sequence: number,
      qualified = false,
    ) =>
      createPerson(ctx, {
        organizationId: market.id,
        name,
        idNumber: testIdNumber('410302', '1985-03-0' + String((sequence % 9) + 1), sequence),
        duties,
        hasLegalQualification: qualified,
      });
    const officerA = await person('王建国', ['officer'], 11);
    const officerB = await person('李秀兰', ['officer'], 12);
    const expiredOfficer = await person('赵志强', ['officer'], 13);
    const reviewer = await person('陈静', ['legalReviewer'], 14, true);
    const unqualifiedReviewer = await person('刘洋', ['legalReviewer'], 15);
    const head = await person('周明', ['principal'], 16);
    const certificate = (personId: string, number: string, expiresOn: string) =>
      createCertificate(ctx, {
        personId,
        number,
        field: '市场监管',
        issuedBy: '河南省人民政府',
        issuedOn: '2022-01-10',
        expiresOn,
        status: 'valid',
      });
    await certificate(officerA.id, `${certificatePrefix}001`, '2029-12-31');
    await certificate(officerB.id, `${certificatePrefix}002`, '2029-12-31');
    await certificate(expiredOfficer.id, `${certificatePrefix}003`, '2026-06-30');
    return {
      officerA: officerA.id,
      officerB: officerB.id,
      expiredOfficer: expiredOfficer.id,
      reviewer: reviewer.id,
      unqualifiedReviewer: unqualifiedReviewer.id,
      head: head.id,
    };
  });

  const users = {
    officerA: await createTestUser(platform, {
      role: 'officer',
      organizationId: market.id,
      personId: people.officerA,
    }),
    officerB: await createTestUser(platform, {
      role: 'officer',
      organizationId: market.id,
      personId: people.officerB,
    }),
    expiredOfficer: await createTestUser(platform, {
      role: 'officer',
      organizationId: market.id,
      personId: people.expiredOfficer,
    }),
    reviewer: await createTestUser(platform, {
      role: 'legalReviewer',
      organizationId: market.id,
      personId: people.reviewer,
    }),
    unqualifiedReviewer: await createTestUser(platform, {
      role: 'legalReviewer',
      organizationId: market.id,
      personId: people.unqualifiedReviewer,
    }),
    head: await createTestUser(platform, {
      role: 'agencyHead',
      organizationId: market.id,
      personId: people.head,
    }),
    justice: await createTestUser(platform, { role: 'justiceBureau', organizationId: city.id }),
    otherOfficer: await createTestUser(platform, { role: 'officer', organizationId: other.id }),
  };
  const actor = async (user: TestUser) => {
    const loaded = await loadActor(platform.deps.db, platform.config.tenantCode, user.id);
    if (!loaded) throw new Error(`no actor for ${user.username}`);
    return loaded;
  };

  const liaison = await actor(await createTestUser(platform, { role: 'liaison', organizationId: city.id }));
  const justiceActor = await actor(users.justice);
  const approveItems = async (
    organizationId: string,
    items: { code: string; name: string; kind: string }[],
  ) => {
    const ids: string[] = [];
    const changeSet = await inTransaction(platform.deps, liaison, (ctx) =>
      createChangeSet(ctx, {
        organizationId,
        listKind: 'power',
        title: '编制权责清单',
        reason: '依据法律法规编制',
        basis: null,
        effectiveOn: options.listEffectiveOn,
      }),
    );
    await inTransaction(platform.deps, liaison, async (ctx) => {
      for (const item of items) {
        await addChange(ctx, changeSet.id, {
          changeType: 'add',
          reason: null,
          content: {
            code: item.code,
            name: item.name,
            kind: item.kind,
            legalBasisText: '《中华人民共和国食品安全法》第一百二十二条',
            details: {
              implementingBody: '示范市市场监督管理局',
              duties: '立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任',
              accountability: '没有法律依据实施处罚的；擅自改变处罚种类、幅度的',
              statutoryTimeLimit: 90,
            },
          },
        } as never);
      }
      await performChangeSetAction(ctx, changeSet.id, { action: 'submit' });
    });
    await inTransaction(platform.deps, justiceActor, (ctx) =>
      performChangeSetAction(ctx, changeSet.id, { action: 'approve' }),
    );
    const rows = await platform.deps.db.execute(
      `SELECT item_id, code FROM power_item_versions WHERE change_set_id = '${changeSet.id}' ORDER BY code`,
    );
    for (const row of (rows as { rows: { item_id: string; code: string }[] }).rows) ids.push(row.item_id);
    return ids;
  };
  const [penaltyItemId = '', inspectionItemId = ''] = await approveItems(market.id, [
    { code: 'CF-001', name: '对未取得食品生产经营许可从事食品生产经营活动的行政处罚', kind: 'penalty' },
    { code: 'JC-001', name: '对食品生产经营者的监督检查', kind: 'inspection' },
  ]);
  const [otherBodyItemId = ''] = await approveItems(other.id, [
    { code: 'CF-101', name: '对超标排放大气污染物的行政处罚', kind: 'penalty' },
  ]);
  return {
    cityId: city.id,
    marketId: market.id,
    otherBodyId: other.id,
    penaltyItemId,
    inspectionItemId,
    otherBodyItemId,
    people,
    users,
    actor,
    headers: async (user) => (await signIn(platform, user.username)).headers,
  };
}
