import {} from 'antd';
import { notify } from './notify';
import type { z } from 'zod';
import { paths } from '../config/paths';

/** An error the server answered with `{ code, message, field? }`; the message is Chinese and shown as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  /** sign-in and /me handle their own 401 (no redirect, no toast) */
  isSessionProbe?: boolean;
}

/** Codes of a 401 that mean "the session is gone": the user goes back to the sign-in page. */
const sessionEndedCodes = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);

export const sessionExpiredNotice = '会话已超时，请重新登录';

/** Builds `/api/...?a=1` leaving out empty values. */
export function apiUrl(path: string, query?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function goToSignIn(reason: string): void {
  if (window.location.pathname.startsWith(paths.console.signIn)) return;
  const back = window.location.pathname + window.location.search;
  const target = `${paths.console.signIn}?reason=${reason}&next=${encodeURIComponent(back)}`;
  window.location.assign(target);
}

/** The server's `{code,message,field?}` as an ApiError; anything else as a generic Chinese error. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const { code, message: text, field } = body as { code: unknown; message: unknown; field?: unknown };
    if (typeof code === 'string' && typeof text === 'string') {
      return new ApiError(status, code, text, typeof field === 'string' ? field : undefined);
    }
  }
  return new ApiError(status, 'INTERNAL', `服务器返回错误（${status}），请稍后重试`);
}

/** The body of an error answer, or null when it is not JSON. */
export async function jsonOrNull(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  return errorFromBody(response.status, await jsonOrNull(response));
}

/** Sends the request with the session cookie; turns an error answer into ApiError and a lost session into the sign-in page. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'include',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.ok) return response;
  const error = await errorOf(response);
  if (!options.isSessionProbe) {
    if (response.status === 401 && sessionEndedCodes.has(error.code)) {
      goToSignIn(error.code === 'SESSION_EXPIRED' ? 'expired' : 'signed-out');
    } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
      window.location.assign(paths.console.changePassword);
    }
  }
  throw error;
}

/** A JSON request whose answer is parsed by the contract's zod schema. */
export async function requestJson<T extends z.ZodType>(
  schema: T,
  path: string,
  options: RequestOptions = {},
): Promise<z.infer<T>> {
  const response = await request(path, options);
  return schema.parse(await response.json());
}

/** Shows an error to the user in Chinese (the server's message when there is one). */
export function showError(error: unknown): void {
  if (error instanceof ApiError) {
    if (error.status === 401 && sessionEndedCodes.has(error.code)) return;
    notify.error(error.message);
    return;
  }
  notify.error('操作失败，请稍后重试');
}
