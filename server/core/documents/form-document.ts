/**
 * Table-shaped forms (立案审批表, 送达回证 …): a title and a bordered table of labelled fields, on
 * the same page, grid and fonts as the official documents (GB/T 9704-2012).
 */
import {
  AlignmentType,
  Document,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { documentStyles, fontSize, fonts, mm, officialSection, runFont, textArea } from './gbt9704';
import { packDocument, tableBorders } from './official-document';

/** A labelled field: the label in its own cell, the value beside it (blank to fill in by hand). */
export interface FormField {
  label: string;
  value?: string;
}

/**
 * One row of the form: one field spanning the whole width, or several side by side. `height` in
 * millimetres leaves room for a long text or a handwritten opinion (审批意见).
 */
export interface FormRow {
  fields: FormField[];
  height?: number;
}

export interface FormDocumentSpec {
  title: string;
  /** 文书编号 printed right-aligned under the title, e.g. 示市监立〔2026〕7号. */
  documentNumber?: string;
  rows: FormRow[];
  /** Lines under the table, e.g. 备注. */
  notes?: string[];
}

const text = (content: string, font: string = fonts.body, size: number = fontSize.四号) =>
  new TextRun({ text: content, font: runFont(font), size });

function cell(content: string, width: number, span: number, label: boolean) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    children: content.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: label ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 40, after: 40 },
          children: [text(line)],
        }),
    ),
  });
}

/**
 * The table grid: as many label/value column pairs as the widest row has fields; a label takes a
 * share of its pair (at least six characters), and the last value of a narrower row spans the columns left over.
 */
function formTable(rows: FormRow[]) {
  const pairs = Math.max(1, ...rows.map((row) => row.fields.length));
  const pairWidth = Math.floor(textArea.width / pairs);
  // a label of six 4号 characters (承办机构意见) fits on one line, cell margins included
  const sixCharacters = 6 * fontSize.四号 * 10 + 2 * 108;
  const labelWidth = Math.max(
    Math.round(pairWidth * (pairs === 1 ? 0.22 : 0.4)),
    Math.min(sixCharacters, pairWidth / 2),
  );
  const valueWidth = pairWidth - labelWidth;
  const columnWidths = Array.from({ length: pairs }, () => [labelWidth, valueWidth]).flat();
  return new Table({
    width: { size: pairWidth * pairs, type: WidthType.DXA },
    columnWidths,
    borders: tableBorders,
    rows: rows.map((row) => {
      const leftOver = (pairs - row.fields.length) * 2;
      return new TableRow({
        height:
          row.height === undefined
            ? { value: mm(12), rule: HeightRule.ATLEAST }
            : { value: mm(row.height), rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: row.fields.flatMap((field, index) => {
          const last = index === row.fields.length - 1;
          const span = last ? 1 + leftOver : 1;
          return [
            cell(field.label, labelWidth, 1, true),
            cell(field.value ?? '', valueWidth + (last ? leftOver / 2 : 0) * pairWidth, span, false),
          ];
        }),
      });
    }),
  });
}

/** Lays out a form and returns the .docx bytes. */
export async function renderFormDocument(spec: FormDocumentSpec): Promise<Buffer> {
  const heading = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(fontSize.二号 * 10 * 1.35), lineRule: LineRuleType.EXACT },
      children: [text(spec.title, fonts.title, fontSize.二号)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children:
        spec.documentNumber === undefined ? [] : [text(spec.documentNumber, fonts.body, fontSize.三号)],
    }),
  ];
  const notes = (spec.notes ?? []).map(
    (note) => new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AUTO }, children: [text(note)] }),
  );
  const document = new Document({
    title: spec.title,
    styles: documentStyles,
    evenAndOddHeaderAndFooters: true,
    sections: [officialSection([...heading, formTable(spec.rows), ...notes])],
  });
  return packDocument(document);
}
