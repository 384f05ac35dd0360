import type { CiteResult, ResolvedCitation } from '../../../contracts/law';
import type { ServiceContext } from '../../core/context';
import { invalid } from '../../core/errors';
import { resolveCitations, resolveCitationTexts } from '../law/law-service';

/**
 * The legal basis of an item, resolved against the law library through the law module's service.
 * A citation of a law the library has not imported (`lawNotFound`) is accepted and kept — shown as
 * "法规库未收录", never treated as valid; any other problem refuses the item.
 */

const acceptedStatuses = new Set<ResolvedCitation['status']>(['resolved', 'lawNotFound']);

/** The citations of many bases on `date`, in one batch. */
export const resolveLegalBases = (
  ctx: ServiceContext,
  texts: string[],
  date: string,
): Promise<CiteResult[]> =>
  texts.length === 0 ? Promise.resolve([]) : resolveCitationTexts(ctx, texts, date);

/** The citations of one basis on `date`. */
export const resolveLegalBasis = (ctx: ServiceContext, text: string, date: string): Promise<CiteResult> =>
  resolveCitations(ctx, text, date);

/** Why a resolved basis cannot stand (a Chinese sentence), or null when it can. */
export function legalBasisProblem(result: CiteResult): string | null {
  const unreadable = result.problems[0];
  if (unreadable) return `法律依据「${unreadable.raw}」无法识别：${unreadable.message}`;
  if (result.citations.length === 0)
    return '法律依据中没有可识别的条文引用，请按「《法律名称》第某条」的格式填写';
  const bad = result.citations.find((citation) => !acceptedStatuses.has(citation.status));
  if (bad) return `法律依据「${bad.raw}」有误：${bad.problem ?? '无法在法规库中找到'}`;
  return null;
}

/** 400 on `content.legalBasisText` when the basis cannot stand. */
export function requireSoundLegalBasis(result: CiteResult): void {
  const problem = legalBasisProblem(result);
  if (problem) throw invalid('content.legalBasisText', problem);
}
