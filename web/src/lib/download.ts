import { apiUrl, ApiError, errorFromBody, jsonOrNull, request, type QueryParams } from './api-client';

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return fallback;
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Downloads a file the server makes (Excel export, import template), keeping the server's Chinese file name. */
export async function downloadFile(path: string, fallbackName: string, query?: QueryParams): Promise<void> {
  const response = await request(apiUrl(path, query));
  save(await response.blob(), filenameOf(response, fallbackName));
}

export interface UploadOutcome<T> {
  ok: boolean;
  result?: T;
  error?: ApiError;
  /** the server's error workbook (rows with the reason of each refusal), when it sent one */
  errorSheet?: Blob;
  errorSheetName?: string;
}

/**
 * Uploads an Excel file. On refusal the server either answers JSON `{code,message}` or the
 * workbook annotated with the errors; both are returned so the page can offer the download.
 */
export async function uploadFile<T>(
  path: string,
  file: File,
  parse: (body: unknown) => T,
): Promise<UploadOutcome<T>> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', body: form, credentials: 'include' });
  } catch {
    return { ok: false, error: new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试') };
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && type.includes('json')) return { ok: true, result: parse(await response.json()) };
  if (type.includes('spreadsheetml')) {
    return {
      ok: false,
      errorSheet: await response.blob(),
      errorSheetName: filenameOf(response, '导入错误.xlsx'),
      error: new ApiError(
        response.status,
        'VALIDATION_FAILED',
        `导入文件有 ${response.headers.get('x-import-errors') ?? '若干'} 处问题，未导入任何数据。请下载问题表格，按提示改正后重新导入。`,
      ),
    };
  }
  const body = await jsonOrNull(response);
  const error = errorFromBody(response.status, body);
  const errorSheetUrl = body && typeof body === 'object' && 'errorSheet' in body ? body.errorSheet : null;
  if (typeof errorSheetUrl === 'string') {
    const sheet = await fetch(errorSheetUrl, { credentials: 'include' });
    if (sheet.ok)
      return {
        ok: false,
        error,
        errorSheet: await sheet.blob(),
        errorSheetName: filenameOf(sheet, '导入错误.xlsx'),
      };
  }
  return { ok: false, error };
}

export { save as saveBlob };
