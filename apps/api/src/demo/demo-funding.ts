import {
  DEFAULT_RUBRIC,
  defaultCategories,
  disciplineLabels,
  disciplineMatch,
  localToday,
  noticePeriod,
  OFFICIAL_2026_CALENDAR,
  screenApplication,
  WorkingDayCalendar,
} from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import type { Change, Trx } from '../lib/write';
import { seededRandom } from './demo-governance';

const EXPERTS = [
  { name: '周建华', employer: '海川大学', disciplines: ['机械工程', '工科'] },
  { name: '吴海燕', employer: '市第一人民医院', disciplines: ['临床医学', '医科'] },
  { name: '郑国平', employer: '市农业科学院', disciplines: ['作物学', '农科'] },
  { name: '孙丽君', employer: '海川理工学院', disciplines: ['计算机科学', '工科'] },
  { name: '马立新', employer: '市中心医院', disciplines: ['公共卫生', '医科'] },
  { name: '胡晓东', employer: '市工业技术研究院', disciplines: ['化学工程', '工科'] },
  { name: '林雪梅', employer: '海川大学', disciplines: ['生态学', '理科'] },
  { name: '高志强', employer: '市设计研究院', disciplines: ['土木工程', '工科'] },
  { name: '何静', employer: '海川职业技术学院', disciplines: ['科学传播', '交叉'] },
  { name: '罗明', employer: '市农业科学院', disciplines: ['畜牧学', '农科'] },
  { name: '梁红', employer: '市第一人民医院', disciplines: ['护理学', '医科'] },
  { name: '宋志远', employer: '海川大学', disciplines: ['数学', '理科'] },
];

/** Project titles per funding category, so an application's title says what its category is. */
const TITLES: Readonly<Record<string, readonly [string, string]>> = {
  annual_meeting: ['学术年会', '青年学术年会'],
  academic_exchange: ['青年科技论坛', '区域学术交流会'],
  major_event: ['全国专题研讨会承办', '区域性学术大会承办'],
  journal: ['学术期刊编辑出版', '会刊编辑出版'],
  popularisation: ['科普进社区系列活动', '科技志愿服务行动'],
  member_congress: ['会员代表大会', '换届会员代表大会'],
};

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface DemoSociety {
  id: string;
  status: string;
  index: number;
}

/**
 * Funding for the demo: the expert pools, the demo reviewer linked to an expert, this year's program under
 * review (some scores in, some waiting for the demo reviewer), last year's program finalised with final
 * reports, and a special call under public notice today so the public notice page has content.
 */
