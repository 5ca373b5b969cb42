import {
  type AnnualReportContent,
  type CouncilPosition,
  DEFAULT_GOVERNANCE_THRESHOLDS,
  type InspectionResult,
  type PartyOrganisation,
} from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/connect';
import type { Trx } from '../lib/write';
import { CapacityService } from '../modules/capacity/capacity.service';
import { GovernanceService } from '../modules/governance/governance.service';

/** A small deterministic generator, so the demo looks the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红波鹏宇浩晨凯琳婷雪梅斌辉宁海峰';
const EMPLOYERS = [
  '市第一人民医院',
  '海川大学',
  '市农业科学院',
  '市工业技术研究院',
  '市疾病预防控制中心',
  '海川理工学院',
  '市气象局',
  '市设计研究院',
  '市中心医院',
  '市林业科学研究所',
];

function personName(random: () => number): string {
  const pick = (text: string) => text.charAt(Math.floor(random() * text.length));
  return pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
}

function content(random: () => number, strength: number): AnnualReportContent {
  const individual = Math.round(120 + random() * 900 * strength);
  const share = (s: number) => Math.round(individual * s * (0.6 + random() * 0.8));
  const dues = Math.round(individual * 100 * 100);
  const government = Math.round(random() * 30_000_000 * strength);
  const services = Math.round(random() * 8_000_000 * strength);
  const donations = random() < 0.3 ? Math.round(random() * 2_000_000) : 0;
  const other = Math.round(random() * 500_000);
  const total = dues + government + services + donations + other;
  const scaled = (max: number) => Math.round(random() * max * strength);
  const academicExchanges = scaled(9);
  const popularisationEvents = scaled(16);
  const advisoryReports = scaled(4);
  const brandEvents = scaled(3);
  return {
    members: {
      individual,
      institutional: Math.round(random() * 40),
      newIndividual: share(0.08),
      student: share(0.06),
      youth: Math.min(individual, share(0.28)),
    },
    activities: {
      academicExchanges,
      academicParticipants: academicExchanges * Math.round(60 + random() * 120),
      popularisationEvents,
      popularisationParticipants: popularisationEvents * Math.round(150 + random() * 400),
      advisoryReports,
      advisoryAdopted: Math.min(advisoryReports, scaled(2)),
      brandEvents,
      brandParticipants: brandEvents * Math.round(200 + random() * 500),
    },
    finances: {
      incomeDuesFen: dues,
      incomeGovernmentFen: government,
      incomeServicesFen: services,
      incomeDonationsFen: donations,
      incomeOtherFen: other,
      incomeTotalFen: total,
      expenditureFen: Math.round(total * (0.75 + random() * 0.3)),
    },
    staff: { fullTime: Math.round(random() * 3 * strength), partTime: 1 + Math.round(random() * 4) },
    memberHome: {
      fixedPlace: random() < 0.5 + strength / 2,
      facilities: random() < 0.4 + strength / 2,
      staff: random() < 0.3 + strength / 2,
      funding: random() < 0.2 + strength / 2,
      rules: random() < 0.5 + strength / 2,
    },
  };
}

/**
 * Terms, rosters, annual reports, inspections, party organisations, grades and an alliance for the
 * demo societies: enough for every governance page and chart to mean something, including a few
 * societies that fail rules or sit on the disqualification list.
 */
