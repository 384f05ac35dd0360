/**
 * Official documents (处罚决定书, 告知书, the annual report …) as .docx laid out per GB/T 9704-2012.
 * The caller gives the document as data; this module alone knows the layout.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Document,
  HeightRule,
  OverlapType,
  Packer,
  Paragraph,
  RelativeHorizontalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { chineseDate } from '../calendar/civil-dates';
import {
  characterCount,
  characterWidth,
  documentStyles,
  fontSize,
  fontTableXml,
  fonts,
  mm,
  officialSection,
  runFont,
  textArea,
} from './gbt9704';

/** A paragraph of the body; indented two characters on its first line. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/**
 * A heading, its number written in the text: level 1 `一、…` (黑体), level 2 `（一）…` (楷体),
 * level 3 `1. …` and level 4 `（1）…` (仿宋), per GB/T 9704-2012 7.3.3.
 */
export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3 | 4;
  text: string;
}

/**
 * A bordered table as wide as the text area; the first row is the header when `header` is true.
 * `widths` are relative column widths (e.g. [1, 3, 4]); equal columns when absent.
 */
export interface TableBlock {
  type: 'table';
  rows: string[][];
  header?: boolean;
  widths?: number[];
}

/** A line to be signed by hand, e.g. `被询问人（签名）` followed by a blank and the date. */
export interface SignatureLineBlock {
  type: 'signatureLine';
  label: string;
  withDate?: boolean;
}

export type DocumentBlock = ParagraphBlock | HeadingBlock | TableBlock | SignatureLineBlock;

export interface OfficialDocumentSpec {
  /** 发文机关标志, printed in red at the head, e.g. `示例市市场监督管理局`. */
  issuerMark?: string;
  /** 发文字号 such as 示市监罚〔2026〕12号 (六角括号). */
  documentNumber?: string;
  title: string;
  /** 主送机关 or the party addressed, without the colon. */
  recipient?: string;
  blocks: DocumentBlock[];
  /** 附件 names, in order. */
  attachments?: string[];
  signature: { organization: string; /** YYYY-MM-DD */ date: string };
  /** 抄送机关. */
  copyTo?: string[];
  /** 印发机关 and 印发日期 (YYYY-MM-DD). */
  printedBy?: { organization: string; date: string };
}

const red = 'FF0000';
const twoCharacters = 2 * characterWidth;

const text = (content: string, font: string = fonts.body, size: number = fontSize.三号) =>
  new TextRun({ text: content, font: runFont(font), size });

const emptyLine = () => new Paragraph({ children: [] });

function bodyParagraph(content: string) {
  return new Paragraph({ indent: { firstLine: twoCharacters }, children: [text(content)] });
}

const headingFonts = {
  1: fonts.heading1,
  2: fonts.heading2,
  3: fonts.body,
  4: fonts.body,
} as const;

function headingParagraph(block: HeadingBlock) {
  return new Paragraph({
    indent: { firstLine: twoCharacters },
    keepNext: true,
    children: [text(block.text, headingFonts[block.level])],
  });
}

function cellParagraph(content: string, font: string, alignment: 'left' | 'center') {
  return new Paragraph({
    alignment: alignment === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: 240, before: 40, after: 40 },
    children: [text(content, font, fontSize.四号)],
  });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const tableBorders = {
  top: cellBorder,
  bottom: cellBorder,
  left: cellBorder,
  right: cellBorder,
  insideHorizontal: cellBorder,
  insideVertical: cellBorder,
};

function tableOf(block: TableBlock) {
  const columns = Math.max(1, ...block.rows.map((row) => row.length));
  const weights = Array.from({ length: columns }, (_, index) => block.widths?.[index] ?? 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const columnWidths = weights.map((weight) => Math.floor((textArea.width * weight) / total));
  return new Table({
    width: { size: textArea.width, type: WidthType.DXA },
    columnWidths,
    borders: tableBorders,
    rows: block.rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: block.header === true && index === 0,
          children: row.map(
            (cell, column) =>
              new TableCell({
                width: { size: columnWidths[column] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                children: [
                  block.header === true && index === 0
                    ? cellParagraph(cell, fonts.heading1, 'center')
                    : cellParagraph(cell, fonts.body, 'left'),
                ],
              }),
          ),
        }),
    ),
  });
}

