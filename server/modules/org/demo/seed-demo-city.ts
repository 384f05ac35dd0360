import type { Role } from '../../../../contracts/roles';
import { createUser } from '../../../core/access/account-service';
import { signIn } from '../../../core/access/auth-service';
import { civilDate } from '../../../core/clock';
import { inTransaction, type Deps, type ServiceContext } from '../../../core/context';
import { createCertificate } from '../certificate-service';
import { ensureJurisdictionsLoaded } from '../ensure-jurisdictions-loaded';
import { countTenantOrganizations, listJurisdictions } from '../org-repository';
import { composeCreditCode, idNumberCheckCharacter } from '../../../core/identity/national-codes';
import { createOrganization } from '../organization-service';
import { createPerson } from '../person-service';
import {
  cityDepartments,
  countyDepartments,
  demoCityName,
  demoCountyCodes,
  detailedCountyCodes,
  givenNames,
  officerPositions,
  surnames,
  type DemoDepartment,
} from './demo-names';

/** The one password every demo account shares; it meets the default password policy. */
export const demoPassword = 'Fazhi@2026demo';

export interface DemoAccount {
  role: Role;
  username: string;
  displayName: string;
  organizationName: string;
  totpSecret: string | null;
}

export interface DemoCitySummary {
  organizations: number;
  people: number;
  certificates: number;
  accounts: DemoAccount[];
}

/** mulberry32: a small seeded PRNG, so the same seed gives the same city. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Generates the demo city through the real services (so every record is audited): 示范市人民政府,
 * its 14 county-level governments, city departments and enforcement bodies, county departments
 * for a few counties, townships from the jurisdiction data, officers with certificates (some
 * expired, some suspended), legal reviewers, principals, liaisons, and one account per role.
 */
