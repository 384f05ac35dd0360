import type { ResolvedCitation } from '../../../contracts/law';
import {
  listKinds,
  type AddChangeInput,
  type ChangeSetAction,
  type ChangeSetHistoryStep,
  type CreateChangeSetInput,
  type UpdateChangeSetInput,
  type ItemContent,
  type ItemStatus,
  type ListDiffEntry,
  type ListKind,
  type PowerSummaryEntry,
  type PublicPowerOrganization,
} from '../../../contracts/powers';
import { requireActor } from '../../core/access/authorize';
import { appendAuditEvent } from '../../core/audit/append-audit-event';
import { canonicalJson, hash } from '../../core/audit/hashing';
import { actorName, type ServiceContext } from '../../core/context';
import { newId } from '../../core/db/ids';
import { AppError, invalid, notFound } from '../../core/errors';
import { getProcedure } from '../../core/procedures/procedure-registry';
import { listSteps } from '../../core/procedures/procedure-repository';
import { chineseDate } from '../../core/calendar/civil-dates';
import { perform, startProcedure, todayOf } from '../../core/procedures/procedure-service';
import { legalBasisProblem, resolveLegalBases, resolveLegalBasis } from './legal-basis';
import { changeSetEditPolicy } from './power-policy';
import { contentOfVersion } from './power-presenters';
import { powerListAdjustmentKey } from './power-procedures';
import {
  changeStats,
  closeVersions,
  countItemsByOrganization,
  deleteChange,
  findChangeSetInScope,
  findLiveCodes,
  findOpenVersionByCode,
  insertChanges,
  insertChangeSet,
  insertItems,
  insertItemVersions,
  insertListVersion,
  itemsAsOfListVersion,
  latestListVersion,
  listChanges,
  listItemVersions,
  listListVersions,
  listVersionSummary,
  listVersionsOfItems,
  lockList,
  openVersionsOf,
  selectChangeSets,
  selectItemsOn,
  setChangeItemIds,
  updateChangeSet,
  type ChangeRow,
  type ChangeSetFilter,
  type ChangeSetRecord,
  type ItemVersionRecord,
  type NewItemVersion,
} from './power-repository';
import {
  diffListVersions,
  itemStatusOn,
  validateItemContent,
  versionOn,
  type ItemAtVersion,
} from './power-rules';
import { findScopedOrganization } from '../org/organization-service';
import type { OrganizationRecord } from '../org/org-repository';

/** Use cases of the power lists (权责清单 and the four other lists, one mechanism; see power-tables.ts). */

const maxExportRows = 50_000;
const editableStates = new Set(['draft', 'returned']);

// ── Reads ────────────────────────────────────────────────────────────────────

export interface ItemQuery {
  organizationId?: string | undefined;
  listKind?: ListKind | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  date?: string | undefined;
  status?: ItemStatus | undefined;
}

/** A page of items as they stand on `date` (default today) in the actor's scope; status defaults to in force. */
export async function listItems(ctx: ServiceContext, query: ItemQuery & { page: number; pageSize: number }) {
  requireActor(ctx);
  await requireOrganizationInScope(ctx, query.organizationId);
  return listItemsOn(ctx, query);
}

/** An organization named by a filter must be in scope: outside it is "not found", like a record. */
async function requireOrganizationInScope(ctx: ServiceContext, organizationId: string | undefined) {
  if (organizationId && !(await findScopedOrganization(ctx, organizationId))) throw notFound('组织');
}

/**
 * Items as they stand on `date`. A page shown on screen has its legal bases re-resolved live (one
 * batch), so an item approved before its law was imported shows the article once the law is in;
 * an export keeps the citations as written.
 */
async function listItemsOn(
  ctx: ServiceContext,
  query: ItemQuery & { page: number; pageSize: number },
  options: { resolveLive?: boolean } = {},
) {
  const date = query.date ?? todayOf(ctx);
  const { rows, total } = await selectItemsOn(
    ctx,
    { ...query, date, status: query.status ?? 'inForce' },
    { page: query.page, pageSize: query.pageSize },
  );
  const resolved =
    (options.resolveLive ?? true)
      ? await resolveLegalBases(
          ctx,
          rows.map((row) => row.legalBasisText),
          date,
        )
      : [];
  const legalBases = rows.map((_, index) => resolved[index]?.citations);
  return { items: rows, legalBases, total, page: query.page, pageSize: query.pageSize, date };
}