function signatureLine(block: SignatureLineBlock) {
  const blank = (width: number) =>
    new TextRun({ text: '\u3000'.repeat(width), underline: {}, font: runFont(fonts.body) });
  const children: ParagraphChild[] = [text(`${block.label}：`), blank(8)];
  if (block.withDate === true) children.push(text('\u3000\u3000日期：'), blank(6));
  return new Paragraph({ indent: { firstLine: twoCharacters }, children });
}

function blockContent(block: DocumentBlock): (Paragraph | Table)[] {
  switch (block.type) {
    case 'paragraph':
      return [bodyParagraph(block.text)];
    case 'heading':
      return [headingParagraph(block)];
    case 'table':
      return [tableOf(block), emptyLine()];
    case 'signatureLine':
      return [signatureLine(block)];
  }
}

/**
 * 7.2 版头: the issuer's mark centred in red, its top 35 mm below the text area's top; two lines
 * below it the document number, centred; 4 mm below that a red line as wide as the text area.
 */
function head(spec: OfficialDocumentSpec): Paragraph[] {
  if (spec.issuerMark === undefined) {
    return spec.documentNumber === undefined
      ? []
      : [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [text(spec.documentNumber)],
          }),
        ];
  }
  const redLine = {
    bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: mm(4) / 20 },
  };
  const mark = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: mm(35), line: fontSize.小初 * 12, lineRule: LineRuleType.EXACT },
    border: spec.documentNumber === undefined ? redLine : undefined,
    children: [
      new TextRun({
        text: spec.issuerMark,
        font: runFont(fonts.title),
        size: fontSize.小初,
        color: red,
      }),
    ],
  });
  if (spec.documentNumber === undefined) return [mark];
  return [
    mark,
    emptyLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: redLine,
      children: [text(spec.documentNumber)],
    }),
  ];
}

/** 7.3.1 标题: two lines below the red line, 2号小标宋, centred. */
function title(spec: OfficialDocumentSpec): Paragraph[] {
  const before = spec.issuerMark === undefined ? [] : [emptyLine(), emptyLine()];
  return [
    ...before,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(fontSize.二号 * 10 * 1.35), lineRule: LineRuleType.EXACT },
      children: [text(spec.title, fonts.title, fontSize.二号)],
    }),
    emptyLine(),
  ];
}

/** 7.3.2 主送机关: one line below the title, flush left, with a full-width colon. */
function recipient(spec: OfficialDocumentSpec): Paragraph[] {
  return spec.recipient === undefined ? [] : [new Paragraph({ children: [text(`${spec.recipient}：`)] })];
}

/**
 * 7.3.4 附件说明: one line below the body, two characters in: `附件：1. …`; later names line up
 * under the first.
 */
function attachments(spec: OfficialDocumentSpec): Paragraph[] {
  const names = spec.attachments ?? [];
  if (names.length === 0) return [];
  const label = '附件：';
  if (names.length === 1) {
    return [
      emptyLine(),
      new Paragraph({ indent: { firstLine: twoCharacters }, children: [text(`${label}${names[0] ?? ''}`)] }),
    ];
  }
  const hanging = twoCharacters + characterCount(label) * characterWidth;
  return [
    emptyLine(),
    ...names.map(
      (name, index) =>
        new Paragraph({
          indent: index === 0 ? { firstLine: twoCharacters } : { left: hanging },
          children: [text(`${index === 0 ? label : ''}${String(index + 1)}. ${name}`)],
        }),
    ),
  ];
}

/**
 * 7.3.5.1 署名和成文日期 (加盖印章): 成文日期 right-aligned four characters in, in Arabic numerals
 * (2026年11月23日); 发文机关署名 centred above it; room for the seal above both.
 */
function signature(spec: OfficialDocumentSpec): Paragraph[] {
  const date = chineseDate(spec.signature.date);
  const dateIndent = 4 * characterWidth;
  const organizationIndent = Math.max(
    0,
    Math.round(
      dateIndent +
        ((characterCount(date) - characterCount(spec.signature.organization)) / 2) * characterWidth,
    ),
  );
  return [
    emptyLine(),
    emptyLine(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: organizationIndent },
      children: [text(spec.signature.organization)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: dateIndent }, children: [text(date)] }),
  ];
}

