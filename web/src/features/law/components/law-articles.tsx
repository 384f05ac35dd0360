import { Tree, Typography } from 'antd';
import { Fragment } from 'react';
import type { LawArticleView } from '../../../../../contracts/law';
import { articleElementId, headingsOf, headingTreeOf, type HeadingNode } from './law-outline';

const countHeadings = (nodes: HeadingNode[]): number =>
  nodes.reduce((total, node) => total + 1 + countHeadings(node.children), 0);

export function scrollToElement(elementId: string): void {
  document.getElementById(elementId)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** The left-hand tree of 编/章/节; a click scrolls to the heading's first article. */
export function LawHeadingTree({ articles }: { articles: LawArticleView[] }) {
  const roots = headingTreeOf(articles);
  if (roots.length === 0) {
    return <Typography.Text type="secondary">本法不分章节，共 {articles.length} 条。</Typography.Text>;
  }
  const headingCount = countHeadings(roots);
  return (
    <Tree<HeadingNode>
      blockNode
      // a code of a thousand articles (民法典) opens at its 编 only
      defaultExpandAll={headingCount <= 40}
      defaultExpandedKeys={headingCount <= 40 ? undefined : roots.map((root) => root.key)}
      selectable
      treeData={roots}
      fieldNames={{ key: 'key', title: 'title', children: 'children' }}
      onSelect={(_, info) => scrollToElement(info.node.target)}
    />
  );
}

/** The label is shown in bold before the text, so a text that repeats it loses the repeat. */
const withoutLabel = (text: string, label: string) =>
  text.startsWith(label) ? text.slice(label.length).trimStart() : text;

function ArticleBody({ article }: { article: LawArticleView }) {
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : [{ text: article.text, items: [] }];
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <div key={index} style={{ marginBottom: 6 }}>
          <Typography.Paragraph
            style={{ marginBottom: 0, textIndent: index === 0 ? 0 : '2em', lineHeight: 1.9 }}
          >
            {index === 0 ? (
              <Typography.Text strong style={{ marginInlineEnd: 8 }}>
                {article.label}
              </Typography.Text>
            ) : null}
            {index === 0 ? withoutLabel(paragraph.text, article.label) : paragraph.text}
          </Typography.Paragraph>
          {paragraph.items.map((item, itemIndex) => (
            <Typography.Paragraph
              key={itemIndex}
              style={{ margin: 0, paddingInlineStart: '2em', lineHeight: 1.9 }}
            >
              {item}
            </Typography.Paragraph>
          ))}
        </div>
      ))}
    </>
  );
}

/** The articles in order, with 编/章/节 headings where they change; the highlighted one is marked. */
export function LawArticles({
  articles,
  highlighted,
}: {
  articles: LawArticleView[];
  /** articleElementId of the article asked for in the address */
  highlighted: string | null;
}) {
  if (articles.length === 0) {
    return <Typography.Text type="secondary">这部法规没有可显示的条文。</Typography.Text>;
  }
  let previous: string[] = [];
  return (
    <div>
      {articles.map((article) => {
        const headings = headingsOf(article);
        const changedFrom = headings.findIndex((heading, level) => previous[level] !== heading);
        const shown = changedFrom === -1 ? [] : headings.slice(changedFrom);
        const firstLevel = changedFrom === -1 ? 0 : changedFrom;
        previous = headings;
        const elementId = articleElementId(article);
        const isHighlighted = elementId === highlighted;
        return (
          <Fragment key={article.id}>
            {shown.map((heading, offset) => (
              <Typography.Title
                key={heading}
                level={firstLevel + offset === 0 ? 4 : 5}
                style={{ textAlign: 'center', margin: '20px 0 12px' }}
              >
                {heading}
              </Typography.Title>
            ))}
            <div
              id={elementId}
              data-testid={isHighlighted ? 'highlighted-article' : undefined}
              style={{
                scrollMarginTop: 16,
                padding: '6px 12px',
                marginInline: -12,
                borderRadius: 4,
                background: isHighlighted ? '#fff7e6' : undefined,
                borderInlineStart: isHighlighted ? '3px solid #fa8c16' : '3px solid transparent',
              }}
            >
              <ArticleBody article={article} />
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
