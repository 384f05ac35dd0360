import type { AddChangeInput, ItemContent, ListKind, PowerKind } from '../../../../contracts/powers';
import { findUserByUsername } from '../../../core/access/account-repository';
import { loadActor } from '../../../core/access/load-actor';
import { inTransaction, type Actor, type Deps, type ServiceContext } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { todayOf } from '../../../core/procedures/procedure-service';
import { countLibrary, getLawDetail, listLaws } from '../../law/law-service';
import { demoCityName } from '../../org/demo/demo-names';
import { exportOrganizations } from '../../org/organization-service';
import type { OrganizationRecord } from '../../org/org-repository';
import {
  addChanges,
  createChangeSet,
  listChangeSets,
  listPowerItemsOfKind,
  performChangeSetAction,
} from '../power-service';
import { demoPowerCatalog } from './demo-power-catalog';
import { fieldLaws } from './demo-fields';
import { deriveItemsFromArticle } from './derive-demo-items';

/**
 * The demo city's lists, generated deterministically through the real operations (create a change
 * set → add its changes → submit → approve), a few large change sets per department rather than
 * thousands of small ones: every enforcement department's 权责清单 from the laws of its field
 * (derived from the library's articles when it is loaded, else from the built-in table of the same
 * derivation, whose citations resolve once the laws are imported), the 随机抽查事项清单 of the
 * enforcement departments, all five lists for a few departments, and change sets in every state.
 */

export interface DemoPowerSummary {
  items: number;
  changeSets: number;
  source: 'library' | 'builtIn';
}

interface CatalogItem {
  kind: PowerKind;
  lawTitle: string;
  citation: string;
  name: string;
}

const perLaw = 30;
const kindCodes: Record<PowerKind, string> = {
  licensing: 'XK',
  penalty: 'CF',
  coercion: 'QZ',
  levy: 'ZS',
  benefit: 'JF',
  inspection: 'JC',
  confirmation: 'QR',
  award: 'JL',
  adjudication: 'CJ',
  other: 'QT',
};

