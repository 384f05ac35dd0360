import { and, asc, eq, sql } from 'drizzle-orm';
import type { EntityCommitmentKind } from '../../../../contracts/spotchecks';
import { findUserByUsername } from '../../../core/access/account-repository';
import { loadActor } from '../../../core/access/load-actor';
import { civilDate, fixedClock } from '../../../core/clock';
import { inTransaction, type Actor, type Deps, type ServiceContext } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { demoCityName } from '../../org/demo/demo-names';
import { organizations } from '../../org/org-tables';
import { breachCommitment, fulfilCommitment, recordCommitment } from '../profile/commitment-service';
import { entities } from '../spotcheck-tables';

/**
 * First-start step (after the spot checks): the demo city's 信用承诺 — about forty commitments
 * received by the market bureau over the past year, recorded through the real operations as its
 * agency head with the clock set to each day: 告知承诺制审批, 主动型信用承诺 and 信用修复承诺, the
 * older ones found fulfilled or (a few) breached, the recent ones still in force.
 */

const dayMs = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

const demoTitles: Record<EntityCommitmentKind, readonly string[]> = {
  notification: [
    '食品经营许可（告知承诺制）：承诺经营场所、设施设备符合食品安全要求',
    '药品零售许可变更（告知承诺制）：承诺执业药师在岗执业',
    '特种设备使用登记（告知承诺制）：承诺设备经检验合格后投入使用',
    '食品经营许可延续（告知承诺制）：承诺许可条件未发生变化',
  ],
  credit: [
    '主动承诺守法诚信经营，不销售过期、变质食品',
    '主动承诺明码标价，不价外加价、不虚构原价',
    '主动承诺落实进货查验和索证索票制度',
  ],
  correction: [
    '信用修复承诺：已履行行政处罚决定，承诺今后不再发生同类违法行为',
    '信用修复承诺：已完成整改，承诺按时报送年度报告',
  ],
};

const kindsInTurn: readonly EntityCommitmentKind[] = ['notification', 'credit', 'notification', 'correction'];

export async function ensureDemoCommitments(deps: Deps): Promise<string[]> {
  if (deps.config.seedDemo !== 'auto') return [];
  const tenantCode = deps.config.tenantCode;
  const [state] = await queryRows<{ commitments: number }>(
    deps.db,
    sql`SELECT count(*)::int AS commitments FROM entity_commitments WHERE tenant_code = ${tenantCode}`,
  );
  if (!state || state.commitments > 0) return [];
  const [market] = await deps.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(eq(organizations.tenantCode, tenantCode), eq(organizations.name, `${demoCityName}市场监督管理局`)),
    );
  const headUser = await findUserByUsername(deps.db, tenantCode, 'agencyhead');
  const head = headUser ? await loadActor(deps.db, tenantCode, headUser.id) : null;
  if (!market || !head) return [];
  // every seventh entity of the directory, up to forty: spread over industries and districts
  const chosen = await queryRows<{ credit_code: string }>(
    deps.db,
    sql`SELECT credit_code FROM (
          SELECT credit_code, row_number() OVER (ORDER BY credit_code) AS n FROM entities WHERE tenant_code = ${tenantCode}
        ) numbered WHERE n % 7 = 1 ORDER BY credit_code LIMIT 40`,
  );
  const codes =
    chosen.length >= 5
      ? chosen.map((row) => row.credit_code)
      : (
          await deps.db
            .select({ creditCode: entities.creditCode })
            .from(entities)
            .where(eq(entities.tenantCode, tenantCode))
            .orderBy(asc(entities.creditCode))
            .limit(40)
        ).map((row) => row.creditCode);
  if (codes.length === 0) return [];

  const started = performance.now();
  const today = civilDate(deps.clock.now());
  const on = <T>(date: string, hour: number, actor: Actor, work: (ctx: ServiceContext) => Promise<T>) =>
    inTransaction(
      { ...deps, clock: fixedClock(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`) },
      actor,
      work,
    );
  const counts = { inForce: 0, fulfilled: 0, breached: 0 };
  for (const [index, creditCode] of codes.entries()) {
    const kind = kindsInTurn[index % kindsInTurn.length] ?? 'credit';
    const titles = demoTitles[kind];
    const title = titles[index % titles.length] ?? titles[0] ?? '信用承诺';
    // spread over the past year, the newest last; a commitment runs 60 to 180 days
    const committedOn = addDays(today, -360 + Math.floor((index * 350) / codes.length));
    const dueOn = kind === 'credit' ? null : addDays(committedOn, 60 + (index % 5) * 30);
    const commitment = await on(committedOn, 10, head, (ctx) =>
      recordCommitment(ctx, creditCode, { organizationId: market.id, kind, title, committedOn, dueOn }),
    );
    const settleOn = addDays(dueOn ?? addDays(committedOn, 180), 3);
    if (settleOn >= today) {
      counts.inForce += 1;
    } else if (index % 6 === 1) {
      await on(settleOn, 15, head, (ctx) =>
        breachCommitment(ctx, commitment.id, {
          note:
            kind === 'notification'
              ? '核查发现经营场所实际条件与承诺不符，责令限期整改，依法撤销告知承诺制许可。'
              : '承诺期内再次发生同类违法行为，已依法立案查处。',
        }),
      );
      counts.breached += 1;
    } else {
      await on(settleOn, 15, head, (ctx) => fulfilCommitment(ctx, commitment.id));
      counts.fulfilled += 1;
    }
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return [
    `已生成演示信用承诺：${codes.length} 项（在履约 ${counts.inForce} 项，已履约 ${counts.fulfilled} 项，已违诺 ${counts.breached} 项），用时 ${seconds} 秒。`,
  ];
}