/** Every item matching the filter (for export), as they stand on the date. */
export async function exportItems(ctx: ServiceContext, query: ItemQuery) {
  requireActor(ctx);
  await requireOrganizationInScope(ctx, query.organizationId);
  return listItemsOn(ctx, { ...query, page: 1, pageSize: maxExportRows }, { resolveLive: false });
}

/** One item in scope: the version shown today with its basis re-resolved live, and every version (newest first). */
export async function getItem(ctx: ServiceContext, itemId: string) {
  requireActor(ctx);
  return itemWithVersions(ctx, itemId);
}

async function itemWithVersions(ctx: ServiceContext, itemId: string) {
  const versions = await listItemVersions(ctx, itemId);
  const today = todayOf(ctx);
  const current = versionOn(versions, today);
  if (!current) throw notFound('事项');
  const [resolved] = await resolveLegalBases(ctx, [current.legalBasisText], today);
  return { item: current, legalBasis: resolved?.citations ?? [], versions, today };
}

/** For later modules: whether an item (by id or code) of the organization is in force on `date`. */
export async function isPowerItemInForce(
  ctx: ServiceContext,
  query: {
    organizationId: string;
    itemId?: string | undefined;
    code?: string | undefined;
    listKind?: ListKind | undefined;
    date: string;
  },
): Promise<{ inForce: boolean; item: ItemVersionRecord | null }> {
  let versions: ItemVersionRecord[] = [];
  if (query.itemId) {
    versions = (await listItemVersions(ctx, query.itemId)).filter(
      (version) => version.organizationId === query.organizationId,
    );
  } else if (query.code) {
    const open = await findOpenVersionByCode(ctx, query.organizationId, query.listKind, query.code);
    if (open) versions = await listItemVersions(ctx, open.itemId);
  } else {
    throw invalid('itemId', '请指定事项编号或事项编码');
  }
  const shown = versionOn(versions, query.date);
  if (!shown) return { inForce: false, item: null };
  return { inForce: itemStatusOn(shown, query.date) === 'inForce', item: shown };
}

/** For later modules: the organization's items of a list (and kind) in force on `date`. */
export async function listPowerItemsOfKind(
  ctx: ServiceContext,
  query: { organizationId: string; listKind: ListKind; kind?: string | undefined; date: string },
): Promise<ItemVersionRecord[]> {
  const { rows } = await selectItemsOn(
    ctx,
    { ...query, status: 'inForce' },
    { page: 1, pageSize: maxExportRows },
  );
  return rows;
}

/** The numbered versions of one organization's list, newest first. */
export async function listListVersionsOf(ctx: ServiceContext, organizationId: string, listKind: ListKind) {
  requireActor(ctx);
  if (!(await findScopedOrganization(ctx, organizationId))) throw notFound('组织');
  return listListVersions(ctx, organizationId, listKind);
}

/** The items added, modified (with the fields changed) and cancelled between list versions `from` and `to`. */
export async function diffListVersionsOf(
  ctx: ServiceContext,
  query: { organizationId: string; listKind: ListKind; from: number; to: number },
): Promise<ListDiffEntry[]> {
  requireActor(ctx);
  if (!(await findScopedOrganization(ctx, query.organizationId))) throw notFound('组织');
  const asOf = async (listVersion: number) =>
    new Map<string, ItemAtVersion>(
      (await itemsAsOfListVersion(ctx, query.organizationId, query.listKind, listVersion)).map((row) => [
        row.itemId,
        {
          itemId: row.itemId,
          code: row.code,
          version: row.version,
          isCancelled: row.isCancelled,
          content: contentOfVersion(row),
        },
      ]),
    );
  return diffListVersions(await asOf(query.from), await asOf(query.to));
}