const duties: Record<string, string> = {
  penalty:
    '1.立案责任：对检查中发现、投诉举报、上级交办等违法线索予以审查，决定是否立案。2.调查责任：执法人员不少于两人，出示执法证件，全面、客观、公正地调查收集证据。3.审查责任：对案件事实、证据、法律适用、处罚裁量进行审查，重大案件进行法制审核。4.告知责任：作出处罚决定前告知拟处罚内容及当事人陈述、申辩、要求听证的权利。5.决定责任：依法作出处罚决定，制作行政处罚决定书。6.送达责任：依法送达行政处罚决定书。7.执行责任：监督当事人履行处罚决定。8.其他责任：法律法规规章规定应履行的其他责任。',
  licensing:
    '1.受理责任：公示依法应当提交的材料，一次性告知补正材料，依法受理或不予受理。2.审查责任：对申请材料进行审查，需要现场核查的组织核查。3.决定责任：在法定期限内作出准予或不予许可的决定，不予许可的说明理由。4.送达责任：准予许可的制发证照并送达。5.事后监管责任：对被许可人从事许可事项的活动进行监督检查。6.其他责任：法律法规规章规定应履行的其他责任。',
  inspection:
    '1.检查责任：按照“双随机、一公开”要求制定检查计划，依法实施检查，检查人员不少于两人并出示执法证件。2.处置责任：对检查中发现的违法行为依法处理，涉嫌犯罪的移送司法机关。3.公开责任：依法公开检查结果。4.其他责任：法律法规规章规定应履行的其他责任。',
  coercion:
    '1.审批责任：实施前向行政机关负责人报告并经批准。2.实施责任：由两名以上执法人员实施，出示执法证件，通知当事人到场，告知采取强制措施的理由、依据及当事人享有的权利、救济途径，制作现场笔录。3.决定责任：在法定期限内作出处理决定。4.其他责任：法律法规规章规定应履行的其他责任。',
};
const accountability: Record<string, string> = {
  penalty:
    '有下列情形之一的，依法追究责任：没有法律依据或者擅自改变处罚种类、幅度的；违反法定程序实施处罚的；违法委托处罚的；对应当予以制止和处罚的违法行为不予制止、处罚的；滥用职权、玩忽职守、徇私舞弊的；其他违反法律法规规章规定的行为。',
  licensing:
    '有下列情形之一的，依法追究责任：对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的；对不符合法定条件的申请人准予许可的；不依法履行监督职责或者监督不力的；索取或者收受他人财物或者谋取其他利益的；其他违反法律法规规章规定的行为。',
  inspection:
    '有下列情形之一的，依法追究责任：不履行检查职责或者检查不力，造成严重后果的；检查中滥用职权、玩忽职守、徇私舞弊的；违反规定泄露检查对象商业秘密的；其他违反法律法规规章规定的行为。',
  coercion:
    '有下列情形之一的，依法追究责任：没有法律依据实施行政强制的；改变强制措施对象、条件、方式的；违反法定程序实施行政强制的；在法定期间不作出处理决定或者未依法及时解除强制措施的；使用或者损毁查封、扣押场所、设施或者财物的；其他违反法律法规规章规定的行为。',
};
/** 检查对象 of each field's 随机抽查事项 */
const inspectedSubjects: Record<string, string> = {
  市场监管: '食品生产经营者、生产企业、经营者',
  生态环境: '排污单位',
  城市管理综合执法: '临街商户、建设工地、户外广告设置单位',
  住房城乡建设: '建设单位、施工单位、物业服务企业',
  交通运输: '道路运输经营者、公路沿线单位',
  公安: '旅馆业、公章刻制业等特种行业单位',
  自然资源: '用地单位、采矿权人',
  农业: '农产品生产企业、种子和农药经营者、养殖场户',
  水利: '取水单位、河道管理范围内建设项目单位',
  应急管理: '生产经营单位、危险化学品企业',
  卫生健康: '医疗机构、公共场所经营单位',
  文化市场: '娱乐场所、演出场所经营单位、旅行社、文物收藏单位',
  人力资源社会保障: '用人单位、职业介绍机构',
  教育: '民办学校、校外培训机构',
  民政: '慈善组织、殡葬服务单位',
  司法行政: '律师事务所、公证机构',
  财政: '代理记账机构、政府采购代理机构',
  林业: '林木经营者、野生动物人工繁育单位',
  医疗保障: '定点医药机构',
};

const daysAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The items a field's list derives from each law: from the library when it holds the law, else the built-in table. */
async function catalogOfField(
  ctx: ServiceContext,
  field: string,
  fromLibrary: Map<string, CatalogItem[]>,
  useLibrary: boolean,
): Promise<CatalogItem[]> {
  const items: CatalogItem[] = [];
  for (const law of fieldLaws[field] ?? []) {
    let derived = fromLibrary.get(law.title);
    if (!derived && useLibrary) {
      derived = [];
      const found = (await listLaws(ctx, { q: law.title, page: 1, pageSize: 10 })).items.find(
        (candidate) => candidate.title === law.title && candidate.isCurrent,
      );
      if (found) {
        const detail = await getLawDetail(ctx, found.id);
        derived = detail.articles
          .flatMap((article) => deriveItemsFromArticle(article, /法律责任|罚则/.test(article.chapter ?? '')))
          .slice(0, perLaw)
          .map((item) => ({ ...item, lawTitle: law.title }));
      }
      fromLibrary.set(law.title, derived);
    }
    if (!derived || derived.length === 0) {
      derived = (demoPowerCatalog[law.title] ?? []).map(([kind, citation, name]) => ({
        kind,
        citation,
        name,
        lawTitle: law.title,
      }));
    }
    items.push(...derived);
  }
  return items;
}

const basisOf = (item: Pick<CatalogItem, 'lawTitle' | 'citation'>) => `《${item.lawTitle}》${item.citation}`;

