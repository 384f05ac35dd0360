import {
  composeCreditCode,
  creditCodeProblem,
  idNumberCheckCharacter,
} from '../../../core/identity/national-codes';
import { addDays } from '../../../core/calendar/civil-dates';
import { givenNames, surnames } from '../../org/demo/demo-names';

/**
 * The words of the demo cases: parties (enterprises with GB 32100 credit codes, people with GB
 * 11643 ID numbers), places, case titles and facts read from the power item, the records and the
 * texts of each step — all drawn from a seeded PRNG so the same seed writes the same year.
 */

/** mulberry32, the same small PRNG as the demo city's. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pickOf =
  (random: Random) =>
  <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)] as T;

export const between = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** A round amount in 元 between low and high, on a step of `step`. */
export const amountBetween = (random: Random, low: number, high: number, step = 500) =>
  Math.round((low + random() * (high - low)) / step) * step;

export interface DemoPlaceSet {
  /** the prefix of enterprise names: 示范市 or the county */
  namePrefix: string;
  /** GB/T 2260 codes for credit codes and ID numbers */
  divisions: string[];
  streets: string[];
}

export const cityPlaces: DemoPlaceSet = {
  namePrefix: '示范市',
  divisions: ['410302', '410303', '410304', '410305', '410311'],
  streets: [
    '示范市洛龙区开元大道',
    '示范市西工区中州中路',
    '示范市涧西区南昌路',
    '示范市老城区中州东路',
    '示范市瀍河回族区启明南路',
    '示范市洛龙区古城路',
    '示范市西工区凯旋东路',
    '示范市涧西区天津路',
    '示范市洛龙区展览路',
    '示范市老城区九都东路',
  ],
};

export const yichuanPlaces: DemoPlaceSet = {
  namePrefix: '伊川县',
  divisions: ['410329'],
  streets: [
    '伊川县城关街道人民路',
    '伊川县鸣皋镇兴华路',
    '伊川县白沙镇中心街',
    '伊川县水寨镇商贸街',
    '伊川县彭婆镇伊河路',
    '伊川县城关街道杜康大道',
    '伊川县平等乡工业园区',
  ],
};

const brands = [
  '味美',
  '鑫源',
  '恒达',
  '华信',
  '金穗',
  '瑞丰',
  '宏图',
  '德润',
  '万家福',
  '豫香',
  '嘉禾',
  '顺通',
  '博源',
  '康之源',
  '百味轩',
  '天和',
  '盛世',
  '佳乐',
  '明德',
  '福满园',
  '洛鼎',
  '牡丹园',
  '伊滨',
  '河洛',
];

export const industriesByField: Record<string, string[]> = {
  市场监管: [
    '餐饮管理有限公司',
    '食品有限公司',
    '商贸有限公司',
    '超市有限公司',
    '大药房连锁有限公司',
    '医疗器械有限公司',
    '农副产品批发有限公司',
    '烘焙食品有限公司',
  ],
  生态环境: ['化工有限公司', '建材有限公司', '机械制造有限公司', '铸造有限公司', '新型材料有限公司'],
  城市管理综合执法: [
    '广告传媒有限公司',
    '建筑工程有限公司',
    '物业服务有限公司',
    '商贸有限公司',
    '餐饮管理有限公司',
  ],
};

const creditBodyCharacters = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface DemoParty {
  kind: 'enterprise' | 'person';
  name: string;
  creditCode?: string;
  idNumber?: string;
  legalRepresentative?: string;
  address: string;
}

export class PartyMaker {
  private readonly usedCodes = new Set<string>();
  private idSequence = 0;
  private readonly pick: ReturnType<typeof pickOf>;

  constructor(private readonly random: Random) {
    this.pick = pickOf(random);
  }

  personName(): string {
    return `${this.pick(surnames)}${this.pick(givenNames)}`;
  }

  address(places: DemoPlaceSet): string {
    return `${this.pick(places.streets)} ${between(this.random, 1, 399)} 号`;
  }

