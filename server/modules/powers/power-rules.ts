import {
  detailsSchemas,
  itemContentSchema,
  powerKinds,
  powerKindLabels,
  serviceKinds,
  serviceKindLabels,
  type ItemContent,
  type ItemStatus,
  type ListDiffEntry,
  type ListKind,
} from '../../../contracts/powers';
import { invalid } from '../../core/errors';

/** Pure rules of the power lists: validity ranges, item status, content validation, diffs. */

/** The part of an item version the rules read. */
export interface VersionRange {
  effectiveFrom: string;
  effectiveTo: string | null;
  isCancelled: boolean;
}

/** Whether a version covers `date`: effectiveFrom ≤ date < effectiveTo (open when null). */
export const coversDate = (version: VersionRange, date: string) =>
  version.effectiveFrom <= date && (version.effectiveTo === null || date < version.effectiveTo);

/** In force on `date`: the version covers it and is not a cancellation. */
export const isInForceOn = (version: VersionRange, date: string) =>
  coversDate(version, date) && !version.isCancelled;

/**
 * The status on `date` of an item shown by `version` (the version covering the date, or the
 * item's first version when that starts later): pending before it starts, cancelled, or in force.
 */
export function itemStatusOn(version: VersionRange, date: string): ItemStatus {
  if (version.effectiveFrom > date) return 'pending';
  return version.isCancelled ? 'cancelled' : 'inForce';
}

/** Of an item's versions, the one to show on `date`: the version covering it, else the first one (pending). */
export function versionOn<Version extends VersionRange & { version: number }>(
  versions: readonly Version[],
  date: string,
): Version | null {
  const covering = versions.find((version) => coversDate(version, date));
  if (covering) return covering;
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const first = sorted[0];
  if (first && first.effectiveFrom > date) return first;
  return sorted.at(-1) ?? null;
}

const kindLabel = (listKind: ListKind) =>
  listKind === 'power'
    ? `职权类型只能是：${powerKinds.map((kind) => powerKindLabels[kind]).join('、')}`
    : `服务事项类型只能是：${serviceKinds.map((kind) => serviceKindLabels[kind]).join('、')}`;

/**
 * The content of an item as the list kind requires it, or 400 naming the field (`content.<name>`,
 * `content.details.<name>`): the common fields, the kind (a powerKind on the power list, a
 * serviceKind on the service list, absent elsewhere) and the list kind's details.
 */
export function validateItemContent(listKind: ListKind, input: unknown): ItemContent {
  const common = itemContentSchema.safeParse(input);
  if (!common.success) throw issueToError(common.error.issues[0], 'content');
  const content = common.data;
  const kind = content.kind?.trim() ? content.kind.trim() : null;
  if (listKind === 'power' || listKind === 'service') {
    const allowed: readonly string[] = listKind === 'power' ? powerKinds : serviceKinds;
    if (!kind || !allowed.includes(kind)) throw invalid('content.kind', kindLabel(listKind));
  } else if (kind) {
    throw invalid(
      'content.kind',
      `${listKind === 'spotCheck' ? '随机抽查事项' : '该清单'}不区分事项类型，请留空`,
    );
  }
  const details = detailsSchemas[listKind].safeParse(content.details);
  if (!details.success) throw issueToError(details.error.issues[0], 'content.details');
  return { ...content, kind, details: details.data };
}

function issueToError(issue: { path: PropertyKey[]; message: string } | undefined, prefix: string) {
  const path = issue?.path.map(String).filter(Boolean) ?? [];
  const field = [prefix, ...path.slice(0, prefix === 'content.details' ? 1 : 2)].join('.');
  return invalid(field, issue?.message ?? '格式不正确');
}

/** The names of the fields that differ between two contents (name, kind, legalBasisText, details.<name>). */
export function changedFields(before: ItemContent, after: ItemContent): string[] {
  const fields: string[] = [];
  for (const key of ['code', 'name', 'kind', 'legalBasisText'] as const) {
    if ((before[key] ?? null) !== (after[key] ?? null)) fields.push(key);
  }
  const keys = new Set([...Object.keys(before.details), ...Object.keys(after.details)]);
  for (const key of [...keys].sort()) {
    if (JSON.stringify(before.details[key] ?? null) !== JSON.stringify(after.details[key] ?? null)) {
      fields.push(`details.${key}`);
    }
  }
  return fields;
}

/** An item as it stood at a list version: its id, code, content and whether that version cancelled it. */
export interface ItemAtVersion {
  itemId: string;
  code: string;
  version: number;
  isCancelled: boolean;
  content: ItemContent;
}

/**
 * The diff between two versions of a list, from the items as of each: added (absent or cancelled
 * before, present after), cancelled (present before, cancelled after), modified (another item
 * version with different content), ordered by code.
 */
export function diffListVersions(
  before: ReadonlyMap<string, ItemAtVersion>,
  after: ReadonlyMap<string, ItemAtVersion>,
): ListDiffEntry[] {
  const entries: ListDiffEntry[] = [];
  for (const [itemId, now] of after) {
    const then = before.get(itemId);
    const wasPresent = then !== undefined && !then.isCancelled;
    if (now.isCancelled) {
      if (wasPresent)
        entries.push({
          code: now.code,
          itemId,
          change: 'cancelled',
          before: then.content,
          after: null,
          changedFields: [],
        });
      continue;
    }
    if (!wasPresent) {
      entries.push({
        code: now.code,
        itemId,
        change: 'added',
        before: null,
        after: now.content,
        changedFields: [],
      });
      continue;
    }
    if (then.version === now.version) continue;
    const fields = changedFields(then.content, now.content);
    if (fields.length > 0)
      entries.push({
        code: now.code,
        itemId,
        change: 'modified',
        before: then.content,
        after: now.content,
        changedFields: fields,
      });
  }
  for (const [itemId, then] of before) {
    // going back (from a later version to an earlier one) shows the later additions as cancelled
    if (!after.has(itemId) && !then.isCancelled)
      entries.push({
        code: then.code,
        itemId,
        change: 'cancelled',
        before: then.content,
        after: null,
        changedFields: [],
      });
  }
  return entries.sort((a, b) => a.code.localeCompare(b.code) || a.change.localeCompare(b.change));
}
