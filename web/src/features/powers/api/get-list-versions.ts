import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { ListDiffEntry, ListKind, ListVersionView } from '../../../../../contracts/powers';
import { requestJson } from '../../../lib/api-client';

const versionsSchema = z.array(z.custom<ListVersionView>());
const diffSchema = z.array(z.custom<ListDiffEntry>());

export function getListVersions(organizationId: string, listKind: ListKind) {
  return requestJson(versionsSchema, `/api/powers/lists/${organizationId}/${listKind}/versions`);
}

/** The approved versions of one organization's list of a kind. */
export function useListVersions(organizationId: string | undefined, listKind: ListKind) {
  return useQuery({
    queryKey: ['powers', 'versions', organizationId, listKind],
    queryFn: () => getListVersions(organizationId ?? '', listKind),
    enabled: Boolean(organizationId),
  });
}

export interface ListDiffParams {
  organizationId: string;
  listKind: ListKind;
  from: number;
  to: number;
}

export function getListDiff(params: ListDiffParams) {
  return requestJson(diffSchema, '/api/powers/diff', { query: { ...params } });
}

/** What changed between two versions of a list: added, modified (with the fields), cancelled. */
export function useListDiff(params: ListDiffParams | null) {
  return useQuery({
    queryKey: ['powers', 'diff', params],
    queryFn: () => getListDiff(params ?? { organizationId: '', listKind: 'power', from: 0, to: 1 }),
    enabled: params !== null,
  });
}
