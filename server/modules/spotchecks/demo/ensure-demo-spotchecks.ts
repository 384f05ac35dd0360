import { and, eq, sql } from 'drizzle-orm';
import { riskGrades, type CreatePlanInput, type SpotCheckResult } from '../../../../contracts/spotchecks';
import { createUser } from '../../../core/access/account-service';
import { findUserByUsername } from '../../../core/access/account-repository';
import { loadActor } from '../../../core/access/load-actor';
import { loadWorkingDayCalendar } from '../../../core/calendar/load-calendar';
import { civilDate, fixedClock } from '../../../core/clock';
import { inTransaction, type Actor, type Deps, type ServiceContext } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { publishPublication } from '../../../core/publication/publication-service';
import { cityPlaces, seededRandom } from '../../enforcement/demo/demo-case-data';
import { demoCityName } from '../../org/demo/demo-names';
import { demoPassword } from '../../org/demo/seed-demo-city';
import { organizations, people, enforcementCertificates } from '../../org/org-tables';
import { cancelPlan, commitPlan, createPlan, drawPlan } from '../plans/plan-service';
import { spotCheckTasks } from '../spotcheck-tables';
import { completeTask, openTaskCase, recordInspection } from '../tasks/task-service';

/**
 * First-start step (after the entity directory): the demo city's 双随机、一公开 year, driven through
 * the real operations with the clock set to each day — a routine plan of the market bureau drawn
 * in the summer and finished, its results published; a second one drawn three weeks ago and under
 * way (results pending, one problem opening a case, entities of the first plan left out by
 * frequency control); a joint plan with the environment bureau committed and awaiting its draw; a
 * plan cancelled after its commitment; and a draft. Inspectors act through staff accounts of
 * their own, made for the demo (密码同其他演示账号).
 */

const dayMs = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

