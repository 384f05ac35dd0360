import { readFile } from 'node:fs/promises';
import type { Command } from '../command';
import { verifyDrawRecord } from '../../modules/spotchecks/draw/verify-draw';

export interface SpotcheckVerifyIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Re-runs a published draw from its JSON record (downloaded from the portal) with the published
 * algorithm, without a database: 0 when it matches, 1 when it does not (with the reason), 2 when
 * the file cannot be read.
 */
export async function runSpotcheckVerify(args: string[], io: SpotcheckVerifyIo): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) {
    io.stderr('用法：fazhi spotcheck verify 抽取记录.json\n');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? `不是有效的 JSON：${error.message}`
        : `无法读取：${(error as Error).message}`;
    io.stderr(`${file} ${reason}\n`);
    return 2;
  }
  const started = performance.now();
  const verdict = verifyDrawRecord(raw);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!verdict.ok) {
    io.stdout(`验证未通过：${verdict.reason}\n`);
    return 1;
  }
  io.stdout(
    `验证通过：按公开算法重算，抽取的 ${verdict.entities} 户检查对象和 ${verdict.tasks} 个任务的检查人员与记录一致（输入摘要 ${verdict.inputDigest}）\n`,
  );
  io.stderr(`用时 ${seconds} 秒\n`);
  return 0;
}

export const spotcheckVerifyCommand: Command = {
  name: 'spotcheck verify',
  usage: 'spotcheck verify 抽取记录.json',
  summary: '按公开算法重算一次双随机抽取，核对承诺、种子与结果；一致时退出码为 0',
  run: (args) =>
    runSpotcheckVerify(args, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    }),
};
