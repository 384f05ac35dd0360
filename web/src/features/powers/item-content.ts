import type { ItemContent, ListKind } from '../../../../contracts/powers';
import { detailFields, kindOptionsFor } from './power-fields';

/*
 * An item's content between the form and the contract: the form holds a list as one line per
 * entry and a blank as empty text; the contract wants arrays and nulls.
 */

type Content = Pick<ItemContent, 'code' | 'name' | 'kind' | 'legalBasisText' | 'details'>;

/** A details value as the form holds it (a list is one text, one line an entry). */
type DetailValue = string | number | boolean | null;

/** The form's values for an item: details as entered (lists as one line each). */
export interface ItemContentValues {
  code: string;
  name: string;
  kind?: string | null;
  legalBasisText: string;
  details: Record<string, DetailValue | undefined>;
}

/** Form values → the content the server validates (lines split into a list, blanks dropped). */
export function toItemContent(listKind: ListKind, values: ItemContentValues): ItemContent {
  const details: Record<string, unknown> = {};
  for (const field of detailFields[listKind]) {
    const value = values.details[field.name];
    if (field.type === 'lines') {
      details[field.name] = String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    } else if (field.type === 'boolean') {
      details[field.name] = value === true;
    } else if (field.type === 'days' || field.type === 'percent') {
      details[field.name] = typeof value === 'number' ? value : null;
    } else {
      const text = typeof value === 'string' ? value.trim() : '';
      details[field.name] = text === '' ? null : text;
    }
  }
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    kind: kindOptionsFor(listKind) ? (values.kind ?? null) : null,
    legalBasisText: values.legalBasisText.trim(),
    details,
  };
}

/** An item's content → form values (for 变更: the in-force item is the starting point). */
export function toItemContentValues(listKind: ListKind, content: ItemContent): ItemContentValues {
  const details: ItemContentValues['details'] = {};
  for (const field of detailFields[listKind]) {
    const value = content.details[field.name];
    if (Array.isArray(value)) details[field.name] = value.map(String).join('\n');
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      details[field.name] = value;
    } else details[field.name] = null;
  }
  return { ...content, details };
}

/** Default values of a new item of a kind (是否收费 as the contract defaults it). */
export function blankItemContentValues(listKind: ListKind): Partial<ItemContentValues> {
  const details: ItemContentValues['details'] = {};
  for (const field of detailFields[listKind]) {
    if (field.type === 'boolean') details[field.name] = listKind === 'intermediary';
  }
  return { details };
}

/** Two values are the same when their JSON is (null and absent alike). */
export const same = (left: unknown, right: unknown) =>
  JSON.stringify(left ?? null) === JSON.stringify(right ?? null);

/** The fields that differ between two contents, named as the diff names them (name, details.duties…). */
export function changedFieldsOf(listKind: ListKind, before: Content, after: Content): string[] {
  const changed: string[] = [];
  for (const field of ['code', 'name', 'kind', 'legalBasisText'] as const) {
    if (!same(before[field], after[field])) changed.push(field);
  }
  for (const field of detailFields[listKind]) {
    if (!same(before.details[field.name], after.details[field.name])) changed.push(`details.${field.name}`);
  }
  return changed;
}
