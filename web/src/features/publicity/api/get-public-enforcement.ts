import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  certificateCheckSchema,
  publicDecisionPageSchema,
  publicDecisionSchema,
  publicEnforcementBodySchema,
  type PublicEnforcementBodyDetail,
} from '../../../../../contracts/publicity';
import { requestJson } from '../../../lib/api-client';

/** The portal's 行政执法公示 (no sign-in): bodies, one body, published decisions, the certificate check. */

export function getPublicEnforcementBodies() {
  return requestJson(z.array(publicEnforcementBodySchema), '/api/public/enforcement/bodies');
}

export function usePublicEnforcementBodies() {
  return useQuery({
    queryKey: ['public-enforcement', 'bodies'],
    queryFn: getPublicEnforcementBodies,
    staleTime: 60_000,
  });
}

export function getPublicEnforcementBody(id: string) {
  return requestJson(z.custom<PublicEnforcementBodyDetail>(), `/api/public/enforcement/bodies/${id}`);
}

export function usePublicEnforcementBody(id: string) {
  return useQuery({
    queryKey: ['public-enforcement', 'body', id],
    queryFn: () => getPublicEnforcementBody(id),
  });
}

export interface PublicDecisionParams {
  q?: string;
  organizationId?: string;
  year?: number;
  page: number;
  pageSize: number;
}

export function getPublicDecisions(query: PublicDecisionParams) {
  return requestJson(publicDecisionPageSchema, '/api/public/enforcement/decisions', { query: { ...query } });
}

export function usePublicDecisions(query: PublicDecisionParams) {
  return useQuery({
    queryKey: ['public-enforcement', 'decisions', query],
    queryFn: () => getPublicDecisions(query),
    placeholderData: keepPreviousData,
  });
}

export function getPublicDecision(id: string) {
  return requestJson(publicDecisionSchema, `/api/public/enforcement/decisions/${id}`);
}

export function usePublicDecision(id: string) {
  return useQuery({ queryKey: ['public-enforcement', 'decision', id], queryFn: () => getPublicDecision(id) });
}

export function getCertificateCheck(certificateNumber: string) {
  return requestJson(
    certificateCheckSchema,
    `/api/public/enforcement/officers/${encodeURIComponent(certificateNumber)}`,
  );
}

/** The certificate check an officer shows on the spot (亮证执法). */
export function useCertificateCheck(certificateNumber: string) {
  return useQuery({
    queryKey: ['public-enforcement', 'officer', certificateNumber],
    queryFn: () => getCertificateCheck(certificateNumber),
    retry: false,
  });
}
