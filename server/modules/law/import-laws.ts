import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appendAuditEvent } from '../../core/audit/append-audit-event';
import { inTransaction, type Actor, type Deps } from '../../core/context';
import { newId } from '../../core/db/ids';
import type { Executor } from '../../core/db/open-database';
import {
  LawFileProblem,
  parseLawFile,
  type LawFileInput,
  type ParsedArticle,
  type ParsedLaw,
} from './law-file-parser';
import { lawImportPolicy } from './law-policy';
import {
  findLawImport,
  findVersion,
  findVersionsOfTitle,
  insertLawArticles,
  insertLawImport,
  insertLawVersion,
  markSuperseded,
  replaceLawVersion,
  updateLawImport,
  type LawImportRow,
  type NewLawArticle,
} from './law-repository';
import { versionStart } from './law-rules';

/**
 * Importing law files into the library (法规库导入). Files of one title and version date form one
 * version: the parts of a code split over several files (民法典's 编), or the same law filed in two
 * folders; the version's content hash covers all of them, so re-importing the same files changes
 * nothing. Each version commits on its own with the import's progress, so a crash loses nothing
 * acknowledged and the run can simply be repeated.
 */

export interface LawImportProgress {
  processedFiles: number;
  totalFiles: number;
  importedVersions: number;
  unchangedVersions: number;
  importedArticles: number;
}

/** The law files (.md, .txt) under `dir`, recursively, in a stable order, with paths relative to it. */
export function readLawFolder(dir: string): LawFileInput[] {
  const paths: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|txt)$/i.test(name)) paths.push(path);
    }
  };
  walk(dir);
  return paths.map((path) => ({ path: relative(dir, path), text: readFileSync(path, 'utf8') }));
}

/** Opens an import run (a law_imports row the console polls) and returns its id. */
export async function startLawImport(
  deps: Deps,
  actor: Actor | null,
  input: { source: string; totalFiles: number },
): Promise<string> {
  return inTransaction(deps, actor, async (ctx) => {
    lawImportPolicy(ctx);
    const id = newId(ctx.clock.now().getTime());
    await insertLawImport(ctx.tx, {
      id,
      source: input.source,
      status: 'running',
      totalFiles: input.totalFiles,
      startedBy: actor ? `${actor.displayName}（${actor.username}）` : null,
      startedAt: ctx.clock.now(),
    });
    return id;
  });
}

interface VersionGroup {
  files: LawFileInput[];
  laws: ParsedLaw[];
}

/** Files grouped by title and version date, in the order first seen; unreadable files as problems. */
function groupFiles(files: LawFileInput[]): {
  groups: VersionGroup[];
  problems: { file: string; message: string }[];
} {
  const groups = new Map<string, VersionGroup>();
  const problems: { file: string; message: string }[] = [];
  for (const file of files) {
    try {
      const law = parseLawFile(file);
      const key = `${law.title}\n${law.versionDate}`;
      const group = groups.get(key) ?? { files: [], laws: [] };
      group.files.push(file);
      group.laws.push(law);
      groups.set(key, group);
    } catch (error) {
      if (!(error instanceof LawFileProblem)) throw error;
      problems.push({ file: file.path, message: error.message });
    }
  }
  return { groups: [...groups.values()], problems };
}