export async function ensureDemoSpotChecks(deps: Deps): Promise<string[]> {
  if (deps.config.seedDemo !== 'auto') return [];
  const tenantCode = deps.config.tenantCode;
  const [state] = await queryRows<{ plans: number; entities: number }>(
    deps.db,
    sql`SELECT (SELECT count(*)::int FROM spot_check_plans WHERE tenant_code = ${tenantCode}) AS plans,
      (SELECT count(*)::int FROM entities WHERE tenant_code = ${tenantCode}) AS entities`,
  );
  if (!state || state.plans > 0 || state.entities === 0) return [];
  const organizationNamed = async (name: string) => {
    const [row] = await deps.db
      .select({ id: organizations.id, path: organizations.path })
      .from(organizations)
      .where(and(eq(organizations.tenantCode, tenantCode), eq(organizations.name, name)));
    return row ?? null;
  };
  const market = await organizationNamed(`${demoCityName}市场监督管理局`);
  const environment = await organizationNamed(`${demoCityName}生态环境局`);
  const headUser = await findUserByUsername(deps.db, tenantCode, 'agencyhead');
  const head = headUser ? await loadActor(deps.db, tenantCode, headUser.id) : null;
  if (!market || !environment || !head) return [];

  const started = performance.now();
  const today = civilDate(deps.clock.now());
  const calendar = await loadWorkingDayCalendar(deps.db);
  /** the working day on or after `date`, never after today */
  const workday = (date: string) => {
    let day = date;
    while (day < today && !calendar.isWorkingDay(day)) day = addDays(day, 1);
    return day > today ? today : day;
  };
  const on = <T>(date: string, hour: number, actor: Actor, work: (ctx: ServiceContext) => Promise<T>) =>
    inTransaction(
      { ...deps, clock: fixedClock(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`) },
      actor,
      work,
    );
  const itemsOf = async (organizationId: string, count: number) =>
    (
      await queryRows<{ item_id: string }>(
        deps.db,
        sql`SELECT DISTINCT ON (code) item_id FROM power_item_versions
             WHERE tenant_code = ${tenantCode} AND organization_id = ${organizationId} AND list_kind = 'spotCheck'
               AND NOT is_cancelled AND effective_from <= ${addDays(today, -160)} AND effective_to IS NULL
             ORDER BY code, version DESC LIMIT ${count}`,
      )
    ).map((row) => row.item_id);
  const marketItems = await itemsOf(market.id, 3);
  const environmentItems = await itemsOf(environment.id, 1);
  if (marketItems.length === 0 || environmentItems.length === 0) return [];

  // each inspector who has to act gets a staff account of his own
  const inspectorActors = new Map<string, Actor>();
  const inspectorActor = async (personId: string): Promise<Actor> => {
    const known = inspectorActors.get(personId);
    if (known) return known;
    const [person] = await deps.db
      .select({
        name: people.name,
        organizationId: people.organizationId,
        number: enforcementCertificates.number,
      })
      .from(people)
      .innerJoin(
        enforcementCertificates,
        and(
          eq(enforcementCertificates.tenantCode, people.tenantCode),
          eq(enforcementCertificates.personId, people.id),
        ),
      )
      .where(and(eq(people.tenantCode, tenantCode), eq(people.id, personId)));
    if (!person) throw new Error(`演示抽查：检查人员 ${personId} 不存在`);
    const linked = await queryRows<{ id: string }>(
      deps.db,
      sql`SELECT id FROM users WHERE tenant_code = ${tenantCode} AND person_id = ${personId} LIMIT 1`,
    );
    let userId = linked[0]?.id;
    if (!userId) {
      const created = await inTransaction(deps, null, (ctx) =>
        createUser(ctx, {
          username: `zf${person.number}`,
          displayName: `${person.name}（执法人员）`,
          password: demoPassword,
          roles: [{ role: 'officer', organizationId: person.organizationId }],
          personId,
          mustChangePassword: false,
        }),
      );
      userId = created.user.id;
    }
    const actor = await loadActor(deps.db, tenantCode, userId);
    if (!actor) throw new Error(`演示抽查：${person.name} 的账号不能使用`);
    inspectorActors.set(personId, actor);
    return actor;
  };

  const random = seededRandom(20260315);
  // the city bureau inspects the districts; 伊川县 has a bureau of its own
  const cityDistricts = [...cityPlaces.divisions];
  const foodFilter = {
    jurisdictionCodes: cityDistricts,
    industries: ['餐饮业', '食品制造业', '零售业'],
    licences: [],
  };
  const counts = { plans: 0, tasks: 0, completed: 0, published: 0, cases: 0 };
  /** drafts a routine plan of the market bureau on `day`, ratios A–D in percent */
  const draft = (
    day: string,
    plan: Pick<CreatePlanInput, 'title' | 'itemIds' | 'populationFilter' | 'periodEnd'> &
      Partial<Pick<CreatePlanInput, 'organizationIds' | 'periodStart'>>,
    ratios: [number, number, number, number],
  ) =>
    on(day, 9, head, (ctx) =>
      createPlan(ctx, {
        organizationIds: [market.id],
        trigger: 'routine',
        inspectorsPerTask: 2,
        maxTasksPerInspector: 30,
        periodStart: day,
        ...plan,
        strata: riskGrades.map((riskGrade, index) => ({ riskGrade, ratioPercent: ratios[index] ?? 0 })),
      }),
    );

  // ── 1. A routine plan drawn about five months ago and finished ─────────────
  const firstDay = workday(addDays(today, -150));
  const first = await draft(
    firstDay,
    {
      title: `${firstDay.slice(0, 4)}年食品生产经营者“双随机、一公开”抽查（第一批）`,
      itemIds: marketItems,
      populationFilter: foodFilter,
      periodEnd: addDays(firstDay, 90),
    },
    [0.5, 1, 5, 10],
  );
  await on(firstDay, 10, head, (ctx) => commitPlan(ctx, first.id));
  const firstDraw = workday(addDays(firstDay, 1));
  await on(firstDraw, 10, head, (ctx) =>
    drawPlan(ctx, first.id, { externalEntropy: `${firstDraw} 中国福利彩票“3D”开奖号码（演示）` }),
  );
  counts.plans += 1;

  const tasksOf = (planId: string) =>
    deps.db
      .select({
        id: spotCheckTasks.id,
        seq: spotCheckTasks.seq,
        inspectors: spotCheckTasks.inspectorPersonIds,
      })
      .from(spotCheckTasks)
      .where(and(eq(spotCheckTasks.tenantCode, tenantCode), eq(spotCheckTasks.planId, planId)))
      .orderBy(spotCheckTasks.seq);
  const carryOut = async (
    task: { id: string; inspectors: string[] },
    items: readonly string[],
    date: string,
    result: SpotCheckResult | null,
  ) => {
    const actor = await inspectorActor(task.inspectors[0] as string);
    const problem = result === 'corrected' || result === 'followUp';
    await on(date, 10, actor, (ctx) =>
      recordInspection(ctx, task.id, {
        inspectedOn: date,
        checklist: items.map((itemId, index) => ({
          itemId,
          conforms:
            problem && index === 0
              ? false
              : result === 'notOperating' || result === 'unreachable'
                ? null
                : true,
          note: problem && index === 0 ? '现场发现部分食品超过保质期仍在销售，已当场下架' : null,
        })),
        record:
          result === 'unreachable'
            ? '执法人员按登记住所前往检查，现场无该单位经营，电话无法接通。'
            : result === 'notOperating'
              ? '执法人员出示执法证件，现场检查发现该单位未开展本次抽查涉及的经营活动。'
              : '执法人员出示执法证件，检查了经营场所、证照公示、进货查验记录和贮存条件，当事人在场配合检查。',
      }),
    );
    if (!result) return;
    await on(date, 15, actor, (ctx) =>
      completeTask(ctx, task.id, {
        result,
        resultNote: problem ? '已责令当场改正，并告知整改要求' : null,
      }),
    );
    counts.completed += 1;
  };
  const publishBy = async (taskId: string, date: string) => {
    const [row] = await deps.db
      .select({ publicationId: spotCheckTasks.publicationId, inspectors: spotCheckTasks.inspectorPersonIds })
      .from(spotCheckTasks)
      .where(and(eq(spotCheckTasks.tenantCode, tenantCode), eq(spotCheckTasks.id, taskId)));
    if (!row?.publicationId) return;
    const actor = await inspectorActor(row.inspectors[0] as string);
    await on(date, 16, actor, (ctx) => publishPublication(ctx, row.publicationId as string, {}));
    counts.published += 1;
  };
  const resultRoll = (): SpotCheckResult => {
    const roll = random();
    return roll < 0.8
      ? 'noProblem'
      : roll < 0.92
        ? 'corrected'
        : roll < 0.97
          ? 'notOperating'
          : 'unreachable';
  };

  const firstTasks = await tasksOf(first.id);
  counts.tasks += firstTasks.length;
  for (const [index, task] of firstTasks.entries()) {
    const date = workday(addDays(firstDraw, 7 + Math.floor((index * 60) / Math.max(1, firstTasks.length))));
    await carryOut(task, marketItems, date, resultRoll());
    await publishBy(task.id, workday(addDays(date, 3 + Math.floor(random() * 10))));
  }

  // ── 2. A routine plan drawn three weeks ago, under way ─────────────────────
  const secondDay = workday(addDays(today, -25));
  const second = await draft(
    secondDay,
    {
      title: `${secondDay.slice(0, 4)}年食品生产经营者“双随机、一公开”抽查（第二批）`,
      itemIds: marketItems,
      populationFilter: foodFilter,
      periodEnd: addDays(today, 45),
    },
    [0.5, 1, 6, 12],
  );
  await on(secondDay, 10, head, (ctx) => commitPlan(ctx, second.id));
  const secondDraw = workday(addDays(secondDay, 2));
  await on(secondDraw, 10, head, (ctx) =>
    drawPlan(ctx, second.id, { externalEntropy: `${secondDraw} 中国福利彩票“3D”开奖号码（演示）` }),
  );
  counts.plans += 1;
  const secondTasks = await tasksOf(second.id);
  counts.tasks += secondTasks.length;
  let caseOpened = false;
  for (const [index, task] of secondTasks.entries()) {
    const share = index / Math.max(1, secondTasks.length);
    if (share >= 0.6) break; // the rest still wait for their visit
    const date = workday(addDays(secondDraw, 2 + Math.floor(share * 25)));
    if (date >= today) break;
    if (share >= 0.45) {
      await carryOut(task, marketItems, date, null); // inspected, result still to be decided
      continue;
    }
    const result: SpotCheckResult = !caseOpened && index >= 3 ? 'followUp' : resultRoll();
    await carryOut(task, marketItems, date, result);
    if (result === 'followUp') {
      caseOpened = true;
      const actor = await inspectorActor(task.inspectors[0] as string);
      const [penaltyItem] = await queryRows<{ item_id: string }>(
        deps.db,
        sql`SELECT item_id FROM power_item_versions
             WHERE tenant_code = ${tenantCode} AND organization_id = ${market.id} AND list_kind = 'power'
               AND kind = 'penalty' AND name LIKE '%食品%' AND NOT is_cancelled AND effective_to IS NULL
               AND effective_from <= ${today} ORDER BY code LIMIT 1`,
      );
      if (penaltyItem) {
        await on(date, 16, actor, (ctx) =>
          openTaskCase(ctx, task.id, {
            powerItemId: penaltyItem.item_id,
            title: '涉嫌销售超过保质期的食品案',
            facts: '双随机抽查中发现当事人货架上有超过保质期的预包装食品仍在销售。',
          }),
        );
        counts.cases += 1;
      }
    }
    const publishOn = workday(addDays(date, 5));
    if (publishOn < addDays(today, -3)) await publishBy(task.id, publishOn);
  }

  // ── 3. A joint plan committed two days ago, its draw still to come ─────────
  const jointDay = workday(addDays(today, -2));
  const joint = await draft(
    jointDay,
    {
      title: '危险化学品经营单位部门联合“双随机”抽查',
      organizationIds: [market.id, environment.id],
      itemIds: [marketItems[0] as string, ...environmentItems],
      populationFilter: {
        jurisdictionCodes: cityDistricts,
        industries: [],
        licences: ['危险化学品经营许可证'],
      },
      periodEnd: addDays(today, 60),
    },
    [10, 15, 30, 50],
  );
  await on(jointDay, 11, head, (ctx) => commitPlan(ctx, joint.id));
  counts.plans += 1;

  // ── 4. A plan cancelled after its commitment (the commitment stays public) ──
  const cancelledDay = workday(addDays(today, -60));
  const cancelled = await draft(
    cancelledDay,
    {
      title: '医疗器械经营企业“双随机”抽查',
      itemIds: marketItems.slice(0, 1),
      populationFilter: { jurisdictionCodes: cityDistricts, industries: ['医疗器械经营'], licences: [] },
      periodEnd: addDays(cancelledDay, 60),
    },
    [5, 10, 20, 30],
  );
  await on(cancelledDay, 10, head, (ctx) => commitPlan(ctx, cancelled.id));
  await on(workday(addDays(cancelledDay, 1)), 9, head, (ctx) =>
    cancelPlan(ctx, cancelled.id, {
      reason: '省局部署医疗器械经营企业专项检查，本计划的检查对象并入省局计划，避免重复检查。',
    }),
  );
  counts.plans += 1;

  // ── 5. A draft for next month ──────────────────────────────────────────────
  await draft(
    today,
    {
      title: '药品零售企业“双随机、一公开”抽查',
      itemIds: marketItems.slice(0, 2),
      populationFilter: { jurisdictionCodes: cityDistricts, industries: ['药品零售业'], licences: [] },
      periodStart: addDays(today, 14),
      periodEnd: addDays(today, 75),
    },
    [3, 5, 10, 20],
  );
  counts.plans += 1;

  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return [
    `已生成演示双随机抽查：${counts.plans} 个计划、${counts.tasks} 个任务（${counts.completed} 个已完成，${counts.published} 个结果已公示，${counts.cases} 个发现问题立案），用时 ${seconds} 秒。`,
  ];
}
