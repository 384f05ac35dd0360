/**
 * The measures of GB/T 9704-2012《党政机关公文格式》, in the units Word uses: twips (1/20 pt) for
 * lengths, half-points for font sizes. One place, so a reviewer can check them against the
 * standard's clause numbers.
 */
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';

/** 1 mm in twips (1 inch = 25.4 mm = 1440 twips). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** 5.2.1 A4: 210 mm × 297 mm. */
export const pageSize = { width: mm(210), height: mm(297) };

/** 5.2.2 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so the right margin is 26 mm, the bottom 35 mm). */
export const textArea = { width: mm(156), height: mm(225) };
export const margins = {
  top: mm(37),
  left: mm(28),
  right: mm(210 - 28 - 156),
  bottom: mm(297 - 37 - 225),
};

/** 字号 in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const fontSize = { 小初: 72, 二号: 44, 三号: 32, 四号: 28 } as const;

/**
 * The fonts the standard names. Each is listed in the document's font table with 宋体 as its
 * alternative, so a computer without the GB2312 fonts still shows Chinese text in a serif face.
 */
export const fonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;
export const fallbackFont = '宋体';

/** Latin letters and digits sit in Times New Roman beside Chinese text, as is usual in 公文. */
const latinFont = 'Times New Roman';

/** A run font: the Chinese font for East Asian text, Times New Roman for Latin letters and digits. */
export function runFont(chinese: string, latin: string = latinFont) {
  return { eastAsia: chinese, ascii: latin, hAnsi: latin, cs: latin };
}

/**
 * 5.2.3 一般每面排22行，每行排28个字: 225 mm / 22 lines = 28.95 pt a line (579 twips, rounded down
 * so 22 lines fit); 156 mm / 28 characters = 15.79 pt a character, a little narrower than the 16 pt
 * of 3号. The section has a line grid only: Word honours a character grid (charSpace) but
 * LibreOffice then spreads every character over two cells, so the characters are instead condensed
 * by a quarter point (15.75 pt × 28 = 441 pt ≤ 442.2 pt), which every word processor honours.
 */
export const linePitch = Math.floor(textArea.height / 22);
export const characterSpacing = -5;

/** A line of 3号 text on the grid, in twips: the first-line indent of 2 characters is 2 × this. */
export const characterWidth = fontSize.三号 * 10;

/** Exact line spacing on the 22-line grid. */
export const bodySpacing = { line: linePitch, lineRule: LineRuleType.EXACT } as const;

/** The width of a text: a Chinese character counts 1, a half-width letter or digit ½. */
export function characterCount(text: string): number {
  let count = 0;
  for (const character of text) count += (character.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return count;
}

/**
 * 7.5 页码: 4号半角宋体阿拉伯数字，数字左右各放一条一字线 ("— 1 —")；单页码居右空一字，双页码居左空一字.
 * The line above sits 7 mm below the text area: the footer's baseline area ends 35 − 7 − 5 mm
 * (one 4号 line) ≈ 23 mm from the bottom edge.
 */
export const footerDistance = mm(23);

function pageNumberFooter(side: 'odd' | 'even') {
  const indent = fontSize.四号 * 10;
  const run = (text: string) =>
    new TextRun({ text, font: runFont(fonts.pageNumber, fonts.pageNumber), size: fontSize.四号 });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        children: [
          run('— '),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: runFont(fonts.pageNumber, fonts.pageNumber),
            size: fontSize.四号,
          }),
          run(' —'),
        ],
      }),
    ],
  });
}

/** The section every document uses: A4, the 版心, the line grid and the outside-corner page numbers. */
export function officialSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: pageSize,
        margin: { ...margins, header: mm(15), footer: footerDistance },
      },
      grid: { type: DocumentGridType.LINES, linePitch },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

/** The default style: 3号仿宋 on the line grid, so every paragraph starts from the standard. */
export const documentStyles = {
  default: {
    document: {
      run: { font: runFont(fonts.body), size: fontSize.三号, characterSpacing },
      paragraph: { spacing: bodySpacing },
    },
  },
};

/**
 * The font table: each font the document names, with 宋体 as its alternative and GB2312 as its
 * character set (charset 86), so Word and LibreOffice substitute a Chinese serif font rather than a
 * Latin one when the named font is missing.
 */
export function fontTableXml(): string {
  const names = [...new Set<string>([...Object.values(fonts), latinFont])];
  const entries = names.map((name) =>
    name === latinFont
      ? `<w:font w:name="${name}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`
      : `<w:font w:name="${name}">${name === fallbackFont ? '<w:altName w:val="SimSun"/>' : `<w:altName w:val="${fallbackFont}"/>`}<w:charset w:val="86"/><w:family w:val="${name === fonts.heading1 ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
