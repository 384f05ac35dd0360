import { beforeAll, describe, expect, it } from 'vitest';
import { readDocxParts, type DocxParts } from './docx-parts';
import { renderOfficialDocument, type OfficialDocumentSpec } from './official-document';
import { sampleDecision } from './sample-decision';

/** The paragraph (<w:p>…</w:p>) of document.xml that contains `text`. */
function paragraphWith(xml: string, text: string): string {
  const paragraph = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)]
    .map((match) => match[0])
    .find((candidate) => candidate.includes(text));
  if (paragraph === undefined) throw new Error(`no paragraph contains ${text}`);
  return paragraph;
}

describe('renderOfficialDocument (GB/T 9704-2012)', () => {
  let sample: DocxParts;
  beforeAll(async () => {
    sample = readDocxParts(await renderOfficialDocument(sampleDecision));
  });

  it('lays out an A4 page with the 156 × 225 mm text area (top 37 mm, left 28 mm) and a 22-line grid', () => {
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/.exec(sample.document)?.[0] ?? '';
    expect(sectPr).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // 37 mm = 2098 twips, 28 mm = 1587, right 26 mm = 1474, bottom 35 mm = 1984
    expect(sectPr).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(11906 - 1587 - 1474).toBe(8845); // 156 mm
    expect(16838 - 2098 - 1984).toBe(12756); // 225 mm
    // 225 mm / 22 lines = 579 twips ≈ 28.95 pt, on the grid and as the exact body line spacing
    expect(sectPr).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(sample.styles).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
  });

  it('sets the body in 3号仿宋_GB2312 (32 half-points), condensed so 28 characters fit a line', () => {
    const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/.exec(sample.styles)?.[0] ?? '';
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:spacing w:val="-5"/>');
    // 28 characters of 16 pt − 0.25 pt fit in 156 mm (442.2 pt)
    expect(28 * (16 - 0.25)).toBeLessThanOrEqual((156 / 25.4) * 72);
  });

  it('indents body paragraphs two characters (640 twips) on their first line', () => {
    const paragraph = paragraphWith(sample.document, '经查，当事人于2026年9月1日');
    expect(paragraph).toContain('<w:ind w:firstLine="640"/>');
  });

  it('sets the title centred in 2号方正小标宋简体 (44 half-points)', () => {
    const paragraph = paragraphWith(sample.document, '行政处罚决定书');
    expect(paragraph).toContain('<w:jc w:val="center"/>');
    expect(paragraph).toContain('w:eastAsia="方正小标宋简体"');
    expect(paragraph).toContain('<w:sz w:val="44"/>');
  });

  it('names 宋体 as the alternative of every Chinese font in the font table, with the GB2312 charset', () => {
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) {
      expect(sample.fontTable).toContain(
        `<w:font w:name="${font}"><w:altName w:val="宋体"/><w:charset w:val="86"/>`,
      );
    }
  });

  it('prints the issuer mark in red, the document number with 六角括号 and a red line under it', () => {
    const mark = paragraphWith(sample.document, '示例市市场监督管理局</w:t>');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('<w:jc w:val="center"/>');
    const number = paragraphWith(sample.document, '示市监罚〔2026〕12号');
    expect(number).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });

  it('sets headings 一、 in 黑体, （一） in 楷体_GB2312 and 1. and （1） in 仿宋', () => {
    expect(paragraphWith(sample.document, '一、违法事实和证据')).toContain('w:eastAsia="黑体"');
    expect(paragraphWith(sample.document, '（一）证据清单')).toContain('w:eastAsia="楷体_GB2312"');
    expect(paragraphWith(sample.document, '1. 陈述申辩情况')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(paragraphWith(sample.document, '（1）没收违法所得600元')).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('writes the recipient with a full-width colon and the attachments numbered 附件：1. …', () => {
    expect(sample.text).toContain('示例市某某食品有限公司：');
    expect(sample.text).toContain('附件：1. 证据清单');
    expect(sample.text).toContain('2. 罚没款缴纳通知');
  });

  it('writes the date in Arabic numerals four characters from the right, the organ centred over it', () => {
    const date = paragraphWith(sample.document, '>2026年11月23日<');
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:ind w:right="1280"/>'); // 4 × 320 twips
    // 示例市市场监督管理局 (10 characters) over 2026年11月23日 (8 half-width digits + 3 = 7):
    // 1280 − (10 − 7) / 2 × 320
    const organization = paragraphWith(sample.document, '<w:ind w:right="800"/>');
    expect(organization).toContain('>示例市市场监督管理局<');
    expect(organization).toContain('<w:jc w:val="right"/>');
  });

  it('ends with 抄送 and 印发机关/印发日期 in 4号 between thick and thin lines as wide as the text area', () => {
    const copyTo = paragraphWith(sample.document, '抄送：示例市司法局，示例市和平区市场监督管理所。');
    expect(copyTo).toContain('<w:sz w:val="28"/>');
    const printed = paragraphWith(sample.document, '示例市市场监督管理局办公室');
    expect(printed).toMatch(/<w:tab\/><w:t[^>]*>2026年11月23日印发<\/w:t>/);
    const recordTable = /<w:tbl>(?:(?!<w:tbl>).)*?抄送：.*?<\/w:tbl>/.exec(sample.document)?.[0] ?? '';
    expect(recordTable).toContain('<w:tblW w:type="dxa" w:w="8844"/>');
    expect(recordTable).toContain('<w:top w:val="single" w:color="000000" w:sz="8"/>');
    expect(recordTable).toContain('<w:bottom w:val="single" w:color="000000" w:sz="6"/>');
    // anchored so its last line is the last line of the text area: 12756 twips − two rows of 560
    expect(recordTable).toContain('<w:tblpPr w:tblpY="11636" w:horzAnchor="margin"');
  });

  it('numbers pages "— 1 —" in 4号宋体, odd pages at the right and even at the left, one character in', () => {
    expect(sample.document).toContain('<w:footerReference w:type="default"');
    expect(sample.document).toContain('<w:footerReference w:type="even"');
    expect(sample.footers).toHaveLength(2);
    for (const footer of sample.footers) {
      expect(footer).toContain('— </w:t>');
      expect(footer).toContain('PAGE');
      expect(footer).toContain(' —</w:t>');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    const sides = sample.footers.map((footer) => /<w:jc w:val="(\w+)"\/>/.exec(footer)?.[1]).sort();
    expect(sides).toEqual(['left', 'right']);
    expect(sample.footers.join('')).toContain('<w:ind w:right="280"/>');
    expect(sample.footers.join('')).toContain('<w:ind w:left="280"/>');
  });

  it('draws a table block with borders and its header row in 黑体', () => {
    const table = /<w:tbl>(?:(?!<w:tbl>).)*?证据名称.*?<\/w:tbl>/.exec(sample.document)?.[0] ?? '';
    expect(table).toContain('<w:tblBorders>');
    expect(table).toContain('<w:insideV w:val="single"');
    expect(paragraphWith(table, '证据名称')).toContain('w:eastAsia="黑体"');
    expect(table).toContain('现场检查笔录');
  });

  it('round-trips Chinese text and escapes XML characters', async () => {
    const spec: OfficialDocumentSpec = {
      title: '关于《示例》<草案>的说明',
      blocks: [{ type: 'paragraph', text: '甲＆乙 & 丙 “引号” 〔2026〕 ①②' }],
      signature: { organization: '示例市人民政府', date: '2026-01-05' },
    };
    const parts = readDocxParts(await renderOfficialDocument(spec));
    expect(parts.document).toContain('关于《示例》&lt;草案&gt;的说明');
    expect(parts.document).toContain('甲＆乙 &amp; 丙 “引号” 〔2026〕 ①②');
    // months and days without leading zeros (GB/T 9704-2012 7.3.5.1)
    expect(parts.text).toContain('2026年1月5日');
  });

  it('draws the red line under the issuer mark when there is no document number', async () => {
    const parts = readDocxParts(
      await renderOfficialDocument({
        issuerMark: '示例市人民政府办公室',
        title: '关于印发示例办法的通知',
        blocks: [{ type: 'paragraph', text: '正文。' }],
        signature: { organization: '示例市人民政府办公室', date: '2026-11-23' },
      }),
    );
    const mark = paragraphWith(parts.document, '>示例市人民政府办公室</w:t>');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
  });

  it('omits the red head, the attachments and the record when the spec has none', async () => {
    const parts = readDocxParts(
      await renderOfficialDocument({
        title: '行政处罚事先告知书',
        blocks: [{ type: 'paragraph', text: '正文。' }],
        signature: { organization: '示例市市场监督管理局', date: '2026-11-23' },
      }),
    );
    expect(parts.document).not.toContain('FF0000');
    expect(parts.text).not.toContain('附件');
    expect(parts.text).not.toContain('抄送');
    expect(parts.text).not.toContain('印发');
  });
});
