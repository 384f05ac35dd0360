import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { testDatabaseKinds } from '../../test/test-databases';
import { runAuditVerify } from '../../cli/commands/audit-verify';
import { prepareOnStart } from '../prepare-on-start';
import { inTransaction, type Actor, type Deps } from '../context';
import { appendAuditEvent } from './append-audit-event';
import { leafHash as rfcLeafHash } from './hashing';
import { auditLeafText } from './append-audit-event';
import { verifyConsistency, verifyInclusion } from './merkle';
import { signingKeyPath, verifySignature } from './signing-key';
import { signTreeHead } from './tree-heads';
import { verifyAuditLog } from './verify-audit-log';

const hex = (value: string) => Buffer.from(value, 'hex');
/** Raw query rows: both drivers answer `{ rows }`. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function writeSampleEvents(
  deps: Deps,
  count: number,
  actor: Actor | null = null,
): Promise<void> {
  for (let index = 1; index <= count; index += 1) {
    await inTransaction(deps, actor, (ctx) =>
      appendAuditEvent(ctx, {
        action: index % 3 === 0 ? 'sample.update' : 'sample.create',
        entityType: 'sample',
        entityId: `S-${index}`,
        change: { 名称: `样例 ${index}`, 序号: index, 标签: ['甲', '乙'] },
      }),
    );
  }
}

async function runCli(deps: Deps) {
  let stdout = '';
  let stderr = '';
  const code = await runAuditVerify(deps, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, firstLine: stdout.split('\n')[0], stderr };
}

describe.each(testDatabaseKinds())('audit log on %s', (database) => {
  let platform: TestPlatform;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-audit-'));
    platform = await buildTestPlatform({ database, env: { FAZHI_DATA_DIR: dataDir } });
    await prepareOnStart(platform.deps);
    await writeSampleEvents(platform.deps, 20);
  });
  afterAll(async () => {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes the signing key on first start: a 0600 PEM file and its public half registered by key id', async () => {
    const path = signingKeyPath(platform.config);
    expect(path).toBe(join(dataDir, 'keys', 'audit-signing-key.pem'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const response = await platform.app.inject({ method: 'GET', url: '/api/audit/public-keys' });
    expect(response.statusCode).toBe(200);
    const [key] = response.json().keys;
    const der = createHash('sha256')
      .update(Buffer.from(key.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64'))
      .digest('hex');
    expect(key.keyId).toBe(der);
    expect(key.retiredAt).toBeNull();
    // A second start keeps the same key and registers nothing new.
    await prepareOnStart(platform.deps);
    const again = await platform.app.inject({ method: 'GET', url: '/api/audit/public-keys' });
    expect(again.json().keys).toHaveLength(1);
  });

  it('serves a signed tree head over every event, signature checkable with the published key and no other', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/audit/tree-head' });
    expect(response.statusCode).toBe(200);
    const head = response.json();
    // 20 sample events plus the key registration.
    expect(head).toMatchObject({ treeSize: 21, algorithm: 'sha256', signatureAlgorithm: 'ed25519' });
    const keys = (await platform.app.inject({ method: 'GET', url: '/api/audit/public-keys' })).json().keys;
    const key = keys.find((candidate: { keyId: string }) => candidate.keyId === head.keyId);
    expect(head.signedText).toContain(`treeSize=21\nrootHash=${head.rootHash}`);
    expect(verifySignature(key.publicKeyPem, head.signedText, head.signature)).toBe(true);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifySignature(other, head.signedText, head.signature)).toBe(false);
    expect(
      verifySignature(
        key.publicKeyPem,
        head.signedText.replace('treeSize=21', 'treeSize=20'),
        head.signature,
      ),
    ).toBe(false);
  });

  it('serves inclusion proofs that verify against the signed root, for every event', async () => {
    const head = (await platform.app.inject({ method: 'GET', url: '/api/audit/tree-head' })).json();
    for (let seq = 1; seq <= head.treeSize; seq += 1) {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/audit/proofs/inclusion?seq=${seq}`,
      });
      expect(response.statusCode).toBe(200);
      const proof = response.json();
      expect(proof).toMatchObject({
        seq,
        leafIndex: seq - 1,
        treeSize: head.treeSize,
        rootHash: head.rootHash,
      });
      expect(proof.treeHead.signature).toBe(head.signature);
      expect(
        verifyInclusion(
          'sha256',
          proof.leafIndex,
          proof.treeSize,
          hex(proof.leafHash),
          proof.auditPath.map(hex),
          hex(head.rootHash),
        ),
      ).toBe(true);
    }
    const small = (
      await platform.app.inject({ method: 'GET', url: '/api/audit/proofs/inclusion?seq=3&treeSize=7' })
    ).json();
    expect(small.treeSize).toBe(7);
    expect(small.treeHead).toBeNull();
    expect(
      verifyInclusion('sha256', 2, 7, hex(small.leafHash), small.auditPath.map(hex), hex(small.rootHash)),
    ).toBe(true);
    expect(
      verifyInclusion('sha256', 2, 7, hex(small.leafHash), small.auditPath.map(hex), hex(head.rootHash)),
    ).toBe(false);
  });

  it('serves consistency proofs between two tree heads that verify', async () => {
    const before = (await platform.app.inject({ method: 'GET', url: '/api/audit/tree-head' })).json();
    await writeSampleEvents(platform.deps, 5);
    const after = (await platform.app.inject({ method: 'GET', url: '/api/audit/tree-head' })).json();
    expect(after.treeSize).toBe(Number(before.treeSize) + 5);
    const response = await platform.app.inject({
      method: 'GET',
      url: `/api/audit/proofs/consistency?first=${before.treeSize}&second=${after.treeSize}`,
    });
    expect(response.statusCode).toBe(200);
    const proof = response.json();
    expect(proof.firstRootHash).toBe(before.rootHash);
    expect(proof.secondRootHash).toBe(after.rootHash);
    const path = proof.consistencyPath.map(hex);
    expect(
      verifyConsistency(
        'sha256',
        before.treeSize,
        after.treeSize,
        hex(before.rootHash),
        hex(after.rootHash),
        path,
      ),
    ).toBe(true);
    expect(
      verifyConsistency(
        'sha256',
        before.treeSize,
        after.treeSize,
        hex(after.rootHash),
        hex(after.rootHash),
        path,
      ),
    ).toBe(false);
    const toLatest = (
      await platform.app.inject({ method: 'GET', url: '/api/audit/proofs/consistency?first=1' })
    ).json();
    expect(toLatest.second).toBe(after.treeSize);
  });

  it('refuses proofs for sizes and sequence numbers outside the log, naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/audit/proofs/inclusion?seq=0', 'seq'],
      ['/api/audit/proofs/inclusion?seq=abc', 'seq'],
      ['/api/audit/proofs/inclusion?seq=9&treeSize=5', 'seq'],
      ['/api/audit/proofs/inclusion?seq=1&treeSize=100000', 'treeSize'],
      ['/api/audit/proofs/consistency?first=10&second=5', 'first'],
      ['/api/audit/proofs/consistency?first=1&second=100000', 'second'],
      ['/api/audit/proofs/consistency', 'first'],
    ];
    for (const [url, field] of cases) {
      const response = await platform.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('verifies the intact log, and the CLI says so on its first line with exit code 0', async () => {
    const result = await verifyAuditLog(platform.deps);
    expect(result.ok).toBe(true);
    expect(result.checkedEvents).toBe(26);
    expect(result.checkedTreeHeads).toBeGreaterThanOrEqual(3);
    const cli = await runCli(platform.deps);
    expect(cli.code).toBe(0);
    expect(cli.firstLine).toBe(`OK: 26 条记录、${result.checkedTreeHeads} 个树头校验通过`);
  });

  it('finds an entry whose change was altered directly in the database and names its seq', async () => {
    const [original] = rowsOf<{ change: unknown }>(
      await platform.deps.db.execute(sql`SELECT change FROM audit_events WHERE seq = 12`),
    );
    await platform.deps.db.execute(
      sql`UPDATE audit_events SET change = ${JSON.stringify({ 名称: '篡改', 序号: 12 })}::jsonb WHERE seq = 12`,
    );
    const result = await verifyAuditLog(platform.deps);
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(12);
    expect(result.firstBad?.reason).toMatch(/变更内容/);
    expect(result.checkedEvents).toBe(11);
    const cli = await runCli(platform.deps);
    expect(cli.code).toBe(1);
    expect(cli.firstLine).toMatch(/^FAILED: 第 12 条记录 /);

    await platform.deps.db.execute(
      sql`UPDATE audit_events SET change = ${JSON.stringify(original?.change)}::jsonb WHERE seq = 12`,
    );
    expect((await verifyAuditLog(platform.deps)).ok).toBe(true);
  });

  it('finds an entry whose actor name was rewritten', async () => {
    await platform.deps.db.execute(sql`UPDATE audit_events SET actor_name = '他人' WHERE seq = 4`);
    const result = await verifyAuditLog(platform.deps);
    expect(result.firstBad?.seq).toBe(4);
    expect(result.firstBad?.reason).toMatch(/叶子哈希/);
    await platform.deps.db.execute(sql`UPDATE audit_events SET actor_name = '系统' WHERE seq = 4`);
    expect((await verifyAuditLog(platform.deps)).ok).toBe(true);
  });

  it('finds a tree head whose signature was forged', async () => {
    await platform.deps.db.execute(
      sql`UPDATE audit_tree_heads SET signature = ${Buffer.alloc(64, 7).toString('base64')} WHERE tree_size = 21`,
    );
    const result = await verifyAuditLog(platform.deps);
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ seq: 21, treeSize: 21 });
    expect(result.firstBad?.reason).toMatch(/签名无效/);
    await platform.deps.db.execute(sql`DELETE FROM audit_tree_heads WHERE tree_size = 21`);
    expect((await verifyAuditLog(platform.deps)).ok).toBe(true);
  });

  it('detects a deleted middle entry and names the missing seq', async () => {
    await platform.deps.db.execute(sql`DELETE FROM audit_events WHERE seq = 9`);
    const result = await verifyAuditLog(platform.deps);
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(9);
    expect(result.firstBad?.reason).toMatch(/缺失/);
    const cli = await runCli(platform.deps);
    expect(cli.code).toBe(1);
    expect(cli.firstLine).toMatch(/^FAILED: 第 9 条记录 /);
    // The broken log is not signed over: the last good head stays published.
    const head = (await platform.app.inject({ method: 'GET', url: '/api/audit/tree-head' })).json();
    expect(head.treeSize).toBe(26);
  });
});

describe.each(testDatabaseKinds())('audit log in SM3 mode on %s', (database) => {
  let platform: TestPlatform;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-audit-sm3-'));
    platform = await buildTestPlatform({
      database,
      env: { FAZHI_DATA_DIR: dataDir, FAZHI_AUDIT_HASH: 'sm3' },
    });
    await prepareOnStart(platform.deps);
    await writeSampleEvents(platform.deps, 9);
  });
  afterAll(async () => {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hashes events, tree heads and proofs with SM3 end to end', async () => {
    const rows = rowsOf<Record<string, unknown>>(
      await platform.deps.db.execute(
        sql`SELECT seq, occurred_at, actor_user_id, actor_name, action, entity_type, entity_id, organization_id, change_digest, algorithm, leaf_hash FROM audit_events ORDER BY seq`,
      ),
    );
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.algorithm).toBe('sm3');
      const text = auditLeafText({
        seq: Number(row.seq),
        occurredAt: new Date(row.occurred_at as string),
        actorUserId: row.actor_user_id as string | null,
        actorName: row.actor_name as string,
        action: row.action as string,
        entityType: row.entity_type as string,
        entityId: row.entity_id as string,
        organizationId: row.organization_id as string | null,
        changeDigest: row.change_digest as string,
      });
      expect(row.leaf_hash).toBe(rfcLeafHash('sm3', text).toString('hex'));
      expect(row.leaf_hash).not.toBe(rfcLeafHash('sha256', text).toString('hex'));
    }
    const head = (await platform.app.inject({ method: 'GET', url: '/api/audit/tree-head' })).json();
    expect(head).toMatchObject({ treeSize: 10, algorithm: 'sm3' });
    const proof = (
      await platform.app.inject({ method: 'GET', url: '/api/audit/proofs/inclusion?seq=6' })
    ).json();
    expect(proof.algorithm).toBe('sm3');
    expect(
      verifyInclusion('sm3', 5, 10, hex(proof.leafHash), proof.auditPath.map(hex), hex(head.rootHash)),
    ).toBe(true);
    expect(
      verifyInclusion('sha256', 5, 10, hex(proof.leafHash), proof.auditPath.map(hex), hex(head.rootHash)),
    ).toBe(false);
    const consistency = (
      await platform.app.inject({ method: 'GET', url: '/api/audit/proofs/consistency?first=3&second=10' })
    ).json();
    expect(
      verifyConsistency(
        'sm3',
        3,
        10,
        hex(consistency.firstRootHash),
        hex(head.rootHash),
        consistency.consistencyPath.map(hex),
      ),
    ).toBe(true);
    const result = await verifyAuditLog(platform.deps);
    expect(result).toMatchObject({ ok: true, checkedEvents: 10 });
  });

  it('detects entries deleted from the end through the signed tree head', async () => {
    await signTreeHead(platform.deps);
    await platform.deps.db.execute(sql`DELETE FROM audit_events WHERE seq >= 9`);
    const result = await verifyAuditLog(platform.deps);
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ seq: 9, treeSize: 10 });
    expect(result.firstBad?.reason).toMatch(/末尾被删除/);
  });
});

describe('audit signing key from the environment', () => {
  it('uses FAZHI_AUDIT_SIGNING_KEY instead of writing a key file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-audit-env-'));
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const platform = await buildTestPlatform({
      env: { FAZHI_DATA_DIR: dataDir, FAZHI_AUDIT_SIGNING_KEY: pem },
    });
    try {
      await prepareOnStart(platform.deps);
      expect(() => statSync(signingKeyPath(platform.config))).toThrow();
      const keyId = createHash('sha256')
        .update(publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex');
      const head = (await platform.app.inject({ method: 'GET', url: '/api/audit/tree-head' })).json();
      expect(head.keyId).toBe(keyId);
    } finally {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
