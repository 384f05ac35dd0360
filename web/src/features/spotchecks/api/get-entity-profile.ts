import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  EntityProfileView,
  PublicEntityPage,
  PublicEntityProfile,
} from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';

/** 涉企信息归集: one entity's profile in the console, and the portal's 企业信息查询 (no sign-in). */

export function getEntityProfile(creditCode: string) {
  return requestJson(
    z.custom<EntityProfileView>(),
    `/api/spotchecks/entities/${encodeURIComponent(creditCode)}/profile`,
  );
}

export function useEntityProfile(creditCode: string) {
  return useQuery({
    queryKey: ['spotchecks', 'entity-profile', creditCode],
    queryFn: () => getEntityProfile(creditCode),
    retry: false,
  });
}

export function searchPublicEntities(query: { q: string; page: number; pageSize: number }) {
  return requestJson(z.custom<PublicEntityPage>(), '/api/public/entities', { query: { ...query } });
}

/** The portal's search; asks nothing until a search word of at least 2 characters is given. */
export function usePublicEntitySearch(query: { q: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['public-entities', 'search', query],
    queryFn: () => searchPublicEntities(query),
    enabled: query.q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function getPublicEntity(creditCode: string) {
  return requestJson(
    z.custom<PublicEntityProfile>(),
    `/api/public/entities/${encodeURIComponent(creditCode)}`,
  );
}

export function usePublicEntity(creditCode: string) {
  return useQuery({
    queryKey: ['public-entities', 'profile', creditCode],
    queryFn: () => getPublicEntity(creditCode),
    retry: false,
  });
}
