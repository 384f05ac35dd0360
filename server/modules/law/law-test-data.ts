import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LawFileInput } from './law-file-parser';

/**
 * The collection of real statutes tests read: ../shared/data/laws beside the repository (never
 * copied into it). Absent in a user's clone: the tests that need it skip, saying so — except under
 * CI, where its absence is a failure.
 */
export const lawDataDir = resolve(process.cwd(), '../shared/data/laws');

/** Whether the collection is there; throws under CI=true when it is not. */
export function hasLawData(): boolean {
  if (existsSync(lawDataDir)) return true;
  if (process.env.CI === 'true') throw new Error(`法规数据目录不存在：${lawDataDir}（CI 中必须存在）`);
  console.warn(`跳过：没有法规数据目录 ${lawDataDir}`);
  return false;
}

/** One file of the collection, as the importer reads it. */
export const lawFile = (path: string): LawFileInput => ({
  path,
  text: readFileSync(join(lawDataDir, path), 'utf8'),
});
