import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { lawLevels, type LawLevel, type LawSearchResult } from '../../../../../contracts/law';
import { requestJson } from '../../../lib/api-client';

const lawSearchResultSchema = z.custom<LawSearchResult>(
  (value) => typeof value === 'object' && value !== null && 'articles' in value,
);

export interface LawSearchParams {
  q: string;
  level?: LawLevel;
  currentOnly?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export function searchLaws(query: LawSearchParams) {
  return requestJson(lawSearchResultSchema, '/api/public/law/search', {
    query: { ...query },
    isSessionProbe: true,
  });
}

/** Full-text search over titles and articles, best first; nothing is asked until there is a word. */
export function useLawSearch(query: LawSearchParams) {
  return useQuery({
    queryKey: ['law', 'search', query],
    queryFn: () => searchLaws(query),
    enabled: query.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The search as the address carries it (`?tab=search&q=罚款&level=law`), so a search can be shared. */
export function searchQueryOf(params: URLSearchParams): LawSearchParams {
  const level = params.get('level');
  const currentOnly = params.get('currentOnly');
  return {
    q: params.get('q') ?? '',
    level: lawLevels.includes(level as LawLevel) ? (level as LawLevel) : undefined,
    currentOnly: currentOnly === 'false' ? 'false' : 'true',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: 20,
  };
}

export function searchParamsOf(query: LawSearchParams, extra: Record<string, string> = {}) {
  const next: Record<string, string> = { ...extra };
  if (query.q) next.q = query.q;
  if (query.level) next.level = query.level;
  if (query.currentOnly === 'false') next.currentOnly = 'false';
  if (query.page > 1) next.page = String(query.page);
  return next;
}