  enterprise(places: DemoPlaceSet, field: string): DemoParty {
    const industries = industriesByField[field] ?? industriesByField['市场监管'] ?? [];
    const division = this.pick(places.divisions);
    for (;;) {
      let body = 'MA';
      for (let index = 0; index < 6; index += 1) {
        body += creditBodyCharacters.charAt(Math.floor(this.random() * creditBodyCharacters.length));
      }
      let code: string;
      try {
        code = composeCreditCode('91', division, body);
      } catch {
        continue;
      }
      if (creditCodeProblem(code) || this.usedCodes.has(code)) continue;
      this.usedCodes.add(code);
      return {
        kind: 'enterprise',
        name: `${places.namePrefix}${this.pick(brands)}${this.pick(industries)}`,
        creditCode: code,
        legalRepresentative: this.personName(),
        address: this.address(places),
      };
    }
  }

  person(places: DemoPlaceSet, today: string): DemoParty {
    this.idSequence += 1;
    const birth = addDays('1962-01-01', Math.floor(this.random() * 40 * 365));
    const first17 = `${this.pick(places.divisions)}${birth.replace(/-/g, '')}${String(100 + ((this.idSequence * 7) % 899)).padStart(3, '0')}`;
    const idNumber = `${first17}${idNumberCheckCharacter(first17) ?? '0'}`;
    // an adult on the day of the case
    if (birth > addDays(today, -18 * 366)) return this.person(places, today);
    return { kind: 'person', name: this.personName(), idNumber, address: this.address(places) };
  }
}

/** The act an item punishes, read from its name: 对……的行政处罚 → ……. */
export function actOfItem(itemName: string): string {
  return itemName
    .replace(/^对/, '')
    .replace(/（[^）]*）的行政处罚$/, '')
    .replace(/的行政处罚$/, '')
    .replace(/的处罚$/, '');
}

export const sourceDetails: Record<string, Record<string, string[]>> = {
  spotCheck: { any: ['“双随机、一公开”抽查发现', '专项检查中发现'] },
  complaint: {
    市场监管: ['12315 平台投诉转办', '消费者现场投诉'],
    any: ['12345 政务服务便民热线转办', '群众来信投诉'],
  },
  referral: { any: ['上级机关交办', '公安机关移送线索', '乡镇（街道）综合执法移送'] },
  report: { any: ['群众实名举报', '网络舆情线索'] },
  patrol: { any: ['日常巡查发现', '夜间巡查发现'] },
};

export const inspectionNotes = [
  '执法人员出示执法证件，表明身份，当事人在场。现场检查发现的情况与线索反映基本一致，已制作现场检查笔录，当事人核对后签字确认。',
  '执法人员两人到达现场，出示执法证件并告知当事人享有的权利。现场查看了经营场所、库房和台账，提取了相关票据复印件。',
  '现场检查时当事人负责人在场，执法人员对经营场所、生产设备和原料进行了查看、拍照，并抽取了相关书证。',
];

export const inquiryNotes = [
  '询问当事人负责人，其对违法事实供认不讳，称系对法律规定了解不够所致，表示愿意立即整改。',
  '询问当事人，其承认上述行为，提供了进货单据和销售记录，称违法行为持续约两个月。',
  '询问当事人委托代理人，其对检查发现的问题无异议，并提交了情况说明。',
];

export const reviewOpinionsAgree = [
  '执法主体合法，执法人员具备执法资格，违法事实清楚，证据确实充分，适用法律正确，程序合法，裁量适当，同意承办机构的处理意见。',
  '经审核，案件事实清楚、证据充分、定性准确、适用依据正确、程序合法、处罚幅度适当，同意。',
];

export const reviewOpinionsProblems = [
  '违法所得计算依据不足，缺少销售记录原件，建议补充调查取证后重新送审。',
  '现场检查笔录未载明当事人到场情况，询问笔录缺少当事人签字，请补正后重新送审。',
  '裁量情形认定理由不充分，建议补充说明从重处罚的事实依据。',
];

/** A few KB of bytes standing for a photo or a recording, the same for the same seed. */
export function demoFileBytes(random: Random, kind: 'photo' | 'video'): Buffer {
  const size = between(random, 2048, 6144);
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) bytes[index] = Math.floor(random() * 256);
  if (kind === 'photo') {
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    bytes.set([0xff, 0xd9], size - 2);
  } else {
    bytes.set([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32], 0);
  }
  return bytes;
}
