import type { TestPlatform } from './build-test-app';

/** A signed-in user's cookie, as `fixture.headers(user)` or `signIn` give it. */
export type SessionHeaders = { cookie: string };

/** What an API answered: the status, the JSON body (null when not JSON) with the error fields, the text. */
export interface Answer<T> {
  status: number;
  body: T & { code?: string; message?: string; field?: string };
  text: string;
  raw: Awaited<ReturnType<TestPlatform['app']['inject']>>;
}

/**
 * The HTTP helper of integration tests: `call(who, method, url, payload)` through the platform's
 * app (no network), for the platform that `current` returns when called (tests build it in beforeAll).
 */
export function httpCaller(current: () => TestPlatform) {
  return async <T>(
    headers: SessionHeaders | null | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<Answer<T>> => {
    const response = await current().app.inject({
      method,
      url,
      ...(headers ? { headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: (isJson ? response.json() : null) as Answer<T>['body'],
      text: response.body,
      raw: response,
    };
  };
}
