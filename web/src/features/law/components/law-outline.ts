import type { LawArticleView } from '../../../../../contracts/law';

/* The outline of a law: anchors of its articles and the tree of its 编/章/节 headings. */

/** `article-58` or `article-58-1` (第五十八条之一): the element id an anchor scrolls to. */
export const articleElementId = (article: Pick<LawArticleView, 'number' | 'subNumber'>) =>
  article.subNumber ? `article-${article.number}-${article.subNumber}` : `article-${article.number}`;

/** `?article=58` or `58-1` → the same key as articleElementId, or null when malformed. */
export function articleAnchorOf(parameter: string | null): string | null {
  if (!parameter) return null;
  const match = /^(\d{1,4})(?:-(\d{1,2}))?$/.exec(parameter.trim());
  if (!match?.[1]) return null;
  const number = Number(match[1]);
  const subNumber = Number(match[2] ?? 0);
  return articleElementId({ number, subNumber });
}

export interface HeadingNode {
  key: string;
  title: string;
  /** the element id of the first article under the heading */
  target: string;
  children: HeadingNode[];
}

export const headingsOf = (article: LawArticleView) =>
  [article.part, article.chapter, article.section].filter((heading): heading is string => Boolean(heading));

/** The 编/章/节 tree of a law, each heading pointing at its first article. */
export function headingTreeOf(articles: LawArticleView[]): HeadingNode[] {
  const roots: HeadingNode[] = [];
  let path: HeadingNode[] = [];
  for (const article of articles) {
    const headings = headingsOf(article);
    let depth = 0;
    while (depth < headings.length && path[depth]?.title === headings[depth]) depth += 1;
    path = path.slice(0, depth);
    for (let level = depth; level < headings.length; level += 1) {
      const node: HeadingNode = {
        key: `${article.id}-${level}`,
        title: headings[level] ?? '',
        target: articleElementId(article),
        children: [],
      };
      const parent = path[level - 1];
      if (parent) parent.children.push(node);
      else roots.push(node);
      path.push(node);
    }
  }
  return roots;
}
