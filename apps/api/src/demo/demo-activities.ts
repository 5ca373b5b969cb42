import { type ActivityKind, type AdvisoryLevel, localToday } from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import type { Change, Trx } from '../lib/write';
import { insertActivity } from '../modules/activities/activities.repository';
import { toActivity } from '../modules/activities/activities.service';

interface DemoSociety {
  id: string;
  status: string;
  index: number;
}

/** One activity of the year's programme: its month and day, and what the seeds describe. */
interface Planned {
  kind: ActivityKind;
  title: string;
  month: number;
  day: number;
  days?: number;
  place?: string;
  participants?: number;
  online?: boolean;
  partners?: string;
  /** An advisory report that earned a 批示 (instruction) or was 采纳 (adopted), this many days later. */
  outcome?: { kind: 'instruction' | 'adoption'; level: AdvisoryLevel; after: number; recipient: string };
}

/**
 * A society's year as the seeds tell it: a lecture series (学会科普大讲堂), the 社区科普行 visits
 * (six a year, some thousand people each), the annual conference, the 科技活动周 and 全国科普日 brand
 * events, training, an international exchange, and advisory reports that earned instructions.
 */
const PROGRAMME: readonly Planned[] = [
  { kind: 'lecture', title: '学会科普大讲堂（第一讲）', month: 3, day: 14, place: '市科技馆报告厅', participants: 180 },
  { kind: 'popularisation', title: '社区科普行·春季', month: 4, day: 20, place: '东港社区', participants: 950 },
  {
    kind: 'advisory_report',
    title: '关于加快建设市级科技创新平台的建议',
    month: 4,
    day: 28,
    outcome: { kind: 'instruction', level: 'municipal', after: 41, recipient: '市人民政府' },
  },
  { kind: 'brand_event', title: '科技活动周主题展', month: 5, day: 18, days: 7, place: '市民广场', participants: 3200 },
  { kind: 'training', title: '会员继续教育培训班', month: 6, day: 9, days: 2, participants: 85 },
  { kind: 'lecture', title: '学会科普大讲堂（第二讲）', month: 6, day: 21, online: true, participants: 1400 },
  {
    kind: 'academic_conference',
    title: '学术年会暨青年学者论坛',
    month: 7,
    day: 12,
    days: 2,
    place: '海川国际会议中心',
    participants: 420,
    partners: '海川大学',
  },
  {
    kind: 'popularisation',
    title: '全国科普日·学会开放日',
    month: 9,
    day: 16,
    place: '学会会员之家',
    participants: 1100,
  },
  {
    kind: 'advisory_report',
    title: '关于完善基层科普设施的调研报告',
    month: 9,
    day: 25,
    outcome: { kind: 'adoption', level: 'district', after: 30, recipient: '市科学技术协会' },
  },
  { kind: 'international_exchange', title: '中外专家学术交流会', month: 10, day: 22, online: true, participants: 65 },
  { kind: 'popularisation', title: '社区科普行·秋季', month: 11, day: 8, place: '西湖社区', participants: 870 },
];

function dateOf(year: number, month: number, day: number, plusDays = 0): string {
  return new Date(Date.UTC(year, month - 1, day + plusDays)).toISOString().slice(0, 10);
}

/**
 * Activities for the first active societies: last year's whole programme, and this year's up to today,
 * the earlier ones published to the public page. The demo officer's two societies come first.
 */
export async function loadDemoActivities(trx: Trx, societies: DemoSociety[], record: (change: Change) => void) {
  const today = localToday();
  const thisYear = Number(today.slice(0, 4));
  const active = societies.filter((s) => s.status === 'active').slice(0, 8);
  for (const [n, society] of active.entries()) {
    for (const year of [thisYear - 1, thisYear]) {
      // Not every society does everything: each skips a different part of the programme.
      for (const [i, planned] of PROGRAMME.entries()) {
        if ((i + n) % 4 === 3) continue;
        const startOn = dateOf(year, planned.month, planned.day);
        const endOn = dateOf(year, planned.month, planned.day, (planned.days ?? 1) - 1);
        const outcomeOn = planned.outcome ? dateOf(year, planned.month, planned.day, planned.outcome.after) : null;
        if (endOn > today) continue;
        const now = new Date();
        const row = await insertActivity(trx, {
          id: uuidv7(),
          society_id: society.id,
          kind: planned.kind,
          title: planned.title,
          start_on: startOn,
          end_on: endOn,
          place: planned.place ?? null,
          online: planned.online ?? false,
          organisers: null,
          partners: planned.partners ?? null,
          participants: planned.participants === undefined ? null : planned.participants + n * 17,
          recipient: planned.outcome?.recipient ?? null,
          // An instruction not yet given by today is still awaited.
          outcome: planned.outcome && outcomeOn && outcomeOn <= today ? planned.outcome.kind : null,
          outcome_on: outcomeOn && outcomeOn <= today ? outcomeOn : null,
          outcome_level: planned.outcome && outcomeOn && outcomeOn <= today ? planned.outcome.level : null,
          published: planned.kind !== 'advisory_report' && planned.kind !== 'training',
          created_at: now,
          updated_at: now,
        });
        record({
          action: 'activity.create',
          resourceType: 'activity',
          resourceId: row.id,
          societyId: society.id,
          after: toActivity(row),
          event: 'activity.created',
        });
      }
    }
  }
}
