/**
 * Realistic, deterministic member rows for the benchmarks: valid resident ID numbers (unique by
 * construction for any index below 180 million), Chinese names, a spread of titles and categories.
 */
import { withIdNumberCheck } from '@society-hub/domain';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红文辉鹏飞宇浩然欣怡子涵梓轩晨阳佳琪思远博文嘉怡雨泽';
const AREAS = ['370802', '370811', '370812', '370826', '370827', '370828', '370829', '370830', '370831', '370832'];
const EMPLOYERS = [
  '海川大学',
  '海川医学院',
  '市第一人民医院',
  '市农业科学院',
  '海川理工学院',
  '市疾控中心',
  '海川化工集团',
];
const DISCIPLINES = ['计算机科学', '临床医学', '作物学', '机械工程', '化学工程', '公共卫生', '电子信息'];
const TITLES = ['senior', 'associate_senior', 'intermediate', 'intermediate', 'junior', 'none'] as const;
const CATEGORIES = ['ordinary', 'ordinary', 'ordinary', 'ordinary', 'senior', 'student', 'honorary'] as const;

const BIRTH_START = Date.UTC(1950, 0, 1);
const DAY = 86_400_000;

export interface MemberRow {
  kind: 'individual';
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  phone: string;
  email: string;
  employer: string;
  titleLevel: (typeof TITLES)[number];
  discipline: string;
  category: (typeof CATEGORIES)[number];
  externalRef: string;
  joinedOn: string;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** Member number `i` (0-based), the same on every run. */
export function memberRow(i: number, refPrefix = 'B'): MemberRow {
  const mix = Math.imul(i + 1, 2_654_435_761) >>> 0;
  const birth = new Date(BIRTH_START + (Math.floor(i / AREAS.length) % 18_000) * DAY);
  const sequence = Math.floor(i / (AREAS.length * 18_000)) % 500;
  const male = mix % 2 === 0;
  const body = `${pick(AREAS, i)}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(sequence * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  const given = pick([...GIVEN], mix >>> 3) + (mix % 3 === 0 ? '' : pick([...GIVEN], mix >>> 9));
  return {
    kind: 'individual',
    name: pick([...SURNAMES], mix >>> 5) + given,
    gender: male ? 'male' : 'female',
    idNumber: withIdNumberCheck(body),
    phone: `13${String(mix % 1_000_000_000).padStart(9, '0')}`,
    email: `m${i}@example.cn`,
    employer: pick(EMPLOYERS, mix >>> 11),
    titleLevel: pick(TITLES, mix >>> 13),
    discipline: pick(DISCIPLINES, mix >>> 15),
    category: pick(CATEGORIES, mix >>> 17),
    externalRef: `${refPrefix}-${i}`,
    joinedOn: new Date(Date.UTC(2000, 0, 1) + (mix % 9_000) * DAY).toISOString().slice(0, 10),
  };
}

export const MEMBER_COLUMNS = Object.keys(memberRow(0)) as (keyof MemberRow)[];