/** Per organization in scope and list kind: items in force today, the last version, change sets awaiting review. */
export async function summarizePowerLists(ctx: ServiceContext): Promise<PowerSummaryEntry[]> {
  requireActor(ctx);
  const counts = await countItemsByOrganization(ctx, todayOf(ctx));
  const entries = new Map<string, PowerSummaryEntry>();
  const keyOf = (organizationId: string, listKind: string) => `${organizationId}:${listKind}`;
  for (const row of await listVersionSummary(ctx)) {
    entries.set(keyOf(row.organizationId, row.listKind), {
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      listKind: row.listKind,
      itemCount: 0,
      lastVersion: row.lastVersion,
      lastEffectiveOn: row.lastEffectiveOn,
      pendingChangeSets: row.pending,
    });
  }
  for (const row of counts) {
    const entry = entries.get(keyOf(row.id, row.listKind));
    if (entry) entry.itemCount = row.n;
  }
  return [...entries.values()];
}

// ── Public reads (no sign-in: in force today only) ───────────────────────────

/** The organizations with items in force today, with their counts per list kind. */
export async function listPublicOrganizations(ctx: ServiceContext): Promise<PublicPowerOrganization[]> {
  const byOrganization = new Map<string, PublicPowerOrganization>();
  for (const row of await countItemsByOrganization({ ...ctx, actor: null }, todayOf(ctx))) {
    let entry = byOrganization.get(row.id);
    if (!entry) {
      entry = {
        id: row.id,
        name: row.name,
        kind: row.kind,
        jurisdictionCode: row.jurisdictionCode,
        counts: Object.fromEntries(listKinds.map((kind) => [kind, 0])) as Record<ListKind, number>,
      };
      byOrganization.set(row.id, entry);
    }
    entry.counts[row.listKind] = row.n;
  }
  return [...byOrganization.values()];
}

/** A page of items in force today, for the portal. */
export async function listPublicItems(
  ctx: ServiceContext,
  query: Omit<ItemQuery, 'date' | 'status'> & { page: number; pageSize: number },
) {
  return listItemsOn({ ...ctx, actor: null }, { ...query, status: 'inForce' });
}

/** One item in force today, for the portal; anything else (pending, cancelled, unknown) is not found. */
export async function getPublicItem(ctx: ServiceContext, itemId: string) {
  const detail = await itemWithVersions({ ...ctx, actor: null }, itemId);
  if (itemStatusOn(detail.item, detail.today) !== 'inForce') throw notFound('事项');
  return detail;
}

// ── Change sets ──────────────────────────────────────────────────────────────