export async function loadDemoFunding(
  trx: Trx,
  societies: DemoSociety[],
  record: (change: Change) => void,
): Promise<{ reviewerExpertId: string }> {
  const random = seededRandom(2026_0601);
  const now = new Date();
  const today = localToday(now);
  const active = societies.filter((s) => s.status === 'active');
  // Years follow the date the demo is loaded: the annual call closes on 30 April, so before May the
  // call under review is last year's.
  const thisYear = Number(today.slice(0, 4));
  const reviewYear = today >= `${thisYear}-05-01` ? thisYear : thisYear - 1;
  const finalYear = reviewYear - 1;

  const expertIds = EXPERTS.map(() => uuidv7());
  await trx
    .insertInto('experts')
    .values(
      EXPERTS.map((e, i) => ({
        id: expertIds[i] ?? uuidv7(),
        name: e.name,
        employer: e.employer,
        phone: `139${String(53_000_000 + i * 7_919).padStart(8, '0')}`,
        title_level: i % 3 === 0 ? ('associate_senior' as const) : ('senior' as const),
        disciplines: JSON.stringify(e.disciplines),
        pools: JSON.stringify(i % 4 === 3 ? ['popularisation'] : ['science_technology', 'popularisation']),
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  // A few affiliations, so the assignment board shows conflicts found from the data.
  await trx
    .insertInto('expert_societies')
    .values(
      [0, 3, 6].flatMap((e) => {
        const society = active[e % active.length];
        const expert = expertIds[e];
        return society && expert ? [{ expert_id: expert, society_id: society.id }] : [];
      }),
    )
    .execute();

  const categories = defaultCategories();
  const makeProgram = async (values: {
    name: string;
    year: number;
    status: 'reviewing' | 'finalised' | 'notice' | 'open';
    opensOn: string;
    closesOn: string;
    notice: { startsOn: string; endsOn: string } | null;
    /** The notice's length as the program states it; a notice period given must span exactly this. */
    noticeWorkingDays?: number;
  }) => {
    const id = uuidv7();
    await trx
      .insertInto('funding_programs')
      .values({
        id,
        name: values.name,
        year: values.year,
        description: '依据《学会项目管理办法》，支持学会开展学术交流、科普和能力建设。',
        status: values.status,
        opens_on: values.opensOn,
        closes_on: values.closesOn,
        total_budget_fen: categories.reduce((s, c) => s + c.budgetFen, 0),
        categories: JSON.stringify(categories),
        rubric: JSON.stringify(DEFAULT_RUBRIC),
        minimum_score: 60,
        reviewers_per_application: 3,
        scoring_method: 'trimmed_mean',
        allocation_strategy: 'best_first',
        notice_working_days: values.noticeWorkingDays ?? 5,
        notice_starts_on: values.notice?.startsOn ?? null,
        notice_ends_on: values.notice?.endsOn ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    record({
      action: 'program.create',
      resourceType: 'funding_program',
      resourceId: id,
      after: { id, name: values.name },
    });
    return id;
  };

  const application = (programId: string, society: DemoSociety, n: number, year: number) => {
    const category = categories[n % categories.length] ?? categories[0];
    if (!category) throw new Error('no categories');
    const requested = Math.min(category.capFen, (2 + Math.floor(random() * 8)) * 1_000_000);
    const selfFunded = Math.floor(random() * 5) * 500_000;
    const budgetLines = [
      { item: '场地与会务', amountFen: Math.round((requested + selfFunded) * 0.5) },
      { item: '专家劳务', amountFen: Math.round((requested + selfFunded) * 0.3) },
      { item: '资料印刷与宣传', amountFen: requested + selfFunded - Math.round((requested + selfFunded) * 0.8) },
    ];
    const submittedAt = `${year}-04-${String(1 + (n % 27)).padStart(2, '0')}T02:00:00.000Z`;
    const screening = screenApplication({
      societyStatus: 'active',
      lastYearInspection: 'pass',
      inspectionYear: year - 1,
      categoryCode: category.code,
      categories,
      requestedFen: requested,
      selfFundedFen: selfFunded,
      budgetLines,
      otherApplicationsInCategory: 0,
      allowMultiplePerCategory: false,
      submittedAt,
      opensOn: `${year}-03-01`,
      closesOn: `${year}-04-30`,
    });
    return {
      id: uuidv7(),
      program_id: programId,
      society_id: society.id,
      category_code: category.code,
      title: `${year}年度${TITLES[category.code]?.[Math.floor(n / categories.length) % 2] ?? category.name}`,
      summary: '围绕学科前沿和地方产业需求，组织专家报告、专题研讨和成果交流。',
      planned_on: `${year}-${String(6 + (n % 5)).padStart(2, '0')}-15`,
      place: '海川市科技会堂',
      expected_participants: 80 + Math.floor(random() * 300),
      disciplines: '[]',
      budget_lines: JSON.stringify(budgetLines),
      requested_fen: requested,
      self_funded_fen: selfFunded,
      attachments: JSON.stringify([{ name: '项目申报书.pdf', sizeBytes: 482_133 }]),
      screening: JSON.stringify({ ...screening, screenedAt: submittedAt }),
      submitted_at: submittedAt,
      created_at: submittedAt,
      updated_at: now,
    };
  };

  // This year's call: under review. Three reviewers each; the demo reviewer (expert 0) still has scoring to do.
  const reviewing = await makeProgram({
    name: `${reviewYear}年度学会项目资助`,
    year: reviewYear,
    status: 'reviewing',
    opensOn: `${reviewYear}-03-01`,
    closesOn: `${reviewYear}-04-30`,
    notice: null,
  });
  const open = active
    .slice(2, 16)
    .map((s, n) => ({ ...application(reviewing, s, n, reviewYear), status: 'in_review' as const }));
  await trx.insertInto('funding_applications').values(open).execute();
  // Matched as the automatic assignment matches: the expert's disciplines against the application's
  // (none here) and its society's.
  const disciplineOf = new Map(
    (
      await trx
        .selectFrom('societies')
        .select(['id', 'discipline'])
        .where(
          'id',
          'in',
          open.map((app) => app.society_id),
        )
        .execute()
    ).map((s) => [s.id, [s.discipline, disciplineLabels[s.discipline].zh]]),
  );
  const assignments = open.flatMap((app, n) =>
    [0, 1, 2].map((k) => {
      const expert = k === 0 && n < 4 ? 0 : 1 + ((n * 3 + k) % (EXPERTS.length - 1));
      const pending = expert === 0 || random() < 0.25;
      const scores = DEFAULT_RUBRIC.map((c) => ({
        code: c.code,
        score: Math.round(c.weight * (0.55 + random() * 0.4) * 10) / 10,
      }));
      return {
        id: uuidv7(),
        program_id: reviewing,
        application_id: app.id,
        expert_id: expertIds[expert] ?? '',
        status: pending ? ('assigned' as const) : ('submitted' as const),
        discipline_match: disciplineMatch(
          { disciplines: EXPERTS[expert]?.disciplines ?? [] },
          { disciplines: disciplineOf.get(app.society_id) ?? [] },
        ),
        assigned_by: 'auto',
        scores: pending ? null : JSON.stringify(scores),
        total: pending ? null : Math.round(scores.reduce((s, c) => s + c.score, 0) * 10) / 10,
        justification: pending ? null : '选题紧扣学科发展与地方需求，组织方案可行，预算编制基本合理。',
        submitted_at: pending ? null : now,
        created_at: now,
        updated_at: now,
      };
    }),
  );
  await trx.insertInto('review_assignments').values(assignments).execute();

  // Last year's: finalised, with final reports on most funded projects.
  const finalised = await makeProgram({
    name: `${finalYear}年度学会项目资助`,
    year: finalYear,
    status: 'finalised',
    opensOn: `${finalYear}-03-01`,
    closesOn: `${finalYear}-04-30`,
    notice: { startsOn: `${finalYear}-07-01`, endsOn: `${finalYear}-07-07` },
  });
  const past = active.slice(0, 8).map((s, n) => {
    const app = application(finalised, s, n, finalYear);
    const reported = n % 4 !== 3;
    return {
      ...app,
      status: reported ? ('reported' as const) : ('funded' as const),
      score: 70 + ((n * 7) % 20),
      allocated_fen: app.requested_fen,
      final_report: reported
        ? JSON.stringify({
            actualSpendingFen: app.requested_fen + app.self_funded_fen,
            spendingLines: [{ item: '项目支出合计', amountFen: app.requested_fen + app.self_funded_fen }],
            outcomes: '按计划完成活动，形成专题报告一份，参与人数超过预期。',
            participants: app.expected_participants,
            submittedAt: `${finalYear}-12-20T02:00:00.000Z`,
          })
        : null,
    };
  });
  await trx.insertInto('funding_applications').values(past).execute();

  // A special call under public notice now, so /notices shows what the public sees.
  const calendar = new WorkingDayCalendar(OFFICIAL_2026_CALENDAR);
  // One setting for the period and for the words that state it (the console shows noticeWorkingDays).
  const specialNoticeDays = 7;
  const notice = noticePeriod(calendar, shift(today, -3), specialNoticeDays);
  const specialOpens = shift(today, -120);
  const special = await makeProgram({
    name: `${specialOpens.slice(0, 4)}年度科普活动专项`,
    year: Number(specialOpens.slice(0, 4)),
    status: 'notice',
    opensOn: specialOpens,
    closesOn: shift(today, -75),
    notice,
    noticeWorkingDays: specialNoticeDays,
  });
  const proposed = active.slice(16, 22).map((s, n) => {
    const app = application(special, s, n * 6 + 4, Number(specialOpens.slice(0, 4)));
    return {
      ...app,
      status: 'notice' as const,
      score: 82 - n * 3,
      allocated_fen: app.requested_fen,
      decision: JSON.stringify({
        rank: n + 1,
        reason: 'funded_in_full',
        explanation: '评分高于资助线，类别预算充足，按申请额全额资助。',
        decidedAt: now.toISOString(),
      }),
    };
  });
  await trx.insertInto('funding_applications').values(proposed).execute();

  // A call open for applications now, so the public open-calls page and the societies' apply button
  // have something to show: opened ten days ago, two applications already in.
  const callOpens = shift(today, -10);
  const callCloses = shift(today, 30);
  const callYear = Number(callOpens.slice(0, 4));
  const call = await makeProgram({
    name: `${callYear}年度学术交流与科普专项（第二批）`,
    year: callYear,
    status: 'open',
    opensOn: callOpens,
    closesOn: callCloses,
    notice: null,
  });
  const submitted = active.slice(22, 24).map((s, n) => {
    const app = application(call, s, n * 3 + 1, callYear);
    const submittedAt = `${shift(today, -3 + n)}T02:00:00.000Z`;
    return {
      ...app,
      status: 'submitted' as const,
      planned_on: shift(callCloses, 60 + n * 30),
      screening: null,
      submitted_at: submittedAt,
      created_at: submittedAt,
    };
  });
  if (submitted.length) await trx.insertInto('funding_applications').values(submitted).execute();

  return { reviewerExpertId: expertIds[0] ?? '' };
}
