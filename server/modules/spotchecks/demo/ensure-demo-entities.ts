import { writeFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { RiskGrade } from '../../../../contracts/spotchecks';
import { findUserByUsername } from '../../../core/access/account-repository';
import { loadActor } from '../../../core/access/load-actor';
import { inTransaction, type Deps } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { openImportJob, runImportJob } from '../../../core/imports/import-jobs';
import {
  cityPlaces,
  PartyMaker,
  pickOf,
  seededRandom,
  yichuanPlaces,
  type DemoPlaceSet,
} from '../../enforcement/demo/demo-case-data';
import { demoCityName } from '../../org/demo/demo-names';
import { entityImport } from '../entities/entity-service';

/**
 * First-start step (after the demo cases): the demo city's 检查对象名录库, imported the way a clerk
 * does — a CSV file through the import job, as the justice bureau's demo account. It holds the
 * enterprises of the demo cases (graded C or D when they were penalized) and 3,000 more over the city
 * and 伊川县, with their industries and licences.
 */

const demoEntityCount = 3_000;

const industryOf: [RegExp, string, string[]][] = [
  [/餐饮管理/, '餐饮业', ['食品经营许可证']],
  [/烘焙食品|食品有限/, '食品制造业', ['食品生产许可证']],
  [/超市|商贸|农副产品/, '零售业', ['食品经营许可证']],
  [/大药房/, '药品零售业', ['药品经营许可证']],
  [/医疗器械/, '医疗器械经营', ['第二类医疗器械经营备案凭证']],
  [/化工|新型材料/, '化学原料和化学制品制造业', ['排污许可证', '危险化学品经营许可证']],
  [/建材|铸造|机械制造/, '制造业', ['排污许可证']],
  [/建筑工程/, '建筑业', ['建筑业企业资质证书']],
  [/广告传媒/, '商务服务业', []],
  [/物业服务/, '房地产业', []],
];

export async function ensureDemoEntities(deps: Deps): Promise<string[]> {
  if (deps.config.seedDemo !== 'auto') return [];
  const [state] = await queryRows<{ entities: number; city: number }>(
    deps.db,
    sql`SELECT (SELECT count(*)::int FROM entities WHERE tenant_code = ${deps.config.tenantCode}) AS entities,
      (SELECT count(*)::int FROM organizations WHERE tenant_code = ${deps.config.tenantCode}
        AND name = ${`${demoCityName}人民政府`}) AS city`,
  );
  if (!state || state.entities > 0 || state.city === 0) return [];
  const user = await findUserByUsername(deps.db, deps.config.tenantCode, 'justice');
  const actor = user ? await loadActor(deps.db, deps.config.tenantCode, user.id) : null;
  if (!actor) return [];

  const started = performance.now();
  const random = seededRandom(20261123);
  const pick = pickOf(random);
  const grade = (penalized: boolean): RiskGrade => {
    const roll = random();
    if (penalized) return roll < 0.6 ? 'C' : 'D';
    return roll < 0.55 ? 'A' : roll < 0.9 ? 'B' : roll < 0.98 ? 'C' : 'D';
  };
  const lines: string[] = [entityImport.columns.map((column) => column.header).join(',')];
  const used = new Set<string>();
  const add = (
    entity: { creditCode: string; name: string; address: string | null },
    riskGrade: RiskGrade,
  ) => {
    if (used.has(entity.creditCode)) return;
    used.add(entity.creditCode);
    const [, industry, licences] = industryOf.find(([pattern]) => pattern.test(entity.name)) ?? [
      null,
      '其他',
      [],
    ];
    const division = entity.creditCode.slice(2, 8);
    const cells = [
      entity.creditCode,
      entity.name,
      riskGrade,
      entity.address ?? '',
      industry,
      division,
      licences.join('；'),
    ];
    lines.push(cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','));
  };

  const parties = await queryRows<{
    creditCode: string;
    name: string;
    address: string | null;
    penalized: boolean;
  }>(
    deps.db,
    sql`SELECT p.credit_code AS "creditCode", p.name, p.address,
        EXISTS (SELECT 1 FROM enforcement_cases c WHERE c.tenant_code = p.tenant_code AND c.party_id = p.id
          AND c.decision_outcome = 'penalty') AS penalized
      FROM enforcement_parties p WHERE p.tenant_code = ${deps.config.tenantCode} AND p.credit_code IS NOT NULL
      ORDER BY p.credit_code`,
  );
  for (const party of parties) add(party, grade(party.penalized));
  const maker = new PartyMaker(seededRandom(7331));
  const fields = ['市场监管', '市场监管', '市场监管', '生态环境', '城市管理综合执法'];
  const places: DemoPlaceSet[] = [cityPlaces, cityPlaces, cityPlaces, yichuanPlaces];
  while (used.size < parties.length + demoEntityCount) {
    const party = maker.enterprise(pick(places), pick(fields));
    add(
      { creditCode: party.creditCode ?? '', name: party.name, address: party.address ?? null },
      grade(false),
    );
  }

  const folder = join(deps.config.dataDir, 'imports');
  await mkdir(folder, { recursive: true });
  const path = join(folder, 'demo-entities.csv');
  await writeFile(path, `${lines.join('\n')}\n`);
  try {
    const job = await inTransaction(deps, actor, (ctx) =>
      openImportJob(ctx, { kind: entityImport.kind, fileName: '示范市检查对象名录.csv' }),
    );
    const outcome = await runImportJob(deps, actor, job.id, path, entityImport);
    if (outcome.status !== 'done') throw new Error(`演示名录导入未完成：${outcome.message ?? ''}`);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    return [
      `已导入演示检查对象名录：${outcome.inserted.toLocaleString('zh-CN')} 户（其中 ${parties.length} 户为演示案件当事人），用时 ${seconds} 秒。`,
    ];
  } finally {
    await rm(path, { force: true });
  }
}
