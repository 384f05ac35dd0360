import { describe, expect, it } from 'vitest';
import type { ItemContent } from '../../../contracts/powers';
import {
  changedFields,
  coversDate,
  diffListVersions,
  isInForceOn,
  itemStatusOn,
  validateItemContent,
  versionOn,
  type ItemAtVersion,
} from './power-rules';

const range = (effectiveFrom: string, effectiveTo: string | null, isCancelled = false) => ({
  effectiveFrom,
  effectiveTo,
  isCancelled,
});

const content = (name: string, details: Record<string, unknown> = {}): ItemContent => ({
  code: 'A-1',
  name,
  kind: 'penalty',
  legalBasisText: '《中华人民共和国食品安全法》第一百二十二条',
  details,
});

describe('in-force ranges', () => {
  it('includes the first day and excludes the end day', () => {
    const version = range('2026-10-01', '2026-10-15');
    expect(coversDate(version, '2026-09-30')).toBe(false);
    expect(coversDate(version, '2026-10-01')).toBe(true);
    expect(coversDate(version, '2026-10-14')).toBe(true);
    expect(coversDate(version, '2026-10-15')).toBe(false);
    expect(coversDate(range('2026-10-01', null), '2099-01-01')).toBe(true);
  });

  it('a cancellation covers its range but is not in force', () => {
    expect(isInForceOn(range('2026-10-15', null, true), '2026-10-20')).toBe(false);
    expect(itemStatusOn(range('2026-10-15', null, true), '2026-10-20')).toBe('cancelled');
  });

  it('an item whose first version starts later is pending; the version shown is the one covering the date', () => {
    const versions = [
      { ...range('2026-10-01', '2026-10-15'), version: 1 },
      { ...range('2026-10-15', null, true), version: 2 },
    ];
    expect(versionOn(versions, '2026-09-28')?.version).toBe(1);
    expect(itemStatusOn(versionOn(versions, '2026-09-28')!, '2026-09-28')).toBe('pending');
    expect(itemStatusOn(versionOn(versions, '2026-10-14')!, '2026-10-14')).toBe('inForce');
    expect(itemStatusOn(versionOn(versions, '2026-10-15')!, '2026-10-15')).toBe('cancelled');
  });
});

describe('content validation', () => {
  it('names the details field of the list kind and the kind', () => {
    expect(() => validateItemContent('power', content('x', { duties: 'd', accountability: 'a' }))).toThrow(
      expect.objectContaining({ field: 'content.details.implementingBody' }),
    );
    expect(() =>
      validateItemContent('spotCheck', {
        ...content('x', { subjectType: 's', content: 'c', method: 'm' }),
        kind: 'penalty',
      }),
    ).toThrow(expect.objectContaining({ field: 'content.kind' }));
    expect(
      validateItemContent('spotCheck', {
        ...content('x', { subjectType: 's', content: 'c', method: 'm' }),
        kind: null,
      }).kind,
    ).toBeNull();
  });
});

describe('diff between list versions', () => {
  const at = (
    itemId: string,
    version: number,
    name: string,
    isCancelled = false,
  ): [string, ItemAtVersion] => [
    itemId,
    {
      itemId,
      code: itemId.toUpperCase(),
      version,
      isCancelled,
      content: { ...content(name), code: itemId.toUpperCase() },
    },
  ];

  it('lists added, modified (with the fields changed) and cancelled items, ordered by code', () => {
    const before = new Map([at('a', 1, '甲'), at('b', 1, '乙'), at('c', 1, '丙')]);
    const after = new Map([
      at('a', 2, '甲（修改）'),
      at('b', 2, '乙', true),
      at('c', 1, '丙'),
      at('d', 1, '丁'),
    ]);
    const diff = diffListVersions(before, after);
    expect(diff.map((entry) => [entry.code, entry.change, entry.changedFields])).toEqual([
      ['A', 'modified', ['name']],
      ['B', 'cancelled', []],
      ['D', 'added', []],
    ]);
  });

  it('from nothing, everything is added; backwards, additions show as cancelled', () => {
    const list = new Map([at('a', 1, '甲')]);
    expect(diffListVersions(new Map(), list).map((entry) => entry.change)).toEqual(['added']);
    expect(diffListVersions(list, new Map()).map((entry) => entry.change)).toEqual(['cancelled']);
  });

  it('changedFields compares details field by field', () => {
    expect(
      changedFields(
        content('甲', { duties: 'x', subItems: ['a'] }),
        content('甲', { duties: 'y', subItems: ['a'] }),
      ),
    ).toEqual(['details.duties']);
  });
});