/** A page of change sets in scope. */
export async function listChangeSets(
  ctx: ServiceContext,
  query: ChangeSetFilter & { page: number; pageSize: number },
) {
  requireActor(ctx);
  await requireOrganizationInScope(ctx, query.organizationId);
  const { rows, total } = await selectChangeSets(ctx, query, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

async function changeSetInScope(ctx: ServiceContext, id: string): Promise<ChangeSetRecord> {
  const record = await findChangeSetInScope(ctx, id);
  if (!record) throw notFound('调整方案');
  return record;
}

/** Opens a draft change set on an organization's list (its liaison) and starts the 动态调整 procedure. */
export async function createChangeSet(
  ctx: ServiceContext,
  input: CreateChangeSetInput,
): Promise<ChangeSetRecord> {
  const organization = await findScopedOrganization(ctx, input.organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内', 'organizationId');
  changeSetEditPolicy(ctx, organization.path);
  const id = newId();
  const row = {
    id,
    organizationId: organization.id,
    listKind: input.listKind,
    title: input.title,
    reason: input.reason,
    basis: input.basis ?? null,
    effectiveOn: input.effectiveOn,
    state: 'draft',
    changeCount: 0,
    createdBy: actorName(ctx.actor),
    createdAt: ctx.clock.now(),
  };
  await insertChangeSet(ctx, row);
  const started = await startProcedure(ctx, {
    procedureKey: powerListAdjustmentKey,
    subjectType: 'powerChangeSet',
    subjectId: id,
    organizationId: organization.id,
  });
  await updateChangeSet(ctx, id, { procedureInstanceId: started.instance.id, state: started.instance.state });
  await appendAuditEvent(ctx, {
    action: 'powerChangeSet.create',
    entityType: 'powerChangeSet',
    entityId: id,
    organizationId: organization.id,
    change: { ...row, createdAt: undefined, procedureInstanceId: started.instance.id },
  });
  return changeSetInScope(ctx, id);
}

/**
 * Edits a draft or returned change set's title, reasons or effective date (its liaison). An
 * effective date before today is refused: a list change cannot take effect in the past.
 */
export async function updateChangeSetHeader(
  ctx: ServiceContext,
  id: string,
  input: UpdateChangeSetInput,
): Promise<ChangeSetRecord> {
  const changeSet = await assertChangeSetEditable(ctx, id);
  if (input.effectiveOn !== undefined && input.effectiveOn < todayOf(ctx)) {
    throw invalid('effectiveOn', `生效日期不能早于今天（${chineseDate(todayOf(ctx))}）`);
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const before = Object.fromEntries(
    Object.keys(changes).map((key) => [key, changeSet[key as keyof ChangeSetRecord] ?? null]),
  );
  await updateChangeSet(ctx, id, changes);
  await appendAuditEvent(ctx, {
    action: 'powerChangeSet.update',
    entityType: 'powerChangeSet',
    entityId: id,
    organizationId: changeSet.organizationId,
    change: { before, after: changes },
  });
  return changeSetInScope(ctx, id);
}

/** A change set with its changes (each modify/cancel with the item as it stood) and its procedure history. */
export async function getChangeSetDetail(ctx: ServiceContext, id: string) {
  requireActor(ctx);
  const changeSet = await changeSetInScope(ctx, id);
  const changes = await listChanges(ctx, id);
  const currents = await currentContents(ctx, changeSet, changes);
  const definition = getProcedure(powerListAdjustmentKey);
  const steps = changeSet.procedureInstanceId ? await listSteps(ctx, changeSet.procedureInstanceId) : [];
  const history: ChangeSetHistoryStep[] = steps.map((step) => {
    const fields = (step.fields ?? {}) as Record<string, unknown>;
    return {
      action: step.action,
      label:
        step.action === 'start'
          ? definition.start.label
          : (definition.actions.find((action) => action.name === step.action)?.label ?? step.action),
      actorName: step.actorName,
      performedAt: step.performedAt.toISOString(),
      comment: typeof fields.comment === 'string' ? fields.comment : null,
    };
  });
  return {
    changeSet,
    changes: changes.map((change) => ({ change, current: currents.get(change.id) ?? null })),
    history,
  };
}

/** For modify/cancel changes: the item's content before the change (the version preceding the set's, or the open one). */
async function currentContents(ctx: ServiceContext, changeSet: ChangeSetRecord, changes: ChangeRow[]) {
  const out = new Map<string, ItemContent>();
  const targets = changes.filter((change) => change.changeType !== 'add' && change.itemId);
  const versionsByItem = new Map<string, ItemVersionRecord[]>();
  for (const version of await listVersionsOfItems(
    ctx,
    targets.map((change) => change.itemId ?? ''),
  )) {
    versionsByItem.set(version.itemId, [...(versionsByItem.get(version.itemId) ?? []), version]);
  }
  for (const change of targets) {
    const before = (versionsByItem.get(change.itemId ?? '') ?? []).find((version) =>
      changeSet.listVersion === null
        ? version.effectiveTo === null
        : version.listVersion < changeSet.listVersion,
    );
    if (before) out.set(change.id, contentOfVersion(before));
  }
  return out;
}

/** A change proposed in a batch (a form submission, or one row of an imported sheet). */
export interface ProposedChange {
  input: AddChangeInput;
}

/** A problem with one proposed change: its index in the batch, the field and the message. */
export interface ChangeProblem {
  index: number;
  field: string;
  message: string;
}

interface PreparedChange {
  changeType: 'add' | 'modify' | 'cancel';
  itemId: string | null;
  code: string;
  proposed: ItemContent | null;
  reason: string | null;
}

/**
 * Validates proposed changes against the change set's list: item content (common fields, kind,
 * details of the list kind), the legal basis (at least one citation; each resolving on the
 * effective date, or a law the library has not imported), codes unique among the list's items in
 * force and within the set, modify/cancel of an item of this list that is in force or pending,
 * one change per item. Returns the prepared changes and every problem found.
 */
async function prepareChanges(
  ctx: ServiceContext,
  changeSet: ChangeSetRecord,
  proposals: readonly AddChangeInput[],
): Promise<{ prepared: (PreparedChange | null)[]; problems: ChangeProblem[] }> {
  const listKind = changeSet.listKind as ListKind;
  const problems: ChangeProblem[] = [];
  const prepared: (PreparedChange | null)[] = proposals.map(() => null);
  const contents: (ItemContent | null)[] = proposals.map((proposal, index) => {
    if (proposal.changeType === 'cancel') return null;
    try {
      return validateItemContent(listKind, proposal.content);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ index, field: error.field ?? 'content', message: error.message });
      return null;
    }
  });
  const existing = await listChanges(ctx, changeSet.id);
  const targetIds = proposals.flatMap((proposal) => (proposal.changeType === 'add' ? [] : [proposal.itemId]));
  const openVersions = new Map(
    (await openVersionsOf(ctx, targetIds)).map((version) => [version.itemId, version]),
  );
  const claimedItems = new Set(existing.flatMap((change) => (change.itemId ? [change.itemId] : [])));
  const newCodes = contents.flatMap((content, index) =>
    content && proposals[index]?.changeType === 'add' ? [content.code] : [],
  );
  const liveCodes = new Set(
    (await findLiveCodes(ctx, changeSet.organizationId, listKind, newCodes)).map((row) => row.code),
  );
  const claimedCodes = new Set(
    existing.filter((change) => change.changeType !== 'cancel').map((change) => change.code),
  );
  const texts: { index: number; text: string }[] = [];

  proposals.forEach((proposal, index) => {
    const content = contents[index] ?? null;
    if (proposal.changeType !== 'cancel' && !content) return;
    let itemId: string | null = null;
    let code = content?.code ?? '';
    if (proposal.changeType !== 'add') {
      const open = openVersions.get(proposal.itemId);
      if (
        !open ||
        open.organizationId !== changeSet.organizationId ||
        open.listKind !== listKind ||
        open.isCancelled
      ) {
        problems.push({ index, field: 'itemId', message: '要调整的事项不在本清单中，或已被取消' });
        return;
      }
      if (claimedItems.has(open.itemId)) {
        problems.push({ index, field: 'itemId', message: `事项 ${open.code} 在本调整方案中已有一项调整` });
        return;
      }
      claimedItems.add(open.itemId);
      itemId = open.itemId;
      if (proposal.changeType === 'cancel') code = open.code;
      // the code identifies the item on the list for good: a new code is a cancellation and an addition
      if (content && content.code !== open.code) {
        problems.push({
          index,
          field: 'content.code',
          message: `变更不能修改事项编码（${open.code}）；如需改用新编码，请取消原事项并新增事项`,
        });
        return;
      }
    }
    if (content && proposal.changeType === 'add') {
      if (liveCodes.has(content.code) || claimedCodes.has(content.code)) {
        problems.push({
          index,
          field: 'content.code',
          message: `事项编码 ${content.code} 已被本清单的其他事项使用`,
        });
        return;
      }
      claimedCodes.add(content.code);
    }
    if (content) texts.push({ index, text: content.legalBasisText });
    prepared[index] = {
      changeType: proposal.changeType,
      itemId,
      code,
      proposed: content,
      reason: proposal.reason ?? null,
    };
  });

  const resolved = await resolveLegalBases(
    ctx,
    texts.map((entry) => entry.text),
    changeSet.effectiveOn,
  );
  texts.forEach((entry, position) => {
    const result = resolved[position];
    const problem = result ? legalBasisProblem(result) : '法律依据无法解析';
    if (problem) {
      problems.push({ index: entry.index, field: 'content.legalBasisText', message: problem });
      prepared[entry.index] = null;
    }
  });
  return { prepared, problems: problems.sort((a, b) => a.index - b.index) };
}

/** A change set in scope the actor may edit now (draft or returned), or 404 / 403 / 409. */
export async function assertChangeSetEditable(ctx: ServiceContext, id: string): Promise<ChangeSetRecord> {
  requireActor(ctx);
  const changeSet = await changeSetInScope(ctx, id);
  changeSetEditPolicy(ctx, changeSet.organizationPath);
  if (!editableStates.has(changeSet.state)) {
    const reason = `调整方案已「${changeSet.state === 'submitted' ? '提交审核' : changeSet.state === 'approved' ? '批准' : '撤回'}」，不能再修改调整事项`;
    throw new AppError('TRANSITION_FORBIDDEN', reason, undefined, { reason });
  }
  return changeSet;
}

/**
 * Adds changes to a draft or returned change set, all or none: every proposal is validated (the
 * legal bases resolved in one batch); any problem refuses the whole batch with the problems listed.
 * One audit event records the count and a digest covering every change added.
 */
export async function addChanges(
  ctx: ServiceContext,
  changeSetId: string,
  proposals: readonly AddChangeInput[],
): Promise<{ added: ChangeRow[]; problems: ChangeProblem[] }> {
  const changeSet = await assertChangeSetEditable(ctx, changeSetId);
  const { prepared, problems } = await prepareChanges(ctx, changeSet, proposals);
  if (problems.length > 0) return { added: [], problems };
  const { count: before, maxOrdinal } = await changeStats(ctx, changeSetId);
  const rows = prepared.flatMap((change, index) =>
    change
      ? [
          {
            id: newId(),
            changeSetId,
            ordinal: maxOrdinal + index + 1,
            changeType: change.changeType,
            itemId: change.itemId,
            code: change.code,
            proposed: change.proposed,
            reason: change.reason,
          },
        ]
      : [],
  );
  await insertChanges(ctx, rows);
  await updateChangeSet(ctx, changeSetId, { changeCount: before + rows.length });
  await appendAuditEvent(ctx, {
    action: 'powerChangeSet.addChanges',
    entityType: 'powerChangeSet',
    entityId: changeSetId,
    organizationId: changeSet.organizationId,
    change:
      rows.length === 1
        ? rows[0]
        : { count: rows.length, changesDigest: digestOf(ctx, rows), firstOrdinal: maxOrdinal + 1 },
  });
  return { added: rows.map((row) => ({ ...row, tenantCode: ctx.tenantCode })), problems: [] };
}

/** Adds one change to a draft or returned change set; 400 naming the field when it cannot stand. */
export async function addChange(
  ctx: ServiceContext,
  changeSetId: string,
  input: AddChangeInput,
): Promise<ChangeRow> {
  const { added, problems } = await addChanges(ctx, changeSetId, [input]);
  const [problem] = problems;
  if (problem) throw invalid(problem.field, problem.message);
  const [row] = added;
  if (!row) throw new AppError('INTERNAL', '调整事项未能保存');
  return row;
}

/** Removes a change from a draft or returned change set. */
export async function removeChange(
  ctx: ServiceContext,
  changeSetId: string,
  changeId: string,
): Promise<void> {
  const changeSet = await assertChangeSetEditable(ctx, changeSetId);
  if (!(await deleteChange(ctx, changeSetId, changeId))) throw notFound('调整事项');
  const { count } = await changeStats(ctx, changeSetId);
  await updateChangeSet(ctx, changeSetId, { changeCount: count });
  await appendAuditEvent(ctx, {
    action: 'powerChangeSet.removeChange',
    entityType: 'powerChangeSet',
    entityId: changeSetId,
    organizationId: changeSet.organizationId,
    change: { changeId },
  });
}

const digestOf = (ctx: ServiceContext, value: unknown) =>
  hash(ctx.config.auditHash, canonicalJson(value)).toString('hex');

/**
 * Performs a procedure action on a change set (submit, resubmit, approve, return, withdraw) and
 * mirrors the state. Approval, in the same transaction, makes the changes the list's next version
 * from the effective date.
 */
export async function performChangeSetAction(
  ctx: ServiceContext,
  id: string,
  input: {
    action: ChangeSetAction;
    comment?: string | null | undefined;
    expectedRevision?: number | undefined;
  },
): Promise<ChangeSetRecord> {
  requireActor(ctx);
  const changeSet = await changeSetInScope(ctx, id);
  if (!changeSet.procedureInstanceId) throw new AppError('CONFLICT', '调整方案没有关联的办理程序');
  const { count } = await changeStats(ctx, id);
  const comment = input.comment ?? null;
  const fields: Record<string, unknown> =
    input.action === 'submit' || input.action === 'resubmit'
      ? { changeCount: count, comment }
      : input.action === 'approve'
        ? { effectiveOn: changeSet.effectiveOn, changeCount: count, comment }
        : input.action === 'return'
          ? { comment: comment ?? '' }
          : { comment };
  if (input.action === 'return' && !comment) throw invalid('comment', '退回时必须写明退回意见');
  const result = await perform(ctx, {
    instanceId: changeSet.procedureInstanceId,
    action: input.action,
    fields,
    ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
  });
  if (input.action === 'approve') {
    await approveChanges(ctx, changeSet);
  } else {
    await updateChangeSet(ctx, id, { state: result.instance.state });
    await appendAuditEvent(ctx, {
      action: `powerChangeSet.${input.action}`,
      entityType: 'powerChangeSet',
      entityId: id,
      organizationId: changeSet.organizationId,
      change: { fromState: changeSet.state, toState: result.instance.state, changeCount: count, comment },
    });
  }
  return changeSetInScope(ctx, id);
}

function refuseApproval(reason: string): AppError {
  return new AppError('TRANSITION_FORBIDDEN', reason, undefined, { reason, action: 'approve' });
}

/** The approval's effect: items and versions written from the effective date, the list's next version. */
async function approveChanges(ctx: ServiceContext, changeSet: ChangeSetRecord): Promise<void> {
  const listKind = changeSet.listKind as ListKind;
  const effectiveOn = changeSet.effectiveOn;
  await lockList(ctx, changeSet.organizationId, listKind);
  const changes = await listChanges(ctx, changeSet.id);
  const adds = changes.filter((change) => change.changeType === 'add');
  const taken = await findLiveCodes(
    ctx,
    changeSet.organizationId,
    listKind,
    adds.map((change) => change.code),
  );
  if (taken[0]) throw refuseApproval(`事项编码 ${taken[0].code} 已被本清单在用的事项占用，请退回修改`);
  const targets = changes.flatMap((change) =>
    change.itemId && change.changeType !== 'add' ? [change.itemId] : [],
  );
  const openVersions = new Map(
    (await openVersionsOf(ctx, targets)).map((version) => [version.itemId, version]),
  );
  for (const change of changes) {
    if (change.changeType === 'add') continue;
    const open = openVersions.get(change.itemId ?? '');
    if (!open || open.isCancelled)
      throw refuseApproval(`事项 ${change.code} 已被其他调整方案取消，请退回修改`);
    if (open.effectiveFrom > effectiveOn)
      throw refuseApproval(
        `事项 ${change.code} 的现行版本 ${chineseDate(open.effectiveFrom)} 才生效，本次调整的生效日期不能早于它`,
      );
  }
  const withContent = changes.filter((change) => change.proposed !== null);
  const resolved = await resolveLegalBases(
    ctx,
    withContent.map((change) => (change.proposed as ItemContent).legalBasisText),
    effectiveOn,
  );
  const basisOf = new Map<string, ResolvedCitation[]>(
    withContent.map((change, index) => [change.id, resolved[index]?.citations ?? []]),
  );

  const last = await latestListVersion(ctx, changeSet.organizationId, listKind);
  const listVersion = (last?.version ?? 0) + 1;
  const newItems: { id: string; organizationId: string; listKind: string; code: string }[] = [];
  const versions: NewItemVersion[] = [];
  const toClose: string[] = [];
  const links: { changeId: string; itemId: string }[] = [];
  const counts = { added: 0, modified: 0, cancelled: 0 };
  const versionOf = (
    itemId: string,
    version: number,
    content: ItemContent,
    isCancelled: boolean,
    basis: ResolvedCitation[],
  ): NewItemVersion => ({
    id: newId(),
    itemId,
    organizationId: changeSet.organizationId,
    listKind,
    version,
    listVersion,
    changeSetId: changeSet.id,
    effectiveFrom: effectiveOn,
    effectiveTo: null,
    isCancelled,
    code: content.code,
    name: content.name,
    kind: content.kind ?? null,
    legalBasisText: content.legalBasisText,
    legalBasis: basis,
    details: content.details,
  });
  for (const change of changes) {
    if (change.changeType === 'add') {
      const itemId = newId();
      const content = change.proposed as ItemContent;
      newItems.push({ id: itemId, organizationId: changeSet.organizationId, listKind, code: content.code });
      versions.push(versionOf(itemId, 1, content, false, basisOf.get(change.id) ?? []));
      links.push({ changeId: change.id, itemId });
      counts.added += 1;
      continue;
    }
    const open = openVersions.get(change.itemId ?? '');
    if (!open) continue;
    toClose.push(open.id);
    if (change.changeType === 'modify') {
      versions.push(
        versionOf(
          open.itemId,
          open.version + 1,
          change.proposed as ItemContent,
          false,
          basisOf.get(change.id) ?? [],
        ),
      );
      counts.modified += 1;
    } else {
      versions.push(
        versionOf(
          open.itemId,
          open.version + 1,
          contentOfVersion(open),
          true,
          open.legalBasis as ResolvedCitation[],
        ),
      );
      counts.cancelled += 1;
    }
  }
  await closeVersions(ctx, toClose, effectiveOn);
  await insertItems(ctx, newItems);
  await insertItemVersions(ctx, versions);
  await setChangeItemIds(ctx, links);
  const createdItemOf = new Map(links.map((link) => [link.changeId, link.itemId]));
  const approvedAt = ctx.clock.now();
  const itemCount = (last?.itemCount ?? 0) + counts.added - counts.cancelled;
  await insertListVersion(ctx, {
    organizationId: changeSet.organizationId,
    listKind,
    version: listVersion,
    changeSetId: changeSet.id,
    effectiveOn,
    itemCount,
    approvedBy: actorName(ctx.actor),
    approvedAt,
  });
  await updateChangeSet(ctx, changeSet.id, {
    state: 'approved',
    listVersion,
    approvedAt,
    changeCount: changes.length,
  });
  await appendAuditEvent(ctx, {
    action: 'powerChangeSet.approve',
    entityType: 'powerChangeSet',
    entityId: changeSet.id,
    organizationId: changeSet.organizationId,
    change: {
      listKind,
      listVersion,
      effectiveOn,
      itemCount,
      counts,
      // covers every change approved: ordinal, type, item, code and proposed content
      changesDigest: digestOf(
        ctx,
        changes.map((change) => ({
          ordinal: change.ordinal,
          changeType: change.changeType,
          itemId: change.itemId ?? createdItemOf.get(change.id) ?? null,
          code: change.code,
          proposed: change.proposed,
        })),
      ),
    },
  });
}

/** The organization of a list in scope, or 404. */
export async function organizationOfList(
  ctx: ServiceContext,
  organizationId: string,
): Promise<OrganizationRecord> {
  const organization = await findScopedOrganization(ctx, organizationId);
  if (!organization) throw notFound('组织');
  return organization;
}

/** The stored legal basis of a version, re-resolved on `date` (for the item page). */
export async function resolveBasisOn(ctx: ServiceContext, text: string, date: string) {
  return (await resolveLegalBasis(ctx, text, date)).citations;
}
