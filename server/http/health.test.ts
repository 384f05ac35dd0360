import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPlatform, type TestPlatform } from '../test/build-test-app';
import { testDatabaseKinds } from '../test/test-databases';

describe.each(testDatabaseKinds())('HTTP basics on %s', (database) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
  });
  afterAll(async () => platform.close());

  it('answers /api/health after querying the database', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('serves the OpenAPI document and Prometheus metrics', async () => {
    const docs = await platform.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(docs.json().paths['/api/health']).toBeDefined();
    const metrics = await platform.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('fazhi_http_requests_total');
  });

  it('answers an unknown route with a Chinese 404 in the error shape', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.json().message).toMatch(/接口不存在/);
  });
});