function powerContent(organization: OrganizationRecord, item: CatalogItem, code: string): ItemContent {
  return {
    code,
    name: item.name,
    kind: item.kind,
    legalBasisText: basisOf(item),
    details: {
      subItems: [],
      implementingBody: organization.name,
      duties: duties[item.kind] ?? duties.inspection ?? '',
      accountability: accountability[item.kind] ?? accountability.inspection ?? '',
      // 行政许可法 art. 42: twenty working days. A penalty's limit is ninety calendar days from filing
      // (行政处罚法 art. 60), not working days, so it is stated as a remark rather than in the field.
      statutoryTimeLimit: item.kind === 'licensing' ? 20 : null,
      promisedTimeLimit: item.kind === 'licensing' ? 10 : null,
      remarks:
        item.kind === 'penalty'
          ? '自立案之日起九十日内作出行政处罚决定（《中华人民共和国行政处罚法》第六十条），法律、法规、规章另有规定的从其规定'
          : null,
    },
  };
}

/** Generates the demo city's lists (idempotent: nothing is done when any change set exists). */
export async function seedDemoPowerLists(
  deps: Deps,
  options: { onProgress?: (message: string) => void } = {},
): Promise<DemoPowerSummary | null> {
  const progress = options.onProgress ?? (() => undefined);
  return inTransaction(deps, null, async (base) => {
    const justiceUser = await findUserByUsername(base.tx, base.tenantCode, 'justice');
    const justice = justiceUser ? await loadActor(base.tx, base.tenantCode, justiceUser.id) : null;
    if (!justice) return null;
    const asJustice: ServiceContext = { ...base, actor: justice };
    if ((await listChangeSets(asJustice, { page: 1, pageSize: 1 })).total > 0) return null;
    const liaisonUser = await findUserByUsername(base.tx, base.tenantCode, 'liaison');
    const demoLiaison = liaisonUser ? await loadActor(base.tx, base.tenantCode, liaisonUser.id) : null;
    const liaisonId = newId();
    const liaisonOf = (organization: OrganizationRecord): Actor =>
      demoLiaison?.roles.some((role) => role.organizationId === organization.id)
        ? demoLiaison
        : {
            userId: liaisonId,
            username: 'demo.liaison',
            displayName: `${organization.shortName ?? organization.name}联络员（演示）`,
            roles: [
              { role: 'liaison', organizationId: organization.id, organizationPath: organization.path },
            ],
            activeOrganizationId: organization.id,
          };
    const asLiaison = (organization: OrganizationRecord): ServiceContext => ({
      ...base,
      actor: liaisonOf(organization),
    });

    const today = todayOf(base);
    const library = await countLibrary(asJustice);
    const useLibrary = library.articles > 0;
    const fromLibrary = new Map<string, CatalogItem[]>();
    const organizations = await exportOrganizations(asJustice, { active: true });
    // only the demo city gets demo lists, never a real tenant that happens to have a user named justice
    if (!organizations.some((organization) => organization.name === `${demoCityName}人民政府`)) return null;
    const departments = organizations.filter(
      (organization) => organization.enforcementField !== null && fieldLaws[organization.enforcementField],
    );
    const summary: DemoPowerSummary = { items: 0, changeSets: 0, source: useLibrary ? 'library' : 'builtIn' };

    /** One change set through the procedure; `stopAt` leaves it in that state. */
    const changeSet = async (
      organization: OrganizationRecord,
      listKind: ListKind,
      plan: {
        title: string;
        reason: string;
        basis?: string;
        effectiveOn: string;
        changes: AddChangeInput[];
        stopAt?: 'draft' | 'submitted' | 'returned';
        returnComment?: string;
      },
    ) => {
      const liaisonCtx = asLiaison(organization);
      const created = await createChangeSet(liaisonCtx, {
        organizationId: organization.id,
        listKind,
        title: plan.title,
        reason: plan.reason,
        basis: plan.basis ?? null,
        effectiveOn: plan.effectiveOn,
      });
      const { problems } = await addChanges(liaisonCtx, created.id, plan.changes);
      if (problems[0])
        throw new Error(`演示清单「${organization.name}」${plan.title}：${problems[0].message}`);
      summary.changeSets += 1;
      if (plan.stopAt === 'draft') return created.id;
      await performChangeSetAction(liaisonCtx, created.id, { action: 'submit' });
      if (plan.stopAt === 'submitted') return created.id;
      if (plan.stopAt === 'returned') {
        await performChangeSetAction(asJustice, created.id, {
          action: 'return',
          comment: plan.returnComment ?? '请补充完善',
        });
        return created.id;
      }
      await performChangeSetAction(asJustice, created.id, {
        action: 'approve',
        comment: '经审核，同意调整。',
      });
      summary.items += plan.changes.filter((change) => change.changeType === 'add').length;
      return created.id;
    };

    const baseline = new Map<string, { organization: OrganizationRecord; items: CatalogItem[] }>();
    for (const organization of departments) {
      const field = organization.enforcementField ?? '';
      const items = await catalogOfField(asJustice, field, fromLibrary, useLibrary);
      if (items.length === 0) continue;
      progress(`生成「${organization.name}」的权责清单（${items.length} 项）`);
      const counters = new Map<PowerKind, number>();
      const changes: AddChangeInput[] = items.map((item) => {
        const next = (counters.get(item.kind) ?? 0) + 1;
        counters.set(item.kind, next);
        return {
          changeType: 'add',
          content: powerContent(
            organization,
            item,
            `${kindCodes[item.kind]}-${String(next).padStart(4, '0')}`,
          ),
        };
      });
      await changeSet(organization, 'power', {
        title: `${organization.name}权责清单（${today.slice(0, 4)}年版）`,
        reason: '按照推行权责清单制度的要求，梳理本部门行使的行政职权，经合法性审查后公布。',
        basis: '中共中央办公厅 国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》',
        effectiveOn: today,
        changes,
      });
      baseline.set(organization.id, { organization, items });

      if (organization.kind !== 'enforcementBody' || !inspectedSubjects[field]) continue;
      const checks = items
        .filter((item) => item.kind === 'inspection' || item.kind === 'penalty')
        .slice(0, 12);
      await changeSet(organization, 'spotCheck', {
        title: `${organization.name}随机抽查事项清单`,
        reason: '落实“双随机、一公开”监管，明确抽查事项、对象、内容和方式。',
        effectiveOn: today,
        changes: checks.map((item, index) => ({
          changeType: 'add',
          content: {
            code: `CC-${String(index + 1).padStart(3, '0')}`,
            name:
              item.kind === 'inspection'
                ? item.name.replace(/^对/, '').replace(/的行政检查$/, '的检查')
                : `${item.name.replace(/^对/, '').replace(/的行政处罚$/, '')}的检查`,
            kind: null,
            legalBasisText: basisOf(item),
            details: {
              subjectType: inspectedSubjects[field],
              content: item.name.replace(/^对/, '').replace(/的行政(处罚|检查)$/, ''),
              method:
                index % 3 === 0 ? '现场检查' : index % 3 === 1 ? '书面检查、网络监测' : '现场检查、抽样检测',
              ratioPercent: [3, 5, 10][index % 3] ?? 5,
              frequency: '每年不少于一次',
            },
          },
        })),
      });
    }

    const named = (name: string) =>
      baseline.get(organizations.find((organization) => organization.name === name)?.id ?? '');
    const market = named(`${demoCityName}市场监督管理局`);
    const environment = named(`${demoCityName}生态环境局`);

    if (market) {
      progress('生成市场监管局的其他清单和调整记录');
      const { organization, items } = market;
      const licences = items.filter((item) => item.kind === 'licensing');
      await otherLists(changeSet, organization, licences, today);
      // version 2: new law, some items cancelled, some reworded, two added
      const cancelled = items.filter((item) => item.kind === 'penalty').slice(-3);
      const modified = items.filter((item) => item.kind === 'penalty').slice(0, 2);
      const current = await listCodes(asJustice, organization.id);
      await changeSet(organization, 'power', {
        title: '根据法律修改和机构职能调整动态调整权责清单',
        reason: '部分事项的实施依据修改，部分事项划转综合行政执法部门，新增网络交易监管事项。',
        basis: '示范市机构编制委员会办公室关于市场监管领域职能调整的通知',
        effectiveOn: today,
        changes: [
          ...cancelled.flatMap((item): AddChangeInput[] => {
            const itemId = current.get(item.name);
            return itemId
              ? [{ changeType: 'cancel', itemId, reason: '职能划转至市场监管综合行政执法支队' }]
              : [];
          }),
          ...modified.flatMap((item, index): AddChangeInput[] => {
            const itemId = current.get(item.name);
            if (!itemId) return [];
            const content = powerContent(organization, item, `CF-${String(index + 1).padStart(4, '0')}`);
            return [
              {
                changeType: 'modify',
                itemId,
                content: {
                  ...content,
                  details: {
                    ...content.details,
                    promisedTimeLimit: 60,
                    remarks: '承诺时限由 90 日压缩至 60 日',
                  },
                },
                reason: '压缩办理时限',
              },
            ];
          }),
          ...items
            .filter((item) => item.kind === 'penalty')
            .slice(3, 5)
            .map((item, index): AddChangeInput => ({
              changeType: 'add',
              content: {
                ...powerContent(organization, item, `CF-N${String(index + 1).padStart(3, '0')}`),
                name: item.name.replace(/的行政处罚$/, '（网络交易）的行政处罚'),
              },
            })),
        ],
      });
      // version 3, approved, effective next month
      await changeSet(organization, 'power', {
        title: '新增检查事项（下月起施行）',
        reason: '落实新修订的监管规定，增列行政检查事项。',
        effectiveOn: daysAfter(today, 30),
        changes: items
          .filter((item) => item.kind === 'inspection')
          .slice(0, 3)
          .map((item, index): AddChangeInput => ({
            changeType: 'add',
            content: {
              ...powerContent(organization, item, `JC-N${String(index + 1).padStart(3, '0')}`),
              name: item.name.replace(/的行政检查$/, '的专项检查'),
            },
          })),
      });
    }

    if (environment) {
      progress('生成生态环境局待办的调整方案（草稿、待审核、已退回）');
      const { organization, items } = environment;
      const current = await listCodes(asJustice, organization.id);
      const penalties = items.filter((item) => item.kind === 'penalty');
      const extra = (suffix: string, from: number, count: number): AddChangeInput[] =>
        penalties.slice(from, from + count).map((item, index) => ({
          changeType: 'add',
          content: {
            ...powerContent(organization, item, `CF-${suffix}${String(index + 1).padStart(2, '0')}`),
            name: item.name.replace(
              /的行政处罚$/,
              `（${suffix === 'D' ? '重点排污单位' : '建设项目'}）的行政处罚`,
            ),
          },
        }));
      await changeSet(organization, 'power', {
        title: '增列重点排污单位相关处罚事项（草拟中）',
        reason: '根据新修订的排污许可管理规定，细化重点排污单位的处罚事项。',
        effectiveOn: daysAfter(today, 20),
        changes: extra('D', 0, 2),
        stopAt: 'draft',
      });
      await changeSet(organization, 'power', {
        title: '增列建设项目相关处罚事项',
        reason: '建设项目环境管理职责调整，相应增列处罚事项。',
        effectiveOn: daysAfter(today, 15),
        changes: extra('J', 2, 3),
        stopAt: 'submitted',
      });
      const first = penalties[0];
      const firstId = first ? current.get(first.name) : undefined;
      await changeSet(organization, 'power', {
        title: '取消部分处罚事项',
        reason: '相关事项已由综合行政执法部门实施。',
        effectiveOn: daysAfter(today, 10),
        changes: firstId
          ? [{ changeType: 'cancel', itemId: firstId, reason: '划转综合行政执法部门实施' }]
          : extra('Q', 5, 1),
        stopAt: 'returned',
        returnComment: '取消依据不充分，请补充机构编制部门的职能划转文件后重新提交。',
      });
    }
    return summary;
  });
}

