import { describe, expect, it } from 'vitest';
import { type Converted, problemText } from './convert';
import { convertField, EXPERT_FIELDS, type FieldSpec, fieldForHeader, MEMBER_FIELDS, mapHeaders } from './fields';

function field(fields: readonly FieldSpec[], name: string): FieldSpec {
  const found = fields.find((f) => f.field === name);
  if (!found) throw new Error(name);
  return found;
}

const member = (name: string, cell: Parameters<typeof convertField>[1]) =>
  convertField(field(MEMBER_FIELDS, name), cell);
const expert = (name: string, cell: Parameters<typeof convertField>[1]) =>
  convertField(field(EXPERT_FIELDS, name), cell);
const problem = (converted: Converted<unknown>) =>
  converted && 'problem' in converted ? problemText(converted.problem) : undefined;

describe('converting cells', () => {
  it('folds full-width digits and ＠ in identifiers, phones and e-mail, never in names', () => {
    expect(member('phone', '１３８００１３８０００')).toEqual({ value: '13800138000' });
    expect(member('phone', '０５７１－８８８８８８８')).toEqual({ value: '0571-8888888' });
    expect(member('email', 'ｗａｎｇ＠example.com')).toEqual({ value: 'wang@example.com' });
    expect(member('idNumber', '１１０１０５１９４９１２３１００２ｘ')).toEqual({ value: '11010519491231002X' });
    expect(member('orgCreditCode', '９１３５ ０２１１ Ｍ０００１００Ｙ４３')).toEqual({ value: '91350211M000100Y43' });
    expect(member('name', 'ＡＢＣ㈱王𠜎')).toEqual({ value: 'ＡＢＣ㈱王𠜎' });
  });

  it('takes a mobile or a landline with area code, and names the rule otherwise', () => {
    expect(member('phone', 13800138000)).toEqual({ value: '13800138000' });
    expect(member('phone', '010-12345678')).toEqual({ value: '010-12345678' });
    expect(problem(member('phone', '12345'))).toBe(
      '电话号码“12345”不正确：手机号应为 1 开头、第二位为 3–9 的 11 位数字；固定电话须带区号，如 010-12345678、0571-8888888',
    );
    expect(problem(member('phone', 12345678901))).toContain('电话号码“12345678901”不正确');
  });

  it('refuses an 18-digit number that Excel stored as a number, whatever the column', () => {
    const lossy = Number('110105194912310002');
    expect(problem(member('idNumber', lossy))).toContain('丢失了末尾几位');
    expect(problem(member('idNumber', '1.10105E+17'))).toContain('丢失了末尾几位');
    expect(problem(member('externalRef', lossy))).toContain('丢失了末尾几位');
    expect(member('externalRef', 20240001)).toEqual({ value: '20240001' });
  });

  it('reads dates as cells, serial numbers and the usual ways of writing them', () => {
    for (const cell of [new Date(Date.UTC(2020, 0, 5)), 43835, '2020-01-05', '2020/1/5', '2020.1.5', '2020年1月5日']) {
      expect(member('joinedOn', cell), String(cell)).toEqual({ value: '2020-01-05' });
    }
    expect(member('joinedOn', '２０２０－０１－０５')).toEqual({ value: '2020-01-05' });
    expect(problem(member('joinedOn', '2020/13/45'))).toBe('无法识别的日期“2020/13/45”，请写成 2020-01-05 或 2020/1/5');
  });

  it('reads titles as the societies write them, and refuses an expert below 副高级 with the reason', () => {
    expect(member('titleLevel', '教授')).toEqual({ value: 'senior' });
    expect(member('titleLevel', '副主任医师')).toEqual({ value: 'associate_senior' });
    expect(member('titleLevel', '讲师')).toEqual({ value: 'intermediate' });
    expect(expert('titleLevel', '研究员')).toEqual({ value: 'senior' });
    expect(problem(expert('titleLevel', '讲师'))).toBe('“讲师”不可用：专家须具有正高级或副高级职称');
    expect(problem(member('titleLevel', '特级'))).toBe('无法识别的值“特级”，可选：正高级/副高级/中级/初级/无');
    expect(expert('pools', '科技、科普专家库')).toEqual({ value: ['science_technology', 'popularisation'] });
    expect(expert('available', '否')).toEqual({ value: false });
    expect(member('gender', '  ')).toBeUndefined();
  });
});

describe('headers', () => {
  it('knows the template headers, the aliases of both importers and the API names', () => {
    const named = (fields: readonly FieldSpec[], header: string) => fieldForHeader(fields, header)?.field;
    expect(named(MEMBER_FIELDS, '职称 *')).toBe('titleLevel');
    expect(named(MEMBER_FIELDS, '联系电话')).toBe('phone');
    expect(named(MEMBER_FIELDS, '\uFEFF姓名')).toBe('name');
    expect(named(MEMBER_FIELDS, 'titleLevel')).toBe('titleLevel');
    expect(named(EXPERT_FIELDS, '专业领域')).toBe('disciplines');
    expect(named(EXPERT_FIELDS, '可参与评审')).toBe('available');
    expect(named(MEMBER_FIELDS, '备注')).toBeUndefined();
  });

  it('lists every unknown or repeated header at once', () => {
    const { errors, mapping } = mapHeaders(MEMBER_FIELDS, ['姓名', '备注', '手机', '电话', null]);
    expect(errors.slice(0, 2)).toEqual([
      '第 B 列的表头“备注”无法识别',
      '表头“电话”与“手机”是同一字段（phone），只能出现一次',
    ]);
    expect(mapping.columns).toEqual(['name', null, 'phone', null, null]);
  });
});
