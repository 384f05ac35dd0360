import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../core/audit/verify-audit-log';
import { queryRows } from '../../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { seedDemoCity } from '../../org/demo/seed-demo-city';
import { seedDemoPowerLists } from '../../powers/demo/seed-demo-powers';
import { ordinaryCaseProcedure, summaryCaseProcedure } from '../case-procedures';
import { demoListDeps, ensureDemoCases } from './ensure-demo-cases';
import { seedDemoCases, type DemoCaseSummary } from './seed-demo-cases';
import { ensureDemoEntities } from '../../spotchecks/demo/ensure-demo-entities';
import { ensureDemoSpotChecks } from '../../spotchecks/demo/ensure-demo-spotchecks';
import { verifyDrawRecord } from '../../spotchecks/draw/verify-draw';
import { readBlob } from '../../../core/files/file-storage';

/** The demo year of cases: driven through the real procedures, every state shown, nothing after today. */

describe('demo enforcement cases', () => {
  let platform: TestPlatform;
  let dataDir: string;
  let summary: DemoCaseSummary | null;
  let seconds: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fazhi-demo-cases-'));
    platform = await buildTestPlatform({ env: { FAZHI_DATA_DIR: dataDir } });
    await seedDemoCity(platform.deps);
    await seedDemoPowerLists(demoListDeps(platform.deps));
    const started = performance.now();
    summary = await seedDemoCases(platform.deps);
    seconds = (performance.now() - started) / 1000;
  }, 1_200_000);
  afterAll(async () => {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('spreads a year of cases over every state of both procedures', async () => {
    console.info(`演示案件：${summary?.cases ?? 0} 件，用时 ${seconds.toFixed(1)} 秒`, summary?.byState);
    expect(summary?.cases).toBeGreaterThanOrEqual(200);
    expect(summary?.cases).toBeLessThanOrEqual(300);
    const states = await queryRows<{ procedure: string; state: string; n: number }>(
      platform.deps.db,
      sql`SELECT procedure, state, count(*)::int AS n FROM enforcement_cases GROUP BY procedure, state`,
    );
    const present = (procedure: string) =>
      states
        .filter((row) => row.procedure === procedure)
        .map((row) => row.state)
        .sort();
    expect(present('ordinary')).toEqual(Object.keys(ordinaryCaseProcedure.states).sort());
    expect(present('summary')).toEqual(Object.keys(summaryCaseProcedure.states).sort());
    const bodies = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(DISTINCT organization_id)::int AS n FROM enforcement_cases`,
    );
    expect(bodies[0]?.n).toBeGreaterThanOrEqual(4);
    const [first] = await queryRows<{ first: string; last: string }>(
      platform.deps.db,
      sql`SELECT min(registered_on)::text AS first, max(registered_on)::text AS last FROM enforcement_cases`,
    );
    // the first working day of the year (it may open in a holiday)
    expect(first?.first && summary && first.first >= summary.firstDay).toBe(true);
    expect(first?.first && first.first <= '2025-10-20').toBe(true);
    expect(first?.last && first.last <= '2026-09-28').toBe(true);
  });

  it('keeps each case in the state of its procedure instance, and acts on no day after today', async () => {
    const mismatched = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM enforcement_cases c
          JOIN procedure_instances i ON i.id = c.instance_id AND i.tenant_code = c.tenant_code
          WHERE i.state <> c.state`,
    );
    expect(mismatched[0]?.n).toBe(0);
    const late = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT (SELECT count(*) FROM audit_events WHERE occurred_at > ${'2026-09-28T16:00:00+08:00'}::timestamptz)::int
               + (SELECT count(*) FROM procedure_steps WHERE performed_at > ${'2026-09-28T16:00:00+08:00'}::timestamptz)::int
               + (SELECT count(*) FROM enforcement_cases WHERE registered_on > '2026-09-28' OR decided_on > '2026-09-28'
                    OR served_on > '2026-09-28' OR paid_on > '2026-09-28' OR closed_on > '2026-09-28'
                    OR archived_on > '2026-09-28')::int AS n`,
    );
    expect(late[0]?.n).toBe(0);
  });

  it('publishes every decided ordinary penalty, most on time, and shows the three systems at work', async () => {
    const unpublished = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM enforcement_cases c
          WHERE c.procedure = 'ordinary' AND c.decision_outcome = 'penalty'
            AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.subject_id = c.id::text AND p.tenant_code = c.tenant_code)`,
    );
    expect(unpublished[0]?.n).toBe(0);
    const publications = await queryRows<{ status: string; late: boolean; n: number }>(
      platform.deps.db,
      sql`SELECT status, (published_on > due_on) AS late, count(*)::int AS n FROM publications GROUP BY 1, 2`,
    );
    const count = (status: string, late?: boolean) =>
      publications
        .filter((row) => row.status === status && (late === undefined || row.late === late))
        .reduce((sum, row) => sum + row.n, 0);
    expect(count('published', false)).toBeGreaterThan(count('published', true));
    expect(count('published', true)).toBeGreaterThan(0);
    expect(count('withdrawn')).toBeGreaterThan(0);
    const facts = await queryRows<Record<string, number>>(
      platform.deps.db,
      sql`SELECT
            count(*) FILTER (WHERE is_major)::int AS major,
            count(*) FILTER (WHERE legal_review_conclusion = 'agree')::int AS reviewed,
            count(*) FILTER (WHERE deliberated_on IS NOT NULL)::int AS deliberated,
            count(*) FILTER (WHERE surcharge_fen > 0)::int AS surcharged,
            count(*) FILTER (WHERE decision_outcome = 'noPenalty')::int AS "noPenalty",
            count(*) FILTER (WHERE next_due_date < '2026-09-28' AND state NOT IN ('archived','closed','notRegistered','withdrawn','referred'))::int AS overdue
          FROM enforcement_cases`,
    );
    const figures = facts[0] ?? {};
    for (const key of ['major', 'reviewed', 'deliberated', 'surcharged', 'noPenalty', 'overdue']) {
      expect(figures[key], key).toBeGreaterThan(0);
    }
    const steps = await queryRows<{ action: string }>(
      platform.deps.db,
      sql`SELECT DISTINCT action FROM procedure_steps`,
    );
    const actions = steps.map((row) => row.action);
    for (const action of [
      'seize',
      'extendSeizure',
      'releaseSeizure',
      'holdHearing',
      'legalReview',
      'deliberate',
      'suspend',
      'resume',
    ]) {
      expect(actions, action).toContain(action);
    }
    const problems = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM procedure_steps WHERE action = 'legalReview' AND fields->>'conclusion' = 'problems'`,
    );
    expect(problems[0]?.n).toBeGreaterThan(0);
    const extras = await queryRows<Record<string, number>>(
      platform.deps.db,
      sql`SELECT
            (SELECT count(*) FROM discretion_benchmarks)::int AS benchmarks,
            (SELECT count(*) FROM major_decision_rules)::int AS rules,
            (SELECT count(*) FROM case_reviews)::int AS reviews,
            (SELECT count(*) FROM case_reviews WHERE status = 'scored')::int AS scored,
            (SELECT count(*) FROM enforcement_case_records WHERE file_sha256 IS NOT NULL)::int AS files`,
    );
    for (const key of ['benchmarks', 'rules', 'reviews', 'scored', 'files']) {
      expect(extras[0]?.[key], key).toBeGreaterThan(0);
    }
  });

  it('then imports the demo entity directory through an import job: the case parties graded by their penalties, and 3,000 more', async () => {
    const auto = { ...platform.deps, config: { ...platform.deps.config, seedDemo: 'auto' as const } };
    const [line] = await ensureDemoEntities(auto);
    expect(line).toMatch(/^已导入演示检查对象名录：[\d,]+ 户（其中 \d+ 户为演示案件当事人）/);
    const [counts] = await queryRows<{
      entities: number;
      parties: number;
      penalizedGood: number;
      jobs: number;
    }>(
      platform.deps.db,
      sql`SELECT (SELECT count(*)::int FROM entities) AS entities,
        (SELECT count(*)::int FROM enforcement_parties WHERE credit_code IS NOT NULL) AS parties,
        (SELECT count(*)::int FROM entities e JOIN enforcement_parties p ON p.credit_code = e.credit_code
          JOIN enforcement_cases c ON c.party_id = p.id AND c.decision_outcome = 'penalty'
          WHERE e.risk_grade IN ('A', 'B')) AS "penalizedGood",
        (SELECT count(*)::int FROM import_jobs WHERE status = 'done' AND created_by_name LIKE '%justice%') AS jobs`,
    );
    expect(counts?.entities).toBe((counts?.parties ?? 0) + 3_000);
    expect(counts?.penalizedGood).toBe(0);
    expect(counts?.jobs).toBe(1);
    expect(await ensureDemoEntities(auto)).toEqual([]);
  });

  it('then runs the demo year of 双随机 plans through the real operations: every plan state, records that verify, frequency control, published results', async () => {
    const auto = { ...platform.deps, config: { ...platform.deps.config, seedDemo: 'auto' as const } };
    const [line] = await ensureDemoSpotChecks(auto);
    console.info(line);
    expect(line).toMatch(/^已生成演示双随机抽查：5 个计划/);
    const plans = await queryRows<{
      title: string;
      state: string;
      record: string | null;
      population: number | null;
      eligible: number | null;
    }>(
      platform.deps.db,
      sql`SELECT title, state, record_sha256 AS record, population_count AS population, eligible_count AS eligible
            FROM spot_check_plans ORDER BY created_at`,
    );
    expect(plans.map((plan) => plan.state).sort()).toEqual([
      'cancelled',
      'committed',
      'completed',
      'draft',
      'drawn',
    ]);
    for (const plan of plans.filter((candidate) => candidate.record)) {
      const stream = await readBlob(dataDir, plan.record ?? '');
      const chunks: Buffer[] = [];
      for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
      expect(verifyDrawRecord(JSON.parse(Buffer.concat(chunks).toString('utf8')))).toMatchObject({
        ok: true,
      });
    }
    // the second routine plan of the year leaves out the entities the first one inspected
    const first = plans.find((plan) => plan.title.endsWith('（第一批）'));
    const second = plans.find((plan) => plan.title.endsWith('（第二批）'));
    expect(second?.population).toBe(first?.population);
    expect(second?.eligible).toBeLessThan(second?.population ?? 0);
    const [tasks] = await queryRows<{
      completed: number;
      pending: number;
      published: number;
      cases: number;
      states: number;
    }>(
      platform.deps.db,
      sql`SELECT count(*) FILTER (WHERE t.state = 'completed')::int AS completed,
            count(*) FILTER (WHERE t.state <> 'completed')::int AS pending,
            count(*) FILTER (WHERE p.status = 'published')::int AS published,
            count(t.case_id)::int AS cases, count(DISTINCT t.state)::int AS states
          FROM spot_check_tasks t LEFT JOIN publications p ON p.id = t.publication_id`,
    );
    expect(tasks?.states).toBe(3);
    expect(tasks?.published).toBeGreaterThan(0);
    expect(tasks?.published).toBeLessThan(tasks?.completed ?? 0);
    expect(tasks?.pending).toBeGreaterThan(0);
    expect(tasks?.cases).toBe(1);
    expect(await ensureDemoSpotChecks(auto)).toEqual([]);
  }, 600_000);

  it('leaves an audit log that verifies, and is not seeded twice', async () => {
    const verification = await verifyAuditLog(platform.deps);
    expect(verification.firstBad ?? null).toBeNull();
    expect(verification.ok).toBe(true);
    const auto = { ...platform.deps, config: { ...platform.deps.config, seedDemo: 'auto' as const } };
    expect(await ensureDemoCases(auto)).toEqual([]);
  });
});
