import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../access/load-actor';
import { inTransaction, readContext, type Actor } from '../context';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, createTestUser } from '../../test/factories';
import { testDatabaseKinds } from '../../test/test-databases';
import { attachFile, listAttachments, storeFile } from './file-service';
import { filesRoot, writeBlob } from './file-storage';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the blob store on disk', () => {
  it('leaves no file under a final name, and no temp file, when the upload breaks off', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fazhi-blobs-'));
    try {
      const broken = Readable.from(
        (async function* chunks() {
          yield randomBytes(1000);
          await Promise.resolve();
          throw new Error('connection reset');
        })(),
      );
      await expect(writeBlob(dataDir, broken)).rejects.toThrow('connection reset');
      const left = await readdir(filesRoot(dataDir), { recursive: true, withFileTypes: true });
      expect(left.filter((entry) => entry.isFile())).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabaseKinds())('attaching evidence files to records on %s', (database) => {
  let platform: TestPlatform;
  let dataDir: string;
  let bureau: { id: string };
  let otherCounty: { id: string };
  let officer: Actor;
  let otherOfficer: Actor;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fazhi-files-'));
    platform = await buildTestPlatform({ database, env: { FAZHI_DATA_DIR: dataDir } });
    const city = await createTestOrganization(platform, { name: '示范市人民政府' });
    const county = await createTestOrganization(platform, { name: '伊川县人民政府', parentId: city.id });
    otherCounty = await createTestOrganization(platform, { name: '宜阳县人民政府', parentId: city.id });
    bureau = await createTestOrganization(platform, { name: '伊川县市场监督管理局', parentId: county.id });
    const load = async (organizationId: string) => {
      const user = await createTestUser(platform, { role: 'officer', organizationId });
      const actor = await loadActor(platform.deps.db, platform.config.tenantCode, user.id);
      if (!actor) throw new Error('no actor');
      return actor;
    };
    officer = await load(bureau.id);
    otherOfficer = await load(otherCounty.id);
  });
  afterAll(async () => {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves one blob to several records, each listing it with its label; another county sees none of them', async () => {
    const bytes = randomBytes(2048);
    const stored = await storeFile(readContext(platform.deps, officer), {
      stream: Readable.from([bytes]),
      originalName: '现场检查录像.mp4',
      mediaType: 'video/mp4',
      organizationId: bureau.id,
      capture: { capturedBy: '张三', location: '伊川县某厂区' },
    });
    expect(stored.sha256).toBe(sha256(bytes));
    for (const subjectId of ['case-1', 'case-2'])
      await inTransaction(platform.deps, officer, (ctx) =>
        attachFile(ctx, {
          sha256: stored.sha256,
          subjectType: 'enforcementCase',
          subjectId,
          organizationId: bureau.id,
          label: '现场录像',
          note: '查封现场',
        }),
      );
    for (const subjectId of ['case-1', 'case-2']) {
      const listed = await listAttachments(readContext(platform.deps, officer), 'enforcementCase', subjectId);
      expect(listed.map((item) => [item.label, item.file.sha256, item.file.capture?.location])).toEqual([
        ['现场录像', stored.sha256, '伊川县某厂区'],
      ]);
    }
    expect(
      await listAttachments(readContext(platform.deps, otherOfficer), 'enforcementCase', 'case-1'),
    ).toEqual([]);
  });

  it('refuses to attach a file the actor cannot see (404) or to a record of an organization outside the scope (403)', async () => {
    const bytes = randomBytes(512);
    const stored = await storeFile(readContext(platform.deps, officer), {
      stream: Readable.from([bytes]),
      originalName: '询问笔录.pdf',
      mediaType: 'application/pdf',
      organizationId: bureau.id,
    });
    await expect(
      inTransaction(platform.deps, otherOfficer, (ctx) =>
        attachFile(ctx, {
          sha256: stored.sha256,
          subjectType: 'enforcementCase',
          subjectId: 'case-9',
          organizationId: otherCounty.id,
          label: '笔录',
        }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      inTransaction(platform.deps, officer, (ctx) =>
        attachFile(ctx, {
          sha256: stored.sha256,
          subjectType: 'enforcementCase',
          subjectId: 'case-9',
          organizationId: otherCounty.id,
          label: '笔录',
        }),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await listAttachments(readContext(platform.deps, null), 'enforcementCase', 'case-9')).toEqual([]);
  });
});
