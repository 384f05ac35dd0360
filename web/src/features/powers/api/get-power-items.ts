import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { itemPageSchema, type ItemListQuery, type PowerItemDetail } from '../../../../../contracts/powers';
import { requestJson } from '../../../lib/api-client';

export type PowerItemListParams = Partial<ItemListQuery>;

/** The filters of a list query without its paging, for the Excel export of the same list. */
export const exportQueryOf = (query: PowerItemListParams) => ({
  ...query,
  page: undefined,
  pageSize: undefined,
});

export function getPowerItems(query: PowerItemListParams) {
  return requestJson(itemPageSchema, '/api/powers/items', { query: { ...query } });
}

/** One page of a list as it stood on a date (today by default), within the user's scope. */
export function usePowerItems(query: PowerItemListParams, isEnabled = true) {
  return useQuery({
    queryKey: ['powers', 'items', query],
    queryFn: () => getPowerItems(query),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

const itemWithVersionsSchema = z.custom<PowerItemDetail>();

export function getPowerItem(id: string) {
  return requestJson(itemWithVersionsSchema, `/api/powers/items/${id}`);
}

/** An item with its legal basis resolved now, and every version of it (newest first). */
export function usePowerItem(id: string | null) {
  return useQuery({
    queryKey: ['powers', 'item', id],
    queryFn: () => getPowerItem(id ?? ''),
    enabled: id !== null,
  });
}
