/**
 * Realistic data straight into PostgreSQL, at the sizes the benchmarks need (from 100 to 50,000
 * societies; up to millions of members), in set-based statements so that loading takes seconds, not
 * the minutes the API would. Shared by every benchmark; nothing here goes through the API.
 */
import type pg from 'pg';

const DISCIPLINES = ['science', 'engineering', 'agriculture', 'medicine', 'cross'];

/**
 * `count` societies with the profile fields the directory and lists show: mostly active, some
 * preparing, dormant or gone, over the five discipline groups and three types. Returns their ids.
 */
export async function loadSocieties(db: pg.Client, count: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO societies (id, name, type, discipline, credit_code, supporting_unit, founded_on, office_address,
                            contact_person, contact_phone, contact_email, chair_name, secretary_general_name,
                            secretary_general_full_time, website, party_organisation, status, version, created_at, updated_at)
     SELECT gen_random_uuid(),
            '海川市' || (ARRAY['物理','化学','机械工程','农学','医学','计算机','水利','环境科学','心理','测绘'])[1 + i % 10]
              || (ARRAY['学会','协会','研究会'])[1 + (i / 10) % 3] || '（' || i || '）',
            (ARRAY['society','association','research_society'])[1 + (i / 10) % 3],
            ($2::text[])[1 + i % 5],
            NULL,
            (ARRAY['海川大学','海川理工学院','市农业科学院','市第一人民医院', NULL])[1 + i % 5],
            date '1980-01-01' + (i * 37 % 15000),
            '海川市新城区科技路' || (i % 300) || '号',
            '联系人' || i, '0537-' || lpad((i % 10000000)::text, 7, '0'), 's' || i || '@example.cn',
            '理事长' || i, '秘书长' || i, i % 3 <> 0, 'https://s' || i || '.example.cn',
            (ARRAY['none','own_branch','joint_branch','instructor'])[1 + i % 4],
            (ARRAY['active','active','active','active','active','active','active','preparing','dormant','deregistered'])[1 + i % 10],
            1, now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
     FROM generate_series(1, $1::int) AS i
     RETURNING id`,
    [count, DISCIPLINES],
  );
  await db.query('VACUUM ANALYZE societies');
  return result.rows.map((r) => r.id);
}

/** Members for the societies: the first gets 40%, the rest share the remainder. */
export async function loadMembers(db: pg.Client, societyIds: string[], total: number): Promise<void> {
  const big = Math.round(total * 0.4);
  await db.query(
    `INSERT INTO members (id, society_id, kind, name, gender, birth_date, id_number_masked, phone, email, employer,
                          title_level, discipline, category, external_ref, status, joined_on, version, created_at, updated_at)
     SELECT gen_random_uuid(),
            CASE WHEN i <= $2 THEN ($1::uuid[])[1] ELSE ($1::uuid[])[2 + (i % ($3 - 1))] END,
            'individual',
            substr($4, 1 + (i * 7) % length($4), 1) || substr($5, 1 + (i * 13) % length($5), 1)
              || CASE WHEN i % 3 = 0 THEN '' ELSE substr($5, 1 + (i * 17) % length($5), 1) END,
            CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
            date '1950-01-01' + (i % 18000),
            '3708**********' || lpad((i % 10000)::text, 4, '0'),
            '13' || lpad((i::bigint * 7919 % 1000000000)::text, 9, '0'),
            'm' || i || '@example.cn',
            (ARRAY['海川大学','海川医学院','市第一人民医院','市农业科学院','海川理工学院','市疾控中心','海川化工集团'])[1 + i % 7],
            (ARRAY['senior','associate_senior','intermediate','intermediate','junior','none'])[1 + (i / 7) % 6],
            (ARRAY['计算机科学','临床医学','作物学','机械工程','化学工程'])[1 + i % 5],
            (ARRAY['ordinary','ordinary','ordinary','senior','student','honorary'])[1 + (i / 11) % 6],
            'L-' || i,
            (ARRAY['active','active','active','active','active','active','lapsed','applied','suspended','withdrawn'])[1 + (i / 3) % 10],
            date '2000-01-01' + (i % 9000),
            1,
            now() - (i || ' seconds')::interval,
            now() - (i || ' seconds')::interval
     FROM generate_series(1, $6::int) AS i`,
    [
      societyIds,
      big,
      societyIds.length,
      '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
      '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红文辉鹏飞宇浩然欣怡子涵梓轩晨阳佳琪思远博文嘉怡雨泽',
      total,
    ],
  );
  // Vacuumed now, so autovacuum does not compete with the measurement.
  await db.query('VACUUM ANALYZE members');
}