/**
 * 7.4 版记: 抄送 and 印发机关/印发日期 in 4号仿宋, one character in from either side, between a
 * thick first and last line and a thin line between them, each as wide as the text area. A table
 * anchored to the bottom of the text area keeps it on the last line of the last page.
 */
function record(spec: OfficialDocumentSpec): (Paragraph | Table)[] {
  const copyTo = spec.copyTo ?? [];
  const printedBy = spec.printedBy;
  if (copyTo.length === 0 && printedBy === undefined) return [];
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const oneCharacter = fontSize.四号 * 10;
  const recordText = (content: string) => text(content, fonts.body, fontSize.四号);
  const lineHeight = 400;
  const spacing = { line: lineHeight, lineRule: LineRuleType.EXACT, before: 60, after: 60 };
  // rows of known height, so the table can sit at an absolute position (LibreOffice ignores
  // "bottom of the margin" but honours a position)
  const rowHeight = (lines: number) => lines * lineHeight + 120 + 40;
  const perLine = Math.floor(textArea.width / oneCharacter) - 2;
  const rows: TableRow[] = [];
  const heights: number[] = [];
  if (copyTo.length > 0) {
    const label = '抄送：';
    const content = `${label}${copyTo.join('，')}。`;
    const overflow = Math.max(0, characterCount(content) - perLine);
    heights.push(rowHeight(1 + Math.ceil(overflow / (perLine - characterCount(label)))));
    rows.push(
      new TableRow({
        height: { value: heights[heights.length - 1] ?? 0, rule: HeightRule.ATLEAST },
        children: [
          new TableCell({
            width: { size: textArea.width, type: WidthType.DXA },
            borders: { top: thick, bottom: printedBy === undefined ? thick : thin, left: none, right: none },
            children: [
              new Paragraph({
                spacing,
                indent: {
                  left: characterCount(label) * oneCharacter,
                  hanging: characterCount(label) * oneCharacter,
                },
                children: [recordText(content)],
              }),
            ],
          }),
        ],
      }),
    );
  }
  if (printedBy !== undefined) {
    heights.push(rowHeight(1));
    rows.push(
      new TableRow({
        height: { value: rowHeight(1), rule: HeightRule.ATLEAST },
        children: [
          new TableCell({
            width: { size: textArea.width, type: WidthType.DXA },
            borders: { top: copyTo.length === 0 ? thick : thin, bottom: thick, left: none, right: none },
            children: [
              new Paragraph({
                spacing,
                tabStops: [{ type: TabStopType.RIGHT, position: textArea.width - 2 * oneCharacter }],
                children: [
                  recordText(printedBy.organization),
                  new TextRun({
                    children: [new Tab(), `${chineseDate(printedBy.date)}印发`],
                    font: runFont(fonts.body),
                    size: fontSize.四号,
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
    );
  }
  return [
    new Table({
      width: { size: textArea.width, type: WidthType.DXA },
      columnWidths: [textArea.width],
      margins: { left: oneCharacter, right: oneCharacter, marginUnitType: WidthType.DXA },
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
        verticalAnchor: TableAnchorType.MARGIN,
        absoluteVerticalPosition: textArea.height - heights.reduce((sum, height) => sum + height, 0),
        overlap: OverlapType.NEVER,
      },
      rows,
    }),
    // a floating table is anchored to the paragraph after it; the body must not end with the table
    emptyLine(),
  ];
}

/** Lays out an official document per GB/T 9704-2012 and returns the .docx bytes. */
export async function renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  const document = new Document({
    title: spec.title,
    styles: documentStyles,
    evenAndOddHeaderAndFooters: true,
    sections: [
      officialSection([
        ...head(spec),
        ...title(spec),
        ...recipient(spec),
        ...spec.blocks.flatMap(blockContent),
        ...attachments(spec),
        ...signature(spec),
        ...record(spec),
      ]),
    ],
  });
  return packDocument(document);
}

/** Packs a document with the GB/T 9704 font table (every font with 宋体 as its alternative). */
export function packDocument(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
