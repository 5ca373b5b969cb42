import {
  type MemberCategory,
  type MemberStatus,
  maskIdNumber,
  type TitleLevel,
  withIdNumberCheck,
} from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import type { PersonalDataVault } from '../lib/personal-data';
import type { Trx } from '../lib/write';
import { seededRandom } from './demo-governance';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红波鹏宇浩晨凯琳婷雪梅斌辉宁海峰';
const EMPLOYERS = [
  '海川大学',
  '市第一人民医院',
  '市农业科学院',
  '市工业技术研究院',
  '海川理工学院',
  '市中心医院',
  '市设计研究院',
  '海川职业技术学院',
];
const TITLES: TitleLevel[] = [
  'senior',
  'associate_senior',
  'associate_senior',
  'intermediate',
  'intermediate',
  'intermediate',
  'junior',
  'none',
];

/**
 * Members for the demo societies (more for the two the demo officer keeps): valid, sealed ID numbers,
 * a spread of titles, categories, ages and statuses, a few applications waiting for approval, and dues.
 */
export async function loadDemoMembers(
  trx: Trx,
  vault: PersonalDataVault,
  societies: { id: string; status: string; index: number }[],
): Promise<void> {
  const random = seededRandom(7_130_2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const thisYear = new Date().getUTCFullYear();
  const now = new Date();
  for (const society of societies) {
    if (society.status !== 'active' && society.status !== 'dormant') continue;
    const count = society.index < 2 ? 120 : 12 + Math.floor(random() * 30);
    const rows = [];
    const dues = [];
    for (let i = 0; i < count; i++) {
      const birthYear = 1950 + Math.floor(random() * 52);
      const birth = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const male = random() < 0.55;
      const sequence = String(100 + Math.floor(random() * 400) * 2 + (male ? 1 : 0)).padStart(3, '0');
      const idNumber = withIdNumberCheck(`371902${birth.replaceAll('-', '')}${sequence}`);
      const status: MemberStatus =
        i % 29 === 3 ? 'applied' : i % 23 === 5 ? 'lapsed' : i % 41 === 7 ? 'withdrawn' : 'active';
      const category: MemberCategory =
        birthYear > 1998 ? 'student' : i % 17 === 0 ? 'senior' : i % 53 === 0 ? 'honorary' : 'ordinary';
      const joinedYear = thisYear - Math.floor(random() * 8);
      const id = uuidv7();
      rows.push({
        id,
        society_id: society.id,
        kind: 'individual' as const,
        name: pick(SURNAMES.split('')) + pick(GIVEN.split('')) + (random() < 0.6 ? pick(GIVEN.split('')) : ''),
        gender: male ? ('male' as const) : ('female' as const),
        birth_date: birth,
        id_number_sealed: vault.encrypt(idNumber),
        id_number_hash: vault.matchHash(idNumber),
        id_number_masked: maskIdNumber(idNumber),
        phone: `13${Math.floor(100000000 + random() * 899999999)}`,
        email: null,
        employer: pick(EMPLOYERS),
        title_level: category === 'student' ? ('none' as const) : pick(TITLES),
        discipline: null,
        degree: null,
        category,
        org_credit_code: null,
        contact_person: null,
        external_ref: `DEMO-${society.index}-${i}`,
        status,
        joined_on: status === 'applied' ? null : `${joinedYear}-03-01`,
        created_at: now,
        updated_at: now,
      });
      if (status === 'active') {
        for (const year of [thisYear - 1, thisYear]) {
          if (year >= joinedYear && random() < 0.85) {
            dues.push({
              id: uuidv7(),
              member_id: id,
              year,
              amount_fen: 20_000,
              paid_on: `${year}-03-15`,
              created_at: now,
            });
          }
        }
      }
    }
    await trx.insertInto('members').values(rows).execute();
    if (dues.length) await trx.insertInto('member_dues').values(dues).execute();
  }
}
