import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  certificatePageSchema,
  personPageSchema,
  type CertificateListQuery,
} from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export type CertificateListParams = Partial<CertificateListQuery>;

export function getCertificates(query: CertificateListParams) {
  return requestJson(certificatePageSchema, '/api/certificates', { query: { ...query } });
}

/** One page of enforcement certificates in the user's scope. */
export function useCertificates(query: CertificateListParams) {
  return useQuery({
    queryKey: ['certificates', 'list', query],
    queryFn: () => getCertificates(query),
    placeholderData: keepPreviousData,
  });
}

/** Holders to choose from when issuing a certificate: serving staff matching the typed name. */
export function useHolderChoices(search: string) {
  return useQuery({
    queryKey: ['certificates', 'holders', search],
    queryFn: () =>
      requestJson(personPageSchema, '/api/people', {
        query: { search: search || undefined, active: 'true', pageSize: 30 },
      }),
    placeholderData: keepPreviousData,
  });
}
