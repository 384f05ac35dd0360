import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  AddRecordInput,
  CaseDetail,
  CaseDocumentKind,
  CaseDocumentView,
  CaseRecordView,
  RegisterCaseInput,
} from '../../../../../contracts/enforcement';
import type { FileVerificationView, StoredFileUploadResult } from '../../../../../contracts/files';
import { ApiError, errorFromBody, jsonOrNull, requestJson } from '../../../lib/api-client';
import { casesQueryKey } from './get-cases';

export function registerCase(input: RegisterCaseInput) {
  return requestJson(z.custom<CaseDetail>(), '/api/enforcement/cases', { method: 'POST', body: input });
}

export function performCaseAction(
  caseId: string,
  action: string,
  fields: Record<string, unknown>,
  expectedRevision?: number,
) {
  return requestJson(z.custom<CaseDetail>(), `/api/enforcement/cases/${caseId}/actions/${action}`, {
    method: 'POST',
    body: { fields, expectedRevision },
  });
}

export function addCaseRecord(caseId: string, input: AddRecordInput) {
  return requestJson(z.custom<CaseRecordView>(), `/api/enforcement/cases/${caseId}/records`, {
    method: 'POST',
    body: input,
  });
}

/** The answer of a record's integrity check (the stored file's hash computed again). */
export type RecordVerification = Partial<FileVerificationView> & { ok?: boolean };

export function verifyCaseRecord(caseId: string, recordId: string) {
  return requestJson(
    z.custom<RecordVerification>(),
    `/api/enforcement/cases/${caseId}/records/${recordId}/verify`,
    { method: 'POST' },
  );
}

export function generateCaseDocument(caseId: string, kind: CaseDocumentKind) {
  return requestJson(z.custom<CaseDocumentView>(), `/api/enforcement/cases/${caseId}/documents/${kind}`, {
    method: 'POST',
  });
}

/** Where and when an evidence file was made, sent before the file (the server refuses fields after it). */
export interface EvidenceUpload {
  file: File;
  organizationId: string;
  capturedAt?: string;
  location?: string;
}

/** Stores an evidence file by its SHA-256 (POST /api/files, multipart); the answer names the hash. */
export async function uploadEvidenceFile(upload: EvidenceUpload): Promise<StoredFileUploadResult> {
  const form = new FormData();
  form.append('organizationId', upload.organizationId);
  if (upload.capturedAt) form.append('capturedAt', upload.capturedAt);
  if (upload.location) form.append('location', upload.location);
  form.append('file', upload.file);
  let response: Response;
  try {
    response = await fetch('/api/files', { method: 'POST', body: form, credentials: 'include' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const body = await jsonOrNull(response);
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as StoredFileUploadResult;
}

function useInvalidateCases() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: casesQueryKey });
}

/** 立案: the case and its procedure, started. */
export function useRegisterCase() {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: registerCase, onSuccess: invalidate });
}

/** One step of the procedure; the server answers 409 with the reason when it is refused. */
export function useCaseAction(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: ({
      action,
      fields,
      expectedRevision,
    }: {
      action: string;
      fields: Record<string, unknown>;
      expectedRevision?: number;
    }) => performCaseAction(caseId, action, fields, expectedRevision),
    // a refusal may come from a case someone else has just moved on: read it again either way
    onSettled: invalidate,
  });
}

/** 上传记录: the file (when there is one) is stored first, then the record names its hash. */
export function useAddCaseRecord(caseId: string, organizationId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: async ({ input, file }: { input: AddRecordInput; file?: File }) => {
      const stored = file
        ? await uploadEvidenceFile({
            file,
            organizationId,
            capturedAt: input.recordedAt,
            location: input.location ?? undefined,
          })
        : null;
      return addCaseRecord(caseId, { ...input, ...(stored ? { fileSha256: stored.sha256 } : {}) });
    },
    onSuccess: invalidate,
  });
}

export function useVerifyCaseRecord(caseId: string) {
  return useMutation({ mutationFn: (recordId: string) => verifyCaseRecord(caseId, recordId) });
}

export function useGenerateCaseDocument(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: (kind: CaseDocumentKind) => generateCaseDocument(caseId, kind),
    onSuccess: invalidate,
  });
}
