import type { PowerKind } from '../../../../contracts/powers';

/**
 * Power items read off a law's articles, the way a department drafts its list: a penalty item for
 * each act an article of the 法律责任 chapter punishes (one per 项 when it lists them), a licensing
 * item where an article requires a 许可, an inspection item where it grants 监督检查, a coercion item
 * where it allows 查封、扣押. Names follow real lists ("对未取得食品生产经营许可从事食品生产经营活动
 * 的行政处罚"); each item cites exactly the article (and 款/项) it came from, so it resolves.
 */

export interface ArticleInput {
  number: number;
  subNumber: number;
  /** 第一百二十二条 */
  label: string;
  paragraphs: { text: string; items: string[] }[];
}

export interface DerivedItem {
  kind: PowerKind;
  name: string;
  /** 第一百二十二条, 第一百二十三条第一款第（二）项 */
  citation: string;
}

const maxAct = 60;
const itemNumerals = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

/** The act an article's sentence punishes: the words before "的，由/的，处/的，责令…", minus "违反本法规定，". */
function actOf(sentence: string): string | null {
  const cut = sentence.search(/的[，,]\s*(由|处|责令|没收|依法|给予|予以|对|可以)/);
  if (cut <= 0) return null;
  let act = sentence
    .slice(0, cut)
    .replace(/^(违反本(法|条例|规定|办法)[^，,]{0,30}规定[，,])/, '')
    .replace(/^(有下列|下列)/, '')
    .trim();
  act = act.replace(/^[，,、；;]+/, '');
  if (act.length < 4 || act.length > maxAct || /有下列|之一$/.test(act)) return null;
  return act;
}

const cleanItem = (item: string) =>
  item
    .replace(/^（[一二三四五六七八九十]+）/, '')
    .replace(/[；;。，,]$/, '')
    .replace(/的$/, '')
    .trim();

/** The items one article yields (none when it neither punishes, licenses, inspects nor coerces). */
export function deriveItemsFromArticle(article: ArticleInput, inLiabilityChapter: boolean): DerivedItem[] {
  const items: DerivedItem[] = [];
  const firstParagraph = article.paragraphs[0];
  if (!firstParagraph) return items;
  const whole = article.paragraphs.map((paragraph) => paragraph.text).join('');
  if (inLiabilityChapter && /罚款|警告|吊销|没收违法所得|责令停产停业/.test(whole)) {
    if (firstParagraph.items.length > 0 && /下列/.test(firstParagraph.text)) {
      firstParagraph.items.slice(0, itemNumerals.length).forEach((item, index) => {
        const act = cleanItem(item);
        if (act.length >= 4 && act.length <= maxAct)
          items.push({
            kind: 'penalty',
            name: `对${act}的行政处罚`,
            citation: `${article.label}第一款第（${itemNumerals[index] ?? ''}）项`,
          });
      });
    } else {
      const act = actOf(firstParagraph.text);
      if (act) items.push({ kind: 'penalty', name: `对${act}的行政处罚`, citation: article.label });
    }
    return items;
  }
  const licence = /(?:取得|核发|颁发|申领)([\u4e00-\u9fa5]{2,16}?(?:许可证|许可|执照|资格证书|登记证))/.exec(
    whole,
  );
  if (licence?.[1] && /应当|方可|须经|实行/.test(whole))
    items.push({
      kind: 'licensing',
      name: `${licence[1].replace(/^(相应的|有关|该)/, '')}核发`,
      citation: article.label,
    });
  const inspection = /对([\u4e00-\u9fa5、]{2,24}?)(?:进行|实施|开展)(?:监督检查|检查)/.exec(whole);
  if (inspection?.[1])
    items.push({ kind: 'inspection', name: `对${inspection[1]}的行政检查`, citation: article.label });
  if (/查封|扣押/.test(whole) && /(可以|有权)/.test(whole))
    items.push({
      kind: 'coercion',
      name: `${/查封/.test(whole) ? '查封' : '扣押'}${/扣押/.test(whole) && /查封/.test(whole) ? '、扣押' : ''}有关场所、设施、财物（${article.label}）`,
      citation: article.label,
    });
  return items;
}