export async function seedDemoCity(
  deps: Deps,
  options: { onProgress?: (message: string) => void } = {},
): Promise<DemoCitySummary> {
  const progress = options.onProgress ?? (() => undefined);
  await ensureJurisdictionsLoaded(deps);
  return inTransaction(deps, null, async (ctx) => {
    const random = seededRandom(410300);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const today = civilDate(ctx.clock.now());
    const usedCodes = new Set<string>();
    const creditCode = (division: string, prefix = '11') => {
      for (;;) {
        const body = String(Math.floor(random() * 1e8)).padStart(8, '0');
        const code = composeCreditCode(prefix, division, body);
        if (!usedCodes.has(code)) {
          usedCodes.add(code);
          return code;
        }
      }
    };
    let idSequence = 0;
    const idNumber = (division: string, gender: 'male' | 'female') => {
      idSequence += 1;
      const birth = addDays('1968-01-01', Math.floor(random() * 30 * 365));
      const sequence = (idSequence % 450) * 2 + (gender === 'male' ? 1 : 0) + 100;
      const first17 = `${division}${birth.replace(/-/g, '')}${String(sequence).slice(-3)}`;
      return `${first17}${idNumberCheckCharacter(first17) ?? '0'}`;
    };
    const counts = { organizations: 0, people: 0, certificates: 0 };
    let sortOrder = 0;

    const organization = async (input: Parameters<typeof createOrganization>[1]) => {
      counts.organizations += 1;
      sortOrder += 1;
      return createOrganization(ctx, { ...input, sortOrder });
    };

    progress(`创建${demoCityName}人民政府和 ${demoCountyCodes.length} 个县（区）人民政府`);
    const city = await organization({
      parentId: null,
      name: `${demoCityName}人民政府`,
      shortName: `${demoCityName}政府`,
      kind: 'government',
      jurisdictionCode: '410300',
      creditCode: creditCode('410300'),
      authorityType: 'statutory',
      address: `${demoCityName}洛龙区开元大道 1 号`,
    });
    const countyNames = new Map(
      (await listJurisdictions(ctx.tx, '410300')).map((row) => [row.code, row.name]),
    );
    const counties = new Map<string, { id: string; name: string }>();
    for (const code of demoCountyCodes) {
      const countyName = countyNames.get(code) ?? code;
      const government = await organization({
        parentId: city.id,
        name: `${countyName}人民政府`,
        kind: 'government',
        jurisdictionCode: code,
        creditCode: creditCode(code),
        authorityType: 'statutory',
      });
      counties.set(code, { id: government.id, name: countyName });
    }

    const bodies: {
      id: string;
      name: string;
      jurisdictionCode: string;
      department: DemoDepartment;
      issuedBy: string;
    }[] = [];
    const addDepartments = async (
      parentId: string,
      prefix: string,
      jurisdictionCode: string,
      departments: DemoDepartment[],
    ) => {
      for (const department of departments) {
        const name = department.name.startsWith('国家') ? department.name : `${prefix}${department.name}`;
        const created = await organization({
          parentId,
          name,
          shortName:
            prefix === demoCityName
              ? department.shortName
              : `${prefix.replace(/(县|区)$/, '')}${department.shortName}`,
          kind: department.kind,
          authorityType: department.authorityType,
          jurisdictionCode,
          creditCode: creditCode(jurisdictionCode, department.authorityType === 'entrusted' ? '12' : '11'),
          enforcementField: department.field,
        });
        bodies.push({ id: created.id, name, jurisdictionCode, department, issuedBy: '河南省人民政府' });
      }
    };
    progress(`创建市直部门和执法主体（${cityDepartments.length} 个）`);
    await addDepartments(city.id, demoCityName, '410300', cityDepartments);
    for (const code of detailedCountyCodes) {
      const county = counties.get(code);
      if (!county) continue;
      progress(`创建${county.name}的部门`);
      await addDepartments(county.id, county.name, code, countyDepartments);
    }

    progress('创建乡镇（街道）');
    for (const code of demoCountyCodes) {
      const county = counties.get(code);
      if (!county) continue;
      for (const township of await listJurisdictions(ctx.tx, code)) {
        await organization({
          parentId: county.id,
          name: township.name.endsWith('街道')
            ? `${county.name}${township.name}办事处`
            : `${county.name}${township.name}人民政府`,
          kind: 'township',
          jurisdictionCode: township.code,
          creditCode: creditCode(code),
          authorityType: 'statutory',
        });
      }
    }

    progress('创建执法人员、法制审核人员、负责人和联络员，登记执法证');
    const usedNames = new Set<string>();
    const personName = () => {
      for (;;) {
        const name = `${pick(surnames)}${pick(givenNames)}`;
        if (!usedNames.has(name) || usedNames.size > surnames.length * givenNames.length * 0.8) {
          usedNames.add(name);
          return name;
        }
      }
    };
    const person = async (
      organizationId: string,
      division: string,
      duties: Parameters<typeof createPerson>[1]['duties'],
      position: string,
      hasLegalQualification = false,
    ) => {
      const gender = random() < 0.62 ? 'male' : 'female';
      counts.people += 1;
      return createPerson(ctx, {
        organizationId,
        name: personName(),
        idNumber: idNumber(division, gender),
        phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
        position,
        duties,
        hasLegalQualification,
      });
    };
    let certificateSequence = 0;
    const principals = new Map<string, string>();
    /** officers whose certificate is valid over the whole demo year of cases (a year back to today) */
    const yearLongOfficers = new Map<string, string[]>();
    const qualifiedReviewers = new Map<string, string>();
    const yearAgo = addDays(today, -366);
    for (const body of bodies) {
      const principal = await person(
        body.id,
        body.jurisdictionCode,
        ['principal'],
        body.department.name.endsWith('委员会') ? '主任' : '局长',
      );
      principals.set(body.id, principal.id);
      await person(body.id, body.jurisdictionCode, ['liaison'], '法规科科员');
      if (body.department.kind !== 'enforcementBody') continue;
      const reviewers = Math.max(1, Math.ceil(body.department.officers / 8));
      for (let index = 0; index < reviewers; index += 1) {
        const qualified = random() < 0.6;
        const reviewer = await person(
          body.id,
          body.jurisdictionCode,
          ['legalReviewer'],
          '法规科科长',
          qualified,
        );
        if (qualified && !qualifiedReviewers.has(body.id)) qualifiedReviewers.set(body.id, reviewer.id);
      }
      for (let index = 0; index < body.department.officers; index += 1) {
        const officer = await person(body.id, body.jurisdictionCode, ['officer'], pick(officerPositions));
        certificateSequence += 1;
        const issuedOn = addDays(today, -Math.floor(200 + random() * 2200));
        const roll = random();
        // most certificates valid; some expired (not renewed), some suspended, a few revoked
        const expiresOn =
          roll < 0.1 ? addDays(today, -Math.floor(1 + random() * 300)) : addDays(issuedOn, 5 * 365 + 800);
        const status = roll > 0.95 ? 'revoked' : roll > 0.88 ? 'suspended' : 'valid';
        counts.certificates += 1;
        const certificateExpiresOn = expiresOn > issuedOn ? expiresOn : addDays(issuedOn, 365);
        await createCertificate(ctx, {
          personId: officer.id,
          number: `${body.jurisdictionCode.slice(0, 6)}${String(certificateSequence).padStart(6, '0')}`,
          field: body.department.field ?? '综合',
          issuedBy: body.issuedBy,
          issuedOn,
          expiresOn: certificateExpiresOn,
          status,
        });
        if (status === 'valid' && issuedOn <= yearAgo && certificateExpiresOn > addDays(today, 30)) {
          yearLongOfficers.set(body.id, [...(yearLongOfficers.get(body.id) ?? []), officer.id]);
        }
      }
    }

    progress('创建演示账号');
    const bodyNamed = (name: string) => {
      const found = bodies.find((candidate) => candidate.name === name);
      if (!found) throw new Error(`演示数据缺少「${name}」`);
      return found;
    };
    const market = bodyNamed(`${demoCityName}市场监督管理局`);
    const environment = bodyNamed(`${demoCityName}生态环境局`);
    const yichuanMarket = bodyNamed('伊川县市场监督管理局');
    // The enforcement accounts act on cases: the officer account is an officer whose certificate is
    // valid across the demo year, with a second such officer beside them (two act on every case,
    // 行政处罚法 art. 42), and the reviewer holds the legal professional qualification (art. 58).
    // Where the random draw left a body short, a fixed (not drawn) staff member is added after
    // every draw, so the rest of the city stays the same.
    let extraSequence = 0;
    const extraPerson = async (
      body: (typeof bodies)[number],
      duties: Parameters<typeof createPerson>[1]['duties'],
      position: string,
      hasLegalQualification: boolean,
    ) => {
      extraSequence += 1;
      counts.people += 1;
      const first17 = `${body.jurisdictionCode}19860${extraSequence}1${extraSequence}20${extraSequence}`;
      return createPerson(ctx, {
        organizationId: body.id,
        name: `${['程', '冯', '韩', '曹'][extraSequence % 4]}${['立新', '文博', '晓东', '雅琴'][extraSequence % 4]}`,
        idNumber: `${first17}${idNumberCheckCharacter(first17) ?? '0'}`,
        position,
        duties,
        hasLegalQualification,
      });
    };
    const enforcementStaff = async (body: (typeof bodies)[number]) => {
      const officers = yearLongOfficers.get(body.id) ?? [];
      while (officers.length < 2) {
        const officer = await extraPerson(body, ['officer'], '执法队员', false);
        certificateSequence += 1;
        counts.certificates += 1;
        await createCertificate(ctx, {
          personId: officer.id,
          number: `${body.jurisdictionCode.slice(0, 6)}${String(certificateSequence).padStart(6, '0')}`,
          field: body.department.field ?? '综合',
          issuedBy: body.issuedBy,
          issuedOn: addDays(today, -900),
          expiresOn: addDays(today, 1000),
          status: 'valid',
        });
        officers.push(officer.id);
      }
      yearLongOfficers.set(body.id, officers);
      if (!qualifiedReviewers.has(body.id)) {
        qualifiedReviewers.set(body.id, (await extraPerson(body, ['legalReviewer'], '法规科科长', true)).id);
      }
      return { officer: officers[0], reviewer: qualifiedReviewers.get(body.id) };
    };
    const marketStaff = await enforcementStaff(market);
    const yichuanStaff = await enforcementStaff(yichuanMarket);
    const accountPlan: {
      username: string;
      displayName: string;
      role: Role;
      organization: { id: string; name: string };
      personId?: string | undefined;
    }[] = [
      {
        username: 'sysadmin',
        displayName: '系统管理员',
        role: 'systemAdmin',
        organization: { id: city.id, name: city.name },
      },
      {
        username: 'secadmin',
        displayName: '安全管理员',
        role: 'securityAdmin',
        organization: { id: city.id, name: city.name },
      },
      {
        username: 'auditor',
        displayName: '审计管理员',
        role: 'auditAdmin',
        organization: { id: city.id, name: city.name },
      },
      {
        username: 'officer',
        displayName: '市场监管执法人员',
        role: 'officer',
        organization: market,
        personId: marketStaff.officer,
      },
      {
        username: 'agencyhead',
        displayName: '市场监管局负责人',
        role: 'agencyHead',
        organization: market,
        personId: principals.get(market.id),
      },
      {
        username: 'reviewer',
        displayName: '市场监管法制审核',
        role: 'legalReviewer',
        organization: market,
        personId: marketStaff.reviewer,
      },
      { username: 'liaison', displayName: '生态环境局联络员', role: 'liaison', organization: environment },
      {
        username: 'justice',
        displayName: '司法局（依法治市办）',
        role: 'justiceBureau',
        organization: { id: city.id, name: city.name },
      },
      {
        username: 'leader',
        displayName: '市政府领导',
        role: 'leader',
        organization: { id: city.id, name: city.name },
      },
      {
        username: 'officer.yichuan',
        displayName: '伊川县执法人员',
        role: 'officer',
        organization: yichuanMarket,
        personId: yichuanStaff.officer,
      },
      {
        username: 'liaison.yichuan',
        displayName: '伊川县联络员',
        role: 'liaison',
        organization: { id: counties.get('410329')?.id ?? city.id, name: '伊川县人民政府' },
      },
    ];
    const accounts: DemoAccount[] = [];
    for (const plan of accountPlan) {
      await createUser(ctx, {
        username: plan.username,
        displayName: plan.displayName,
        password: demoPassword,
        roles: [{ role: plan.role, organizationId: plan.organization.id }],
        personId: plan.personId ?? null,
        mustChangePassword: false,
      });
      accounts.push({
        role: plan.role,
        username: plan.username,
        displayName: plan.displayName,
        organizationName: plan.organization.name,
        totpSecret: null,
      });
    }
    // Administrators need a second factor: start their enrolment so the secret can be printed.
    for (const account of accounts) {
      if (!['systemAdmin', 'securityAdmin', 'auditAdmin'].includes(account.role)) continue;
      const outcome = await signIn(ctx, { username: account.username, password: demoPassword });
      if (outcome.kind === 'totpEnrollment') account.totpSecret = outcome.secret;
    }
    return { ...counts, accounts };
  });
}

/** Banner lines listing the demo accounts: 角色, 用户名, 密码 (and the administrators' TOTP secrets). */
export function demoBannerLines(summary: DemoCitySummary, roleLabel: (role: Role) => string): string[] {
  return [
    `已生成演示城市「${demoCityName}」：${summary.organizations} 个组织、${summary.people} 名人员、${summary.certificates} 张执法证。`,
    `演示账号（密码均为 ${demoPassword}）：`,
    ...summary.accounts.map(
      (account) =>
        `  ${roleLabel(account.role)}\t${account.username}\t${demoPassword}\t${account.organizationName}${account.totpSecret ? `\t动态验证码密钥 ${account.totpSecret}` : ''}`,
    ),
  ];
}

/** Whether the tenant has no organizations yet (the demo city is loaded only then). */
export async function isTenantEmpty(ctx: Pick<ServiceContext, 'tx' | 'tenantCode'>): Promise<boolean> {
  return (await countTenantOrganizations(ctx.tx, ctx.tenantCode)) === 0;
}
