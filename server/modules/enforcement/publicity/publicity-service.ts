import { deadlineUnitLabels } from '../../../../contracts/procedures';
import type { ResolvedCitation } from '../../../../contracts/law';
import { authorityTypeLabels, type AuthorityType } from '../../../../contracts/org';
import { powerKindLabels, type PowerKind } from '../../../../contracts/powers';
import {
  certificateCheckStatusLabels,
  type CertificateCheck,
  type CertificateCheckStatus,
  type PublicDuty,
  type PublicEnforcementBody,
  type PublicEnforcementBodyDetail,
  type PublicProcedure,
  type PublicRemedy,
  type PublicSpotCheckItem,
} from '../../../../contracts/publicity';
import { roleLabels } from '../../../../contracts/roles';
import { civilDate } from '../../../core/clock';
import type { ServiceContext } from '../../../core/context';
import { notFound } from '../../../core/errors';
import type { DeadlineStart } from '../../../core/procedures/procedure-definition';
import { getProcedure } from '../../../core/procedures/procedure-registry';
import { countPublicDecisionsByOrganization } from '../../../core/publication/publication-service';
import { listPowerItemsOfKind, listPublicOrganizations } from '../../powers/power-service';
import { ordinaryCaseProcedureKey, summaryCaseProcedureKey } from '../case-procedures';
import {
  countValidOfficersByOrganization,
  findCertificateByNumber,
  findEnforcementBody,
  findGovernmentAbove,
  selectEnforcementBodies,
  selectValidOfficers,
  type CertificateCheckRecord,
  type EnforcementBodyRecord,
} from './publicity-repository';

/**
 * 行政执法公示 before and during enforcement (行政处罚法 art. 39; 国办发〔2018〕118号 二): each body's
 * identity, its officers with certificate numbers, its duties and their legal basis (from its power
 * list in force today), the procedures it follows (read from the procedure registry, so the portal
 * shows exactly what the platform enforces), the remedies, and its random-inspection item list; and
 * the certificate check an officer shows on the spot (art. 55). Public: no sign-in, no personal data
 * beyond an officer's name and certificate.
 */

/** The power kinds whose items are the body's enforcement duties: penalty, coercion, inspection. */
const enforcementPowerKinds: readonly PowerKind[] = ['penalty', 'coercion', 'inspection'];
const publicCaseProcedures = [ordinaryCaseProcedureKey, summaryCaseProcedureKey];

const todayOf = (ctx: ServiceContext) => civilDate(ctx.clock.now());
const asPublic = (ctx: ServiceContext): ServiceContext => ({ ...ctx, actor: null });

function presentBody(
  record: EnforcementBodyRecord,
  counts: { officers: number; power: number; spotCheck: number; decisions: number },
): PublicEnforcementBody {
  return {
    id: record.id,
    name: record.name,
    shortName: record.shortName,
    enforcementField: record.enforcementField,
    authorityType: record.authorityType,
    authorityTypeLabel: record.authorityType
      ? (authorityTypeLabels[record.authorityType as AuthorityType] ?? null)
      : null,
    parentName: record.parentName,
    address: record.address,
    phone: record.phone,
    officerCount: counts.officers,
    powerItemCount: counts.power,
    spotCheckItemCount: counts.spotCheck,
    publishedDecisionCount: counts.decisions,
  };
}

async function countsByOrganization(ctx: ServiceContext) {
  const lists = new Map(
    (await listPublicOrganizations(asPublic(ctx))).map((entry) => [entry.id, entry.counts]),
  );
  const decisions = await countPublicDecisionsByOrganization(ctx);
  const officers = await countValidOfficersByOrganization(asPublic(ctx), todayOf(ctx));
  return (id: string) => ({
    officers: officers.get(id) ?? 0,
    power: lists.get(id)?.power ?? 0,
    spotCheck: lists.get(id)?.spotCheck ?? 0,
    decisions: decisions.get(id) ?? 0,
  });
}

/** Every enforcement body, with its officers holding valid certificates, its items and its published decisions. */
export async function listPublicEnforcementBodies(ctx: ServiceContext): Promise<PublicEnforcementBody[]> {
  const countsOf = await countsByOrganization(ctx);
  const bodies = await selectEnforcementBodies(asPublic(ctx));
  return bodies.map((body) => presentBody(body, countsOf(body.id)));
}