export async function loadDemoGovernance(
  trx: Trx,
  db: DB,
  societies: { id: string; status: string; index: number }[],
): Promise<void> {
  const random = seededRandom(20_261_122);
  const now = new Date();
  const thisYear = now.getUTCFullYear();
  const parties: PartyOrganisation[] = ['own_branch', 'joint_branch', 'instructor', 'own_branch', 'none'];
  for (const society of societies) {
    if (society.status === 'preparing' || society.status === 'deregistered') continue;
    const strength = society.status === 'dormant' ? 0.1 : 0.35 + random() * 0.65;
    const party = parties[society.index % parties.length] ?? 'none';
    await trx
      .updateTable('societies')
      .set({
        party_organisation: party,
        party_organisation_on: party === 'none' ? null : `${2017 + (society.index % 6)}-07-01`,
        evaluation_grade: society.index % 4 === 0 ? 3 + (society.index % 3) : null,
        evaluation_grade_on: society.index % 4 === 0 ? `${2021 + (society.index % 4)}-12-15` : null,
        secretary_general_full_time: random() < strength,
      })
      .where('id', '=', society.id)
      .execute();

    // Two terms: the previous and the current one (some due for re-election soon, a few overdue).
    const currentStart = society.index % 9 === 4 ? thisYear - 6 : thisYear - 1 - (society.index % 4);
    const terms = [
      { sequence: 3 + (society.index % 5), start: currentStart - 5 },
      { sequence: 4 + (society.index % 5), start: currentStart },
    ];
    let chair = personName(random);
    const chairBirth = 1952 + Math.floor(random() * 20);
    for (const term of terms) {
      const termId = uuidv7();
      const representatives = 150 + Math.floor(random() * 250);
      await trx
        .insertInto('governance_terms')
        .values({
          id: termId,
          society_id: society.id,
          sequence: term.sequence,
          start_on: `${term.start}-06-01`,
          end_on: `${term.start + 5}-05-31`,
          representatives,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const size = Math.min(
        Math.floor(representatives / 3) - (society.index % 7 === 3 ? -8 : 0),
        15 + Math.floor(random() * 30),
      );
      const frontlineShare = society.index % 8 === 5 ? 0.6 : 0.78 + random() * 0.2;
      const standingCount = Math.max(3, Math.floor(size / 3) - (society.index % 10 === 2 ? -3 : 0));
      const roster: {
        name: string;
        position: CouncilPosition;
        standing: boolean;
        frontline: boolean;
        birth: number;
        official: boolean;
        approval: string | null;
      }[] = [];
      for (let i = 0; i < size; i++) {
        const position: CouncilPosition =
          i === 0
            ? 'chair'
            : i === 1
              ? 'secretary_general'
              : i < 4
                ? 'vice_chair'
                : i < standingCount
                  ? 'standing_director'
                  : 'director';
        const official = i > 1 && random() < 0.06;
        roster.push({
          name: i === 0 ? chair : personName(random),
          position,
          standing: i < standingCount,
          frontline: i === 0 ? true : random() < frontlineShare,
          birth: i === 0 ? chairBirth : 1958 + Math.floor(random() * 30),
          official,
          approval: official && random() < 0.6 ? `海组干〔${term.start}〕${10 + i}号` : null,
        });
      }
      if (society.index % 6 !== 1) {
        roster.push({
          name: personName(random),
          position: 'chief_supervisor',
          standing: false,
          frontline: true,
          birth: 1965,
          official: false,
          approval: null,
        });
        roster.push({
          name: personName(random),
          position: 'supervisor',
          standing: false,
          frontline: true,
          birth: 1972,
          official: false,
          approval: null,
        });
      }
      for (const entry of roster) {
        await trx
          .insertInto('council_members')
          .values({
            id: uuidv7(),
            society_id: society.id,
            term_id: termId,
            person_name: entry.name,
            position: entry.position,
            standing: entry.standing,
            frontline: entry.frontline,
            birth_year: entry.birth,
            employer: EMPLOYERS[Math.floor(random() * EMPLOYERS.length)] ?? null,
            official: entry.official,
            approval_ref: entry.approval,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      // Most chairs stay for a second term.
      if (random() < 0.3) chair = personName(random);
    }

    // Reports and inspections for the last two years; a few societies skip or fail.
    for (const year of [thisYear - 2, thisYear - 1]) {
      const absent =
        society.status === 'dormant' || (society.index % 11 === 6 && year === thisYear - 1) || society.index % 13 === 9;
      if (!absent) {
        await trx
          .insertInto('annual_reports')
          .values({
            id: uuidv7(),
            society_id: society.id,
            year,
            content: JSON.stringify(content(random, strength)),
            status: 'submitted',
            submitted_at: new Date(Date.UTC(year + 1, 2, 10 + Math.floor(random() * 15))),
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      // The latest year's reports are partly still waiting for review.
      if (year === thisYear - 1 && !absent && random() < 0.35) continue;
      const result: InspectionResult = absent
        ? 'absent'
        : strength < 0.45
          ? 'basic_pass'
          : society.index % 17 === 8
            ? 'fail'
            : 'pass';
      await trx
        .insertInto('inspections')
        .values({ society_id: society.id, year, result, comments: null, recorded_by: 'admin', recorded_at: now })
        .execute();
    }
  }

  const activeIds = societies.filter((s) => s.status === 'active').map((s) => s.id);
  const alliances = [
    { name: '海川市医学学会联合体', members: activeIds.filter((_, i) => i % 5 === 1).slice(0, 6) },
    { name: '海川市农业科技学会联合体', members: activeIds.filter((_, i) => i % 7 === 2).slice(0, 5) },
  ];
  for (const alliance of alliances) {
    const lead = alliance.members[0];
    if (!lead) continue;
    const id = uuidv7();
    await trx
      .insertInto('alliances')
      .values({
        id,
        name: alliance.name,
        lead_society_id: lead,
        description: '围绕共同学科领域联合开展学术交流与科普活动。',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('alliance_members')
      .values(alliance.members.map((societyId) => ({ alliance_id: id, society_id: societyId })))
      .execute();
  }

  // Snapshots of the capacity index for both years, so the trend charts have points.
  const capacity = new CapacityService(db, new GovernanceService(db, DEFAULT_GOVERNANCE_THRESHOLDS));
  for (const society of societies) {
    if (society.status === 'preparing' || society.status === 'deregistered') continue;
    for (const year of [thisYear - 2, thisYear - 1]) await capacity.snapshot(trx, society.id, year);
  }
}