/** The organization's power items in force (or pending) today by name → item id. */
async function listCodes(ctx: ServiceContext, organizationId: string): Promise<Map<string, string>> {
  const rows = await listPowerItemsOfKind(ctx, { organizationId, listKind: 'power', date: todayOf(ctx) });
  return new Map(rows.map((row) => [row.name, row.itemId]));
}

/** 政务服务事项、证明事项、中介服务事项 of one department, from its licensing items. */
async function otherLists(
  changeSet: (
    organization: OrganizationRecord,
    listKind: ListKind,
    plan: { title: string; reason: string; effectiveOn: string; changes: AddChangeInput[] },
  ) => Promise<string>,
  organization: OrganizationRecord,
  licences: CatalogItem[],
  today: string,
): Promise<void> {
  const services = licences.flatMap((item) =>
    ['新办', '变更', '延续', '注销'].map((variant) => ({ item, variant })),
  );
  await changeSet(organization, 'service', {
    title: `${organization.name}政务服务事项清单`,
    reason: '依据权责清单梳理依申请政务服务事项，实行清单化管理。',
    effectiveOn: today,
    changes: services.map(({ item, variant }, index) => ({
      changeType: 'add',
      content: {
        code: `FW-${String(index + 1).padStart(4, '0')}`,
        name: `${item.name.replace(/核发$/, '')}（${variant}）`,
        kind: 'onApplication',
        legalBasisText: basisOf(item),
        details: {
          implementingBody: organization.name,
          statutoryTimeLimit: 20,
          promisedTimeLimit: variant === '注销' ? 1 : 5,
          materials: ['申请书', '营业执照或身份证明', variant === '新办' ? '场所使用证明' : '原许可证件'],
          isCharged: false,
          servicePlace: '示范市政务服务中心二楼市场监管窗口',
          phone: '0379-12345',
          onlineUrl: 'https://www.hnzwfw.gov.cn',
        },
      },
    })),
  });
  const firstLicence = licences[0];
  if (!firstLicence) return;
  await changeSet(organization, 'proof', {
    title: `${organization.name}证明事项清单`,
    reason: '清理规范证明事项，保留的证明事项实行清单管理，可以告知承诺的实行告知承诺制。',
    effectiveOn: today,
    changes: [
      ['经营场所使用证明', '不动产登记机构或出租人', '告知承诺制', basisOf(firstLicence)],
      ['从业人员健康证明', '医疗卫生机构', null, '《中华人民共和国食品安全法》第四十五条'],
      [
        '食品安全管理人员培训考核证明',
        '市场监督管理部门',
        '部门间核验',
        '《中华人民共和国食品安全法》第四十四条',
      ],
    ].map(([name, issuingBody, alternative, legalBasisText], index) => ({
      changeType: 'add',
      content: {
        code: `ZM-${String(index + 1).padStart(3, '0')}`,
        name: name ?? '',
        kind: null,
        legalBasisText: legalBasisText ?? basisOf(firstLicence),
        details: {
          serviceItemCode: 'FW-0001',
          issuingBody: issuingBody ?? '',
          requestingBody: organization.name,
          alternative,
        },
      },
    })),
  });
  await changeSet(organization, 'intermediary', {
    title: `${organization.name}行政审批中介服务事项清单`,
    reason: '规范行政审批中介服务，明确保留的中介服务事项。',
    effectiveOn: today,
    changes: [
      [
        '特种设备定期检验',
        '经国务院特种设备安全监督管理部门核准的检验机构',
        '《中华人民共和国特种设备安全法》第四十条',
      ],
      ['计量器具强制检定', '法定计量检定机构或者经授权的计量检定机构', '《中华人民共和国计量法》第九条'],
    ].map(([name, providerRequirement, legalBasisText], index) => ({
      changeType: 'add',
      content: {
        code: `ZJ-${String(index + 1).padStart(3, '0')}`,
        name: name ?? '',
        kind: null,
        legalBasisText: legalBasisText ?? basisOf(firstLicence),
        details: {
          licensingItemCode: 'XK-0001',
          providerRequirement: providerRequirement ?? '',
          isCharged: true,
        },
      },
    })),
  });
}