/** One body's ex-ante publicity: officers, duties and basis, procedures, remedies, spot-check items. */
export async function getPublicEnforcementBody(
  ctx: ServiceContext,
  id: string,
): Promise<PublicEnforcementBodyDetail> {
  const publicCtx = asPublic(ctx);
  const today = todayOf(ctx);
  const record = await findEnforcementBody(publicCtx, id);
  if (!record) throw notFound('执法主体');
  const countsOf = await countsByOrganization(ctx);
  const powerItems = await listPowerItemsOfKind(publicCtx, {
    organizationId: id,
    listKind: 'power',
    date: today,
  });
  const spotCheckItems = await listPowerItemsOfKind(publicCtx, {
    organizationId: id,
    listKind: 'spotCheck',
    date: today,
  });
  const duties: PublicDuty[] = powerItems
    .filter((item) => enforcementPowerKinds.includes(item.kind as PowerKind))
    .map((item) => ({
      itemId: item.itemId,
      code: item.code,
      name: item.name,
      kind: item.kind,
      kindLabel: powerKindLabels[item.kind as PowerKind],
      legalBasisText: item.legalBasisText,
      legalBasis: item.legalBasis as ResolvedCitation[],
      duties: textOf(item.details.duties),
      accountability: textOf(item.details.accountability),
    }));
  return {
    body: presentBody(record, countsOf(id)),
    today,
    officers: await selectValidOfficers(publicCtx, id, today),
    duties,
    procedures: publicCaseProcedures.map(presentProcedure),
    remedies: await remediesOf(publicCtx, record),
    spotCheckItems: spotCheckItems.map((item): PublicSpotCheckItem => ({
      itemId: item.itemId,
      code: item.code,
      name: item.name,
      subjectType: textOf(item.details.subjectType),
      content: textOf(item.details.content),
      method: textOf(item.details.method),
      ratioPercent: typeof item.details.ratioPercent === 'number' ? item.details.ratioPercent : null,
      frequency: textOf(item.details.frequency),
      legalBasisText: item.legalBasisText,
    })),
  };
}

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** A case procedure as the public reads it: its states and its steps, each with who acts, its article and its time limits. */
function presentProcedure(key: string): PublicProcedure {
  const definition = getProcedure(key);
  const stateLabel = (state: string) => definition.states[state]?.label ?? state;
  const timeLimitsOf = (starts: readonly DeadlineStart[] = []) =>
    starts.map(
      (start) =>
        `${start.label}：${String(start.length)}${deadlineUnitLabels[start.unit]}（${start.citation}）`,
    );
  return {
    key: definition.key,
    title: definition.title,
    citation: definition.citation,
    states: Object.entries(definition.states).map(([state, spec]) => ({
      key: state,
      label: spec.label,
      isTerminal: spec.terminal ?? false,
    })),
    steps: [
      {
        name: 'start',
        label: definition.start.label,
        fromLabels: [],
        toLabel: stateLabel(definition.initialState),
        roleLabels: definition.start.roles.map((role) => roleLabels[role]),
        citation: null,
        timeLimits: timeLimitsOf(definition.start.deadlines?.starts),
      },
      ...definition.actions.map((action) => ({
        name: action.name,
        label: action.label,
        fromLabels: action.from.map(stateLabel),
        toLabel: action.to ? stateLabel(action.to) : null,
        roleLabels: action.roles.map((role) => roleLabels[role]),
        citation: action.citation ?? null,
        timeLimits: timeLimitsOf(action.deadlines?.starts),
      })),
    ],
  };
}

const reconsiderationLaw = '《中华人民共和国行政复议法》（2023）';
const litigationLaw = '《中华人民共和国行政诉讼法》';

/**
 * The remedies against the body's decisions. 行政复议: within 60 days of knowing the act (art. 20),
 * to the government at the body's level (art. 24), or to the body above for vertically managed
 * bodies such as tax (art. 27). 行政诉讼: within 6 months (行政诉讼法 art. 46), or 15 days after a
 * reconsideration decision (art. 45).
 */
async function remediesOf(ctx: ServiceContext, body: EnforcementBodyRecord): Promise<PublicRemedy[]> {
  const isVertical = body.name.startsWith('国家');
  const government = isVertical ? null : await findGovernmentAbove(ctx, body.path);
  return [
    {
      kind: 'reconsideration',
      label: '行政复议',
      period: '自知道或者应当知道行政行为之日起 60 日内提出申请',
      citation: `${reconsiderationLaw}第二十条、${isVertical ? '第二十七条' : '第二十四条'}`,
      organ: government?.name ?? '上一级主管部门',
      note:
        body.authorityType === 'entrusted'
          ? '本单位为受委托组织，以委托的行政机关名义实施行政执法，申请行政复议时以委托的行政机关为被申请人。'
          : null,
    },
    {
      kind: 'litigation',
      label: '行政诉讼',
      period: '自知道或者应当知道作出行政行为之日起 6 个月内提起诉讼',
      citation: `${litigationLaw}第四十六条`,
      organ: '有管辖权的人民法院',
      note: `经行政复议的，可以在收到复议决定书之日起 15 日内向人民法院提起诉讼（${litigationLaw}第四十五条）。`,
    },
  ];
}

// ── The certificate check (亮证执法) ───────────────────────────────────────────

function checkStatusOf(record: CertificateCheckRecord, today: string): CertificateCheckStatus {
  if (record.status === 'revoked') return 'revoked';
  if (record.status === 'suspended') return 'suspended';
  if (!record.holderIsActive) return 'holderLeft';
  if (record.expiresOn < today) return 'expired';
  if (record.issuedOn > today) return 'notYetValid';
  return 'valid';
}

/** The public record of an enforcement certificate by its number, and whether it is valid today. */
export async function checkCertificate(ctx: ServiceContext, number: string): Promise<CertificateCheck> {
  const record = await findCertificateByNumber(asPublic(ctx), number);
  if (!record) throw notFound('执法证');
  const today = todayOf(ctx);
  const status = checkStatusOf(record, today);
  return {
    certificateNumber: record.number,
    name: record.holderName,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    field: record.field,
    issuedBy: record.issuedBy,
    validFrom: record.issuedOn,
    validUntil: record.expiresOn,
    status,
    statusLabel: certificateCheckStatusLabels[status],
    isValid: status === 'valid',
    checkedOn: today,
  };
}
