import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrawInput, testPopulation } from '../../modules/spotchecks/draw/draw-test-fixture';
import { recordDraw } from '../../modules/spotchecks/draw/verify-draw';
import { runSpotcheckVerify } from './spotcheck-verify';

/** `npx fazhi spotcheck verify FILE`: a stranger re-runs a published draw from its JSON record. */

describe('fazhi spotcheck verify', () => {
  let folder: string;
  const record = recordDraw(testDrawInput(testPopulation(300, 5)), 'c4'.repeat(32), '');

  const verify = async (content: string | null) => {
    const file = join(folder, 'draw.json');
    if (content !== null) await writeFile(file, content);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSpotcheckVerify([content === null ? join(folder, 'missing.json') : file], {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
    });
    return { code, out: out.join(''), err: err.join('') };
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fazhi-draw-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('exits 0 when the published draw re-runs to the same result', async () => {
    const { code, out } = await verify(JSON.stringify(record, null, 2));
    expect(code).toBe(0);
    expect(out).toContain(`验证通过：按公开算法重算，抽取的 ${record.result.entities.length} 户检查对象`);
  });

  it('exits 1 with the reason when the revealed secret was swapped', async () => {
    const { code, out } = await verify(JSON.stringify({ ...record, secret: 'd5'.repeat(32) }));
    expect(code).toBe(1);
    expect(out).toBe('验证未通过：揭示的种子秘密值与抽取前公布的承诺值不符（种子被替换过）\n');
  });

  it('exits 2 for a file that is not JSON or is missing, and for a wrong call', async () => {
    expect((await verify('{ not json')).code).toBe(2);
    const missing = await verify(null);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取');
    expect(await runSpotcheckVerify([], { stdout: () => undefined, stderr: () => undefined })).toBe(2);
  });
});