/** One version from its files: the fullest history, every article once (the first file citing a number wins), in number order when merged. */
function mergeGroup(group: VersionGroup): { law: ParsedLaw; contentHash: string; articles: ParsedArticle[] } {
  const [first] = group.laws;
  if (!first) throw new Error('empty version group');
  const contentHash = createHash('sha256')
    .update([...new Set(group.laws.map((law) => law.contentHash))].sort().join('\n'))
    .digest('hex');
  if (group.laws.length === 1) return { law: first, contentHash, articles: first.articles };
  const law = group.laws.reduce((fullest, candidate) =>
    candidate.history.length > fullest.history.length ? candidate : fullest,
  );
  const seen = new Set<string>();
  const articles: ParsedArticle[] = [];
  for (const part of group.laws)
    for (const article of part.articles) {
      const key = `${article.number}:${article.subNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      articles.push(article);
    }
  articles.sort((a, b) => a.number - b.number || a.subNumber - b.subNumber);
  const effectiveOn = group.laws.map((part) => part.effectiveOn).find((date) => date !== null) ?? null;
  return { law: { ...law, effectiveOn }, contentHash, articles };
}

/** Re-links every version of a title to its successor (by version date), whatever order they were imported in. */
async function linkVersions(executor: Executor, title: string): Promise<void> {
  const versions = (await findVersionsOfTitle(executor, title)).sort((a, b) =>
    a.versionDate.localeCompare(b.versionDate),
  );
  for (const [index, version] of versions.entries()) {
    const next = versions[index + 1];
    const successor = next ? { id: next.id, on: versionStart(next) } : null;
    if (
      version.supersededById !== (successor?.id ?? null) ||
      version.supersededOn !== (successor?.on ?? null)
    )
      await markSuperseded(executor, version.id, successor);
  }
}

/**
 * Imports `files` under the run `importId`: each version in its own transaction with the run's
 * progress; one audit event for the whole run with its counts. Calls `onProgress` after each version.
 */
export async function runLawImport(
  deps: Deps,
  actor: Actor | null,
  importId: string,
  files: LawFileInput[],
  onProgress?: (progress: LawImportProgress) => void,
): Promise<LawImportRow> {
  const { groups, problems } = groupFiles(files);
  const progress: LawImportProgress = {
    processedFiles: problems.length,
    totalFiles: files.length,
    importedVersions: 0,
    unchangedVersions: 0,
    importedArticles: 0,
  };
  try {
    for (const group of groups) {
      await inTransaction(deps, actor, async (ctx) => {
        lawImportPolicy(ctx);
        const { law, contentHash, articles } = mergeGroup(group);
        const existing = await findVersion(ctx.tx, law.title, law.versionDate);
        const counts = { imported: 0, unchanged: 0, articles: 0 };
        if (existing?.contentHash === contentHash) {
          counts.unchanged = 1;
        } else {
          const version = {
            title: law.title,
            shortTitle: law.shortTitle,
            level: law.level,
            category: law.category,
            issuer: law.issuer,
            versionDate: law.versionDate,
            promulgatedOn: law.promulgatedOn,
            effectiveOn: law.effectiveOn,
            history: law.history,
            repealedOn: null,
            articleCount: articles.length,
            contentHash,
            sourceName: group.files.map((file) => file.path).join('；'),
            importId,
          };
          const lawId = existing?.id ?? newId(ctx.clock.now().getTime());
          if (existing) await replaceLawVersion(ctx.tx, lawId, version);
          else await insertLawVersion(ctx.tx, { id: lawId, ...version });
          await insertLawArticles(
            ctx.tx,
            law.title,
            articles.map((article, index) => articleRow(lawId, index, article)),
          );
          await linkVersions(ctx.tx, law.title);
          counts.imported = 1;
          counts.articles = articles.length;
        }
        await updateLawImport(ctx.tx, importId, {
          processedFiles: progress.processedFiles + group.files.length,
          importedVersions: progress.importedVersions + counts.imported,
          unchangedVersions: progress.unchangedVersions + counts.unchanged,
          importedArticles: progress.importedArticles + counts.articles,
          problems,
        });
        // counted once committed
        progress.processedFiles += group.files.length;
        progress.importedVersions += counts.imported;
        progress.unchangedVersions += counts.unchanged;
        progress.importedArticles += counts.articles;
      });
      onProgress?.({ ...progress });
    }
    await inTransaction(deps, actor, async (ctx) => {
      await updateLawImport(ctx.tx, importId, { status: 'finished', finishedAt: ctx.clock.now(), problems });
      await appendAuditEvent(ctx, {
        action: 'lawLibrary.import',
        entityType: 'lawImport',
        entityId: importId,
        change: { ...progress, problems: problems.length },
      });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await inTransaction(deps, actor, async (ctx) => {
      await updateLawImport(ctx.tx, importId, {
        status: 'failed',
        finishedAt: ctx.clock.now(),
        problems: [...problems, { file: '', message: `导入中断：${message}` }],
      });
      await appendAuditEvent(ctx, {
        action: 'lawLibrary.importFailed',
        entityType: 'lawImport',
        entityId: importId,
        change: { ...progress, error: message },
      });
    });
    throw error;
  }
  const row = await findLawImport(deps.db, importId);
  if (!row) throw new Error(`law import ${importId} vanished`);
  return row;
}

function articleRow(lawId: string, index: number, article: ParsedArticle): NewLawArticle {
  return {
    id: newId(),
    lawId,
    ordinal: index + 1,
    number: article.number,
    subNumber: article.subNumber,
    label: article.label,
    part: article.part,
    chapter: article.chapter,
    section: article.section,
    text: article.text,
    paragraphs: article.paragraphs,
  };
}

/** Starts and runs an import of `files` in one call (CLI, first start, tests). */
export async function importLawFiles(
  deps: Deps,
  actor: Actor | null,
  source: string,
  files: LawFileInput[],
  onProgress?: (progress: LawImportProgress) => void,
): Promise<LawImportRow> {
  const importId = await startLawImport(deps, actor, { source, totalFiles: files.length });
  return runLawImport(deps, actor, importId, files, onProgress);
}
