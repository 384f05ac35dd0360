/**
 * 卷内文件目录: the index at the front of an archived case file, one row per document with its
 * number, author, title, date and pages. It is a table of columns, which neither the official
 * document nor the label/value form lays out, so it is drawn here on the same page, grid and fonts
 * (GB/T 9704-2012).
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  documentStyles,
  fontSize,
  fonts,
  mm,
  officialSection,
  runFont,
  textArea,
} from '../../../core/documents/gbt9704';
import { packDocument, tableBorders } from '../../../core/documents/official-document';

export interface CaseFileIndexEntry {
  /** 文号, or '' */
  number: string;
  /** 责任者: who made the document */
  author: string;
  /** 题名 */
  title: string;
  /** 20260914 (eight digits, as archives write dates), or '' */
  date: string;
  /** estimated pages; 0 for material kept apart (audio-video) */
  pages: number;
  /** 备注 */
  note: string;
}

export interface CaseFileIndexSpec {
  title: string;
  /** lines under the title, e.g. 案号 and 当事人 */
  heading: string[];
  entries: CaseFileIndexEntry[];
  notes: string[];
}

export const caseFileIndexColumns = ['序号', '文号', '责任者', '题名', '日期', '页号', '备注'] as const;

/** 页号 for each entry, numbered on from page 1: "1", "2-4", or "—" for material kept apart. */
export function pageRanges(entries: readonly CaseFileIndexEntry[]): string[] {
  let next = 1;
  return entries.map((entry) => {
    if (entry.pages <= 0) return '—';
    const first = next;
    next += entry.pages;
    return entry.pages === 1 ? String(first) : `${String(first)}-${String(next - 1)}`;
  });
}

/** 五号 (10.5 pt): the index has seven columns on a 156 mm line */
const 五号 = 21;

const text = (content: string, font: string = fonts.body, size: number = 五号) =>
  new TextRun({ text: content, font: runFont(font), size });

const widths = [1.0, 2.3, 1.7, 3.6, 1.9, 1.0, 1.3];

function cell(content: string, width: number, header: boolean) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        // exact 15 pt lines: off the 22-line grid, which would give each 五号 line 29 pt
        spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 60, after: 60 },
        children: [text(content, header ? fonts.heading1 : fonts.body)],
      }),
    ],
  });
}

/** Lays out the index and returns the .docx bytes. */
export async function renderCaseFileIndex(spec: CaseFileIndexSpec): Promise<Buffer> {
  const total = widths.reduce((sum, width) => sum + width, 0);
  const columnWidths = widths.map((width) => Math.floor((textArea.width * width) / total));
  const pages = pageRanges(spec.entries);
  const rows = [
    [...caseFileIndexColumns],
    ...spec.entries.map((entry, index) => [
      String(index + 1),
      entry.number,
      entry.author,
      entry.title,
      entry.date,
      pages[index] ?? '',
      entry.note,
    ]),
  ];
  const table = new Table({
    width: { size: columnWidths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths,
    borders: tableBorders,
    // 1 mm inside each cell, so 序号 and an eight-digit date fit on one line
    margins: { left: mm(1), right: mm(1), marginUnitType: WidthType.DXA },
    rows: rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index === 0,
          cantSplit: true,
          children: row.map((content, column) => cell(content, columnWidths[column] ?? 0, index === 0)),
        }),
    ),
  });
  const document = new Document({
    title: spec.title,
    styles: documentStyles,
    evenAndOddHeaderAndFooters: true,
    sections: [
      officialSection([
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(fontSize.二号 * 10 * 1.35), lineRule: LineRuleType.EXACT },
          children: [text(spec.title, fonts.title, fontSize.二号)],
        }),
        ...spec.heading.map((line) => new Paragraph({ children: [text(line, fonts.body, fontSize.四号)] })),
        table,
        ...spec.notes.map(
          (note) =>
            new Paragraph({
              spacing: { line: 360, lineRule: LineRuleType.AUTO },
              children: [text(note, fonts.body, fontSize.四号)],
            }),
        ),
      ]),
    ],
  });
  return packDocument(document);
}
