import type { Command } from '../command';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';
import { openPlatform } from '../../core/startup';
import { verificationSummary } from '../../core/audit/audit-presenters';
import { verifyAuditLog } from '../../core/audit/verify-audit-log';

export interface AuditVerifyIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the check on an open platform; returns the exit code (0 intact, 1 broken). */
export async function runAuditVerify(
  deps: Parameters<typeof verifyAuditLog>[0],
  io: AuditVerifyIo,
): Promise<number> {
  const startedAt = performance.now();
  const result = await verifyAuditLog(deps, {
    progressEvery: 10_000,
    onProgress: (checked) => io.stderr(`已校验 ${checked} 条记录…\n`),
  });
  io.stdout(`${verificationSummary(result)}\n`);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  io.stderr(`用时 ${seconds} 秒（租户 ${deps.config.tenantCode}）\n`);
  return result.ok ? 0 : 1;
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'audit verify',
  summary: '校验整个审计日志（哈希链、Merkle 树头与签名），指出第一条有问题的记录',
  async run() {
    const config = loadConfig();
    const platform = await openPlatform(config, { logger: createLogger('warn') });
    try {
      return await runAuditVerify(platform.deps, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    } finally {
      await platform.close();
    }
  },
};
