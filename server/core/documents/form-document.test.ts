import { describe, expect, it } from 'vitest';
import { readDocxParts } from './docx-parts';
import { renderFormDocument, type FormDocumentSpec } from './form-document';

const approvalForm: FormDocumentSpec = {
  title: '立案审批表',
  documentNumber: '示市监立〔2026〕7号',
  rows: [
    { fields: [{ label: '案由', value: '涉嫌销售超过保质期的食品案' }] },
    {
      fields: [
        { label: '当事人', value: '示例市某某食品有限公司' },
        { label: '统一社会信用代码', value: '91110000MA0000000X' },
      ],
    },
    {
      fields: [
        { label: '案件来源', value: '监督检查' },
        { label: '受案时间', value: '2026年9月14日' },
      ],
    },
    { fields: [{ label: '简要案情', value: '第一行\n第二行' }], height: 40 },
    { fields: [{ label: '承办机构意见' }], height: 30 },
  ],
  notes: ['注：本表由承办机构填写。'],
};

describe('renderFormDocument', () => {
  it('sets the title in 2号方正小标宋简体 and the form on the same A4 page and text area', async () => {
    const parts = readDocxParts(await renderFormDocument(approvalForm));
    expect(parts.document).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
    const title = /<w:p>(?:(?!<w:p>).)*?立案审批表.*?<\/w:p>/.exec(parts.document)?.[0] ?? '';
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(parts.text).toContain('示市监立〔2026〕7号');
    expect(parts.footers).toHaveLength(2);
  });

  it('draws one bordered table of label/value cells, two pairs wide, in 4号仿宋', async () => {
    const parts = readDocxParts(await renderFormDocument(approvalForm));
    const tables = parts.document.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    expect(parts.document).toContain('<w:tblBorders>');
    expect(parts.document).toContain('<w:insideH w:val="single"');
    // two label/value pairs: four grid columns, together as wide as the text area (156 mm)
    const grid = [...parts.document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(grid).toHaveLength(4);
    expect(grid.reduce((sum, width) => sum + width, 0)).toBeGreaterThan(8840);
    // a single field spans the three columns after its label
    expect(parts.document).toContain('<w:gridSpan w:val="3"/>');
    const cellText = /<w:tc>(?:(?!<w:tc>).)*?统一社会信用代码.*?<\/w:tc>/.exec(parts.document)?.[0] ?? '';
    expect(cellText).toContain('w:eastAsia="仿宋_GB2312"');
    expect(cellText).toContain('<w:sz w:val="28"/>');
  });

  it('keeps labels, values, several lines and room for a handwritten opinion', async () => {
    const parts = readDocxParts(await renderFormDocument(approvalForm));
    for (const text of [
      '案由',
      '涉嫌销售超过保质期的食品案',
      '91110000MA0000000X',
      '第一行',
      '第二行',
      '承办机构意见',
    ])
      expect(parts.text).toContain(text);
    // 40 mm = 2268 twips, 30 mm = 1701 twips, at least
    expect(parts.document).toContain('<w:trHeight w:val="2268" w:hRule="atLeast"/>');
    expect(parts.document).toContain('<w:trHeight w:val="1701" w:hRule="atLeast"/>');
    expect(parts.text).toContain('注：本表由承办机构填写。');
  });

  it('lays out a 送达回证 with three fields on a row', async () => {
    const parts = readDocxParts(
      await renderFormDocument({
        title: '送达回证',
        rows: [
          { fields: [{ label: '送达文书', value: '行政处罚决定书 示市监罚〔2026〕12号' }] },
          {
            fields: [
              { label: '受送达人', value: '张某某' },
              { label: '送达方式', value: '直接送达' },
              { label: '送达地点', value: '和平区人民路1号' },
            ],
          },
          { fields: [{ label: '受送达人签名' }], height: 25 },
        ],
      }),
    );
    expect([...parts.document.matchAll(/<w:gridCol /g)]).toHaveLength(6);
    expect(parts.document).toContain('<w:gridSpan w:val="5"/>');
    expect(parts.text).toContain('行政处罚决定书 示市监罚〔2026〕12号');
  });
});
