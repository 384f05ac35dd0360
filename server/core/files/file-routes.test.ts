import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/verify-audit-log';
import { queryRows } from '../db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, signedInAs } from '../../test/factories';
import { multipartBody } from '../../test/multipart';
import { testDatabaseKinds } from '../../test/test-databases';
import { blobPath, filesRoot } from './file-storage';

/** A multipart body: the fields first, then (if given) the `file` part. */
const multipart = (
  fields: Record<string, string>,
  file?: { bytes: Buffer; name: string; type: string; field?: string },
) =>
  multipartBody([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...(file
      ? [{ name: file.field ?? 'file', filename: file.name, contentType: file.type, bytes: file.bytes }]
      : []),
  ]);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function counts(platform: TestPlatform) {
  const [row] = await queryRows<{ files: number; attachments: number; audit: number }>(
    platform.deps.db,
    sql`SELECT (SELECT count(*)::int FROM stored_files) AS files, (SELECT count(*)::int FROM file_attachments) AS attachments, (SELECT count(*)::int FROM audit_events WHERE action LIKE 'file.%') AS audit`,
  );
  return row;
}

/** Every blob under the files folder (the temp folder included), so a refused upload can be seen to leave none. */
async function filesOnDisk(platform: TestPlatform): Promise<string[]> {
  const root = filesRoot(platform.config.dataDir);
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe.each(testDatabaseKinds())('evidence files on %s', (database) => {
  let platform: TestPlatform;
  let dataDir: string;
  let yichuanBureau: { id: string };
  let yichuanOfficer: { cookie: string };
  let yiyangOfficer: { cookie: string };
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4096)]);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fazhi-files-'));
    platform = await buildTestPlatform({
      database,
      env: { FAZHI_DATA_DIR: dataDir, FAZHI_MAX_UPLOAD_MB: '1' },
    });
    const city = await createTestOrganization(platform, { name: '示范市人民政府' });
    const yichuan = await createTestOrganization(platform, { name: '伊川县人民政府', parentId: city.id });
    const yiyang = await createTestOrganization(platform, { name: '宜阳县人民政府', parentId: city.id });
    yichuanBureau = await createTestOrganization(platform, {
      name: '伊川县市场监督管理局',
      parentId: yichuan.id,
      kind: 'enforcementBody',
    });
    yichuanOfficer = await signedInAs(platform, 'officer', yichuanBureau.id);
    yiyangOfficer = await signedInAs(platform, 'officer', yiyang.id);
  });
  afterAll(async () => {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (cookie: { cookie: string }, body: ReturnType<typeof multipart>) =>
    platform.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...cookie, ...body.headers },
      payload: body.payload,
    });

  it('stores an upload under the SHA-256 the test computes, with who, when and where, and audits it', async () => {
    const before = await counts(platform);
    const response = await upload(
      yichuanOfficer,
      multipart(
        {
          organizationId: yichuanBureau.id,
          capturedAt: '2026-09-27T15:30:00+08:00',
          location: '伊川县城关镇某超市',
        },
        { bytes: photo, name: '现场照片1.jpg', type: 'image/jpeg' },
      ),
    );
    expect(response.statusCode, response.body).toBe(200);
    const stored = response.json();
    expect(stored.sha256).toBe(sha256(photo));
    expect(stored.size).toBe(photo.length);
    expect(stored.deduplicated).toBe(false);
    expect(stored.originalName).toBe('现场照片1.jpg');
    expect(stored.organizationId).toBe(yichuanBureau.id);
    expect(stored.capture).toEqual({
      capturedAt: '2026-09-27T07:30:00.000Z',
      location: '伊川县城关镇某超市',
    });
    expect(existsSync(blobPath(dataDir, sha256(photo)))).toBe(true);
    expect(blobPath(dataDir, sha256(photo))).toContain(
      join('files', sha256(photo).slice(0, 2), sha256(photo).slice(2, 4), sha256(photo)),
    );
    const after = await counts(platform);
    expect(after?.files).toBe((before?.files ?? 0) + 1);
    const [event] = await queryRows<{ entity_id: string; change: { sha256: string } }>(
      platform.deps.db,
      sql`SELECT entity_id, change FROM audit_events WHERE action = 'file.store' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event?.entity_id).toBe(sha256(photo));
    expect(event?.change.sha256).toBe(sha256(photo));
  });

  it('deduplicates a second upload of the same bytes: one record, one blob, the upload still audited', async () => {
    const before = await counts(platform);
    const blobsBefore = await filesOnDisk(platform);
    const response = await upload(
      yichuanOfficer,
      multipart({}, { bytes: photo, name: '另一个名字.jpg', type: 'image/jpeg' }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().sha256).toBe(sha256(photo));
    expect(response.json().deduplicated).toBe(true);
    expect(response.json().originalName).toBe('现场照片1.jpg');
    const after = await counts(platform);
    expect(after?.files).toBe(before?.files);
    expect(after?.audit).toBe((before?.audit ?? 0) + 1);
    expect(await filesOnDisk(platform)).toEqual(blobsBefore);
  });

  it('downloads the bytes with the Chinese file name (RFC 5987) and shows the record', async () => {
    const download = await platform.app.inject({
      method: 'GET',
      url: `/api/files/${sha256(photo)}`,
      headers: yichuanOfficer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(photo)).toBe(true);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="____1.jpg"; filename*=UTF-8''${encodeURIComponent('现场照片1.jpg')}`,
    );
    const meta = await platform.app.inject({
      method: 'GET',
      url: `/api/files/${sha256(photo)}/meta`,
      headers: yichuanOfficer,
    });
    expect(meta.statusCode).toBe(200);
    expect(meta.json().uploadedBy.name).toMatch(/测试/);
  });

  it('verifies an intact file, and the check itself is an audit event', async () => {
    const before = await counts(platform);
    const response = await platform.app.inject({
      method: 'POST',
      url: `/api/files/${sha256(photo)}/verify`,
      headers: yichuanOfficer,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      intact: true,
      missing: false,
      expected: sha256(photo),
      actual: sha256(photo),
    });
    expect((await counts(platform))?.audit).toBe((before?.audit ?? 0) + 1);
  });

  it('gives another county 404 on download, record and verify, and writes nothing for it', async () => {
    const before = await counts(platform);
    for (const [method, url] of [
      ['GET', `/api/files/${sha256(photo)}`],
      ['GET', `/api/files/${sha256(photo)}/meta`],
      ['POST', `/api/files/${sha256(photo)}/verify`],
    ] as const) {
      const response = await platform.app.inject({ method, url, headers: yiyangOfficer });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    expect(await counts(platform)).toEqual(before);
  });

  it('detects a file altered on disk, naming the expected and the actual hash', async () => {
    const bytes = Buffer.from(`%PDF-1.4 询问笔录 ${randomBytes(64).toString('hex')}`);
    const stored = await upload(
      yichuanOfficer,
      multipart({}, { bytes, name: '询问笔录.pdf', type: 'application/pdf' }),
    );
    expect(stored.statusCode, stored.body).toBe(200);
    const altered = Buffer.from(bytes);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 0xff;
    await writeFile(blobPath(dataDir, sha256(bytes)), altered);
    const response = await platform.app.inject({
      method: 'POST',
      url: `/api/files/${sha256(bytes)}/verify`,
      headers: yichuanOfficer,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      intact: false,
      missing: false,
      expected: sha256(bytes),
      actual: sha256(altered),
    });
    const [event] = await queryRows<{ change: { intact: boolean; actual: string } }>(
      platform.deps.db,
      sql`SELECT change FROM audit_events WHERE action = 'file.verify' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event?.change).toMatchObject({ intact: false, actual: sha256(altered) });
  });

  it('reports a file missing from disk', async () => {
    const bytes = Buffer.from(`录音 ${randomBytes(64).toString('hex')}`);
    const stored = await upload(
      yichuanOfficer,
      multipart({}, { bytes, name: '询问录音.mp3', type: 'audio/mpeg' }),
    );
    expect(stored.statusCode, stored.body).toBe(200);
    await unlink(blobPath(dataDir, sha256(bytes)));
    const response = await platform.app.inject({
      method: 'POST',
      url: `/api/files/${sha256(bytes)}/verify`,
      headers: yichuanOfficer,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      intact: false,
      missing: true,
      expected: sha256(bytes),
      actual: null,
    });
    const download = await platform.app.inject({
      method: 'GET',
      url: `/api/files/${sha256(bytes)}`,
      headers: yichuanOfficer,
    });
    expect(download.statusCode).toBe(404);
    expect(download.json().code).toBe('NOT_FOUND');
  });

  it('refuses a disallowed type, a missing file field, a bad field and an oversized file with 400 naming the field; nothing written', async () => {
    const before = await counts(platform);
    const blobsBefore = await filesOnDisk(platform);
    const cases: [ReturnType<typeof multipart>, string][] = [
      [
        multipart({}, { bytes: Buffer.from('MZ…'), name: '工具.exe', type: 'application/x-msdownload' }),
        'file',
      ],
      [multipart({ organizationId: yichuanBureau.id }), 'file'],
      [multipart({}, { bytes: photo, name: '照片.jpg', type: 'image/jpeg', field: 'photo' }), 'file'],
      [
        multipart({ capturedAt: '昨天' }, { bytes: randomBytes(100), name: 'a.jpg', type: 'image/jpeg' }),
        'capturedAt',
      ],
      [
        multipart({ organizationId: 'x' }, { bytes: randomBytes(100), name: 'a.jpg', type: 'image/jpeg' }),
        'organizationId',
      ],
      [multipart({}, { bytes: randomBytes(1024 * 1024 + 10), name: '录像.mp4', type: 'video/mp4' }), 'file'],
    ];
    for (const [body, field] of cases) {
      const response = await upload(yichuanOfficer, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const notMultipart = await platform.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: yichuanOfficer,
      payload: { file: 'abc' },
    });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().field).toBe('file');
    expect(await counts(platform)).toEqual(before);
    expect(await filesOnDisk(platform)).toEqual(blobsBefore);
  });

  it('refuses a form field sent after the file (it would be ignored) with 400 naming it; no record', async () => {
    const before = await counts(platform);
    const response = await upload(
      yichuanOfficer,
      multipartBody([
        { name: 'file', filename: '现场.png', contentType: 'image/png', bytes: randomBytes(300) },
        { name: 'location', value: '伊川县' },
      ]),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'location' });
    expect(await counts(platform)).toEqual(before);
  });

  it('refuses an upload for another county’s organization (403) and an unsigned upload (401), nothing written', async () => {
    const before = await counts(platform);
    const blobsBefore = await filesOnDisk(platform);
    const bytes = randomBytes(256);
    const foreign = await upload(
      yiyangOfficer,
      multipart({ organizationId: yichuanBureau.id }, { bytes, name: 'a.png', type: 'image/png' }),
    );
    expect(foreign.statusCode).toBe(403);
    const anonymous = await upload(
      { cookie: '' },
      multipart({}, { bytes, name: 'a.png', type: 'image/png' }),
    );
    expect(anonymous.statusCode).toBe(401);
    expect(await counts(platform)).toEqual(before);
    expect(await filesOnDisk(platform)).toEqual(blobsBefore);
  });

  it('lets a second county upload the same bytes: it then sees the file, recorded as its own upload', async () => {
    const response = await upload(
      yiyangOfficer,
      multipart({}, { bytes: photo, name: '宜阳照片.jpg', type: 'image/jpeg' }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().deduplicated).toBe(true);
    const meta = await platform.app.inject({
      method: 'GET',
      url: `/api/files/${sha256(photo)}/meta`,
      headers: yiyangOfficer,
    });
    expect(meta.statusCode).toBe(200);
  });

  it('leaves the audit log verifiable after every upload and check', async () => {
    const verification = await verifyAuditLog(platform.deps);
    expect(verification.firstBad).toBeUndefined();
    expect(verification.ok).toBe(true);
  });

  it('rejects a malformed hash with 400 naming sha256', async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: '/api/files/abc/meta',
      headers: yichuanOfficer,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('sha256');
  });
});
