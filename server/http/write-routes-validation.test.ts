import { sql } from 'drizzle-orm';
import { queryRows } from '../core/db/query-rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPlatform, type TestPlatform } from '../test/build-test-app';
import { testDatabaseKinds } from '../test/test-databases';

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string }[];
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** A value of the wrong type for a property of this schema. */
function wrongValue(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === 'string' ? { wrong: true } : 'not-a-valid-value-类型错误';
}

async function countAllRows(platform: TestPlatform): Promise<number> {
  const tables = await queryRows<{ table_name: string }>(
    platform.deps.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'sessions'`,
  );
  let total = 0;
  for (const { table_name: table } of tables) {
    const [row] = await queryRows<{ n: number }>(
      platform.deps.db,
      sql.raw(`SELECT count(*)::int AS n FROM "${table}"`),
    );
    total += row?.n ?? 0;
  }
  return total;
}

describe.each(testDatabaseKinds())('every write route refuses a malformed body on %s', (database) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
  });
  afterAll(async () => platform.close());

  it('answers 400 naming the field, and writes nothing', async () => {
    const spec = (await platform.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, OpenApiOperation>>;
    }>();
    const before = await countAllRows(platform);
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (!['post', 'put', 'patch'].includes(method) || !schema?.properties) continue;
        const required = schema.required ?? [];
        const target = required[0] ?? Object.keys(schema.properties)[0];
        if (!target) continue;
        const body: Record<string, unknown> = { [target]: wrongValue(schema.properties[target] ?? {}) };
        const url = path
          .replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000')
          .replace(/:(\w+)/g, '1');
        const response = await platform.app.inject({
          method: method.toUpperCase() as 'POST',
          url,
          payload: body,
        });
        expect(response.statusCode, `${method.toUpperCase()} ${path}: ${response.body}`).toBe(400);
        const error = response.json();
        expect(error.code, `${method.toUpperCase()} ${path}`).toBe('VALIDATION_FAILED');
        expect(error.field, `${method.toUpperCase()} ${path}: ${response.body}`).toBeTruthy();
        expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
        checked.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(await countAllRows(platform)).toBe(before);
    expect(checked.length).toBeGreaterThanOrEqual(Number(process.env.FAZHI_MIN_WRITE_ROUTES ?? 0));
  });
});
