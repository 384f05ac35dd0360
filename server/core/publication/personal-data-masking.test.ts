import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../identity/national-codes';
import {
  findExposedPersonalData,
  maskAddress,
  maskPersonalData,
  maskPersonName,
  maskPhone,
} from './personal-data-masking';

const idNumber = (first17: string) => `${first17}${idNumberCheckCharacter(first17) ?? ''}`;

describe('masking personal data before publication', () => {
  it('keeps a natural person’s surname (a compound one whole) and stars the rest', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('王小明')).toBe('王**');
    expect(maskPersonName('欧阳明华')).toBe('欧阳**');
    expect(maskPersonName('欧阳')).toBe('欧*');
  });

  it('keeps a mobile’s first 3 and last 4 digits and only a landline’s area code', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0379-63211234')).toBe('0379-********');
  });

  it('keeps an address down to the township or street, or the county', () => {
    expect(maskAddress('河南省洛阳市西工区王城路街道中州中路123号3单元502室')).toBe(
      '河南省洛阳市西工区王城路街道****',
    );
    expect(maskAddress('洛阳市伊川县城关镇人民路8号')).toBe('洛阳市伊川县城关镇****');
    expect(maskAddress('示范市西工区中州中路123号')).toBe('示范市西工区****');
  });

  it('masks valid ID numbers, phones and the named persons in a decision text, leaving other numbers alone', () => {
    const id = idNumber('41030219800101123');
    const text = `当事人张三（身份证号码${id}，住洛阳市伊川县城关镇人民路8号，电话13812345678）于2026年3月1日销售过期食品，货值金额123456789012345678元。`;
    const masked = maskPersonalData(text, {
      personNames: ['张三'],
      addresses: ['洛阳市伊川县城关镇人民路8号'],
    });
    expect(masked).toContain('当事人张*');
    expect(masked).not.toContain(id);
    expect(masked).toContain(`${id.slice(0, 3)}***********${id.slice(-4)}`);
    expect(masked).toContain('洛阳市伊川县城关镇****');
    expect(masked).toContain('138****5678');
    // 18 digits that fail the GB 11643 check are not an ID number
    expect(masked).toContain('123456789012345678元');
    expect(findExposedPersonalData(masked, { personNames: ['张三'] })).toEqual([]);
  });

  it('finds what a text would still expose, in order', () => {
    const id = idNumber('41032919900305002');
    const exposed = findExposedPersonalData(`李四，${id}，手机13900001111`, { personNames: ['李四'] });
    expect(exposed.map((item) => item.kind)).toEqual(['personName', 'idNumber', 'mobile']);
  });
});
