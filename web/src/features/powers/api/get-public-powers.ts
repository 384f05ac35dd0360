import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  itemPageSchema,
  type ListKind,
  type PowerItemView,
  type PublicPowerOrganization,
} from '../../../../../contracts/powers';
import { requestJson } from '../../../lib/api-client';

const organizationsSchema = z.array(z.custom<PublicPowerOrganization>());

export function getPublicPowerOrganizations() {
  return requestJson(organizationsSchema, '/api/public/powers/organizations');
}

/** The organizations that publish lists, with the number of items on each (public). */
export function usePublicPowerOrganizations() {
  return useQuery({
    queryKey: ['public-powers', 'organizations'],
    queryFn: getPublicPowerOrganizations,
    staleTime: 60_000,
  });
}

export interface PublicItemListParams {
  organizationId?: string;
  listKind?: ListKind;
  kind?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function getPublicPowerItems(query: PublicItemListParams) {
  return requestJson(itemPageSchema, '/api/public/powers/items', { query: { ...query } });
}

/** Items in force today (public), filtered; without organizationId it searches every list. */
export function usePublicPowerItems(query: PublicItemListParams, isEnabled = true) {
  return useQuery({
    queryKey: ['public-powers', 'items', query],
    queryFn: () => getPublicPowerItems(query),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

export function getPublicPowerItem(id: string) {
  return requestJson(z.custom<PowerItemView>(), `/api/public/powers/items/${id}`);
}

/** One item in force, with its legal basis resolved (public). */
export function usePublicPowerItem(id: string) {
  return useQuery({ queryKey: ['public-powers', 'item', id], queryFn: () => getPublicPowerItem(id) });
}
