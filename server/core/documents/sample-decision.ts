/**
 * A sample 行政处罚决定书 with invented parties and facts, for `fazhi document sample` and the
 * tests: it uses every part of the layout (版头, 主送, headings, a table, 附件, 署名, 版记).
 */
import type { OfficialDocumentSpec } from './official-document';

export const sampleDecision: OfficialDocumentSpec = {
  issuerMark: '示例市市场监督管理局',
  documentNumber: '示市监罚〔2026〕12号',
  title: '行政处罚决定书',
  recipient: '示例市某某食品有限公司',
  blocks: [
    {
      type: 'paragraph',
      text: '当事人：示例市某某食品有限公司，统一社会信用代码：91110000MA0000000X，住所：示例市和平区人民路1号，法定代表人：张某某。',
    },
    {
      type: 'paragraph',
      text: '2026年9月14日，本局执法人员对当事人经营场所进行检查，发现当事人销售的一批糕点超过保质期。本局于2026年9月15日立案调查。',
    },
    { type: 'heading', level: 1, text: '一、违法事实和证据' },
    {
      type: 'paragraph',
      text: '经查，当事人于2026年9月1日至9月14日期间销售超过保质期的糕点共计120盒，货值金额2400元，违法所得600元。',
    },
    { type: 'heading', level: 2, text: '（一）证据清单' },
    {
      type: 'table',
      header: true,
      widths: [1, 3, 5],
      rows: [
        ['序号', '证据名称', '证明事项'],
        ['1', '现场检查笔录', '当事人经营场所存有超过保质期的糕点'],
        ['2', '询问笔录', '当事人销售上述糕点的时间和数量'],
        ['3', '销售记录', '货值金额和违法所得'],
      ],
    },
    { type: 'heading', level: 3, text: '1. 陈述申辩情况' },
    {
      type: 'paragraph',
      text: '本局于2026年10月20日向当事人送达《行政处罚事先告知书》，当事人在法定期限内未提出陈述、申辩，也未要求听证。',
    },
    { type: 'heading', level: 1, text: '二、处罚依据和处罚决定' },
    {
      type: 'paragraph',
      text: '当事人的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，本局决定：',
    },
    { type: 'heading', level: 4, text: '（1）没收违法所得600元；' },
    { type: 'heading', level: 4, text: '（2）罚款50000元。' },
    {
      type: 'paragraph',
      text: '当事人应当自收到本决定书之日起十五日内，将罚款缴至指定银行。逾期不缴纳罚款的，本局每日按罚款数额的百分之三加处罚款。',
    },
    {
      type: 'paragraph',
      text: '当事人如不服本决定，可以在收到本决定书之日起六十日内向示例市人民政府申请行政复议，也可以在六个月内依法向示例市和平区人民法院提起行政诉讼。',
    },
    { type: 'signatureLine', label: '当事人签收', withDate: true },
  ],
  attachments: ['证据清单', '罚没款缴纳通知'],
  signature: { organization: '示例市市场监督管理局', date: '2026-11-23' },
  copyTo: ['示例市司法局', '示例市和平区市场监督管理所'],
  printedBy: { organization: '示例市市场监督管理局办公室', date: '2026-11-23' },
};
