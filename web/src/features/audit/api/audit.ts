import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  auditEventPageSchema,
  auditVerificationSchema,
  signedTreeHeadSchema,
  type AuditEventListQuery,
} from '../../../../../contracts/audit';
import { requestJson } from '../../../lib/api-client';

export type AuditEventListParams = Partial<AuditEventListQuery>;

export function useAuditEvents(query: AuditEventListParams) {
  return useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => requestJson(auditEventPageSchema, '/api/audit/events', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** The latest signed tree head (public: anyone may check the log against it). */
export function getTreeHead() {
  return requestJson(signedTreeHeadSchema, '/api/audit/tree-head', { isSessionProbe: true });
}

export function useTreeHead() {
  return useQuery({ queryKey: ['audit', 'tree-head'], queryFn: getTreeHead });
}

export function useVerifyAuditLog() {
  return useMutation({
    mutationFn: () => requestJson(auditVerificationSchema, '/api/audit/verify', { method: 'POST' }),
  });
}
