import {
  addCalendarDays,
  annualReportDueOn,
  compareReminders,
  daysUntil,
  finalReportDueOn,
  localToday,
  type ReminderUrgency,
  reminderUrgency,
} from '@society-hub/domain';
import type { DB } from '../../db/connect';
import type { Principal, SocietyScope } from '../../lib/request-context';
import { openRounds } from '../returns/returns.service';
import * as repo from './reminders.repository';
import type { Reminder } from './reminders.schemas';

export interface ReminderSettings {
  withinDays: number;
  reelectionWarningDays: number;
  annualReportDueMonthDay: string;
  finalReportDueDays: number;
}

/** A milestone of a pilot, as the pilots module reports it for reminders (issue 7). */
export interface DueMilestone {
  pilotId: string;
  pilotTitle: string;
  milestoneId: string;
  milestoneName: string;
  dueOn: string;
  society: { id: string; name: string };
}

/** Things other modules contribute; the pilots module registers its milestones. */
export interface ReminderSources {
  milestones(db: DB, scope: SocietyScope, dueBy: string): Promise<DueMilestone[]>;
}

export const NO_REMINDER_SOURCES: ReminderSources = { milestones: async () => [] };

/**
 * The list a reminder belongs to: when staff get several of one kind summarised in one line, the
 * line leads to this list if they all share it (the same key), else to the kind's wider list.
 */
interface ListLink {
  key: string;
  path: string;
}

/** A reminder as computed, with its list; the list is dropped from the answer. */
type Due = Reminder & { list: ListLink };

/** What the caller's scopes let it be reminded of: a machine client only what it may read. */
interface Readable {
  funding: boolean;
  pilots: boolean;
}

function readable(principal: Principal): Readable {
  if (principal.kind === 'user') return { funding: true, pilots: true };
  return { funding: principal.scopes.includes('funding:read'), pilots: principal.scopes.includes('pilots:read') };
}

/**
 * What falls due soon for the person asking (SPEC §5): a society's people see each of their own
 * societies' deadlines; Association staff and auditors, who oversee every society, get one line per kind
 * with the count and the earliest date, pointing at the page where the list is; a reviewer sees the
 * reviews still owed. Computed from the data on every call: nothing to keep in step.
 */
export class ReminderService {
  constructor(
    private readonly db: DB,
    private readonly settings: ReminderSettings,
    private readonly sources: ReminderSources = NO_REMINDER_SOURCES,
  ) {}

  async list(principal: Principal, withinDays = this.settings.withinDays) {
    const asOf = localToday();
    const perSociety = principal.kind === 'user' && principal.role === 'society_officer';
    const overseer =
      (principal.kind === 'user' && (principal.role === 'admin' || principal.role === 'auditor')) ||
      (principal.kind === 'client' && principal.scope.kind === 'all');
    let items: Due[] = [];
    if (principal.kind === 'user' && principal.role === 'reviewer') {
      items = await this.reviewsOwed(principal.id);
    } else if (perSociety || principal.kind === 'client') {
      items = await this.societyDeadlines(principal.scope, readable(principal), asOf, withinDays);
      if (overseer) items = summarise(items);
    } else if (overseer) {
      const all = await this.societyDeadlines({ kind: 'all' }, readable(principal), asOf, withinDays);
      items = [...summarise(all), ...(await this.reviewRounds())];
    }
    return { asOf, withinDays, items: items.sort(compareReminders).map(({ list: _list, ...reminder }) => reminder) };
  }

  /** Every society's annual report due soon or overdue: what the scheduled sends are made of (issue 19). */
  async annualReportsDue(asOf: string): Promise<Reminder[]> {
    const due = await this.annualReports({ kind: 'all' }, asOf, this.settings.withinDays);
    return due.map(({ list: _list, ...reminder }) => reminder);
  }

  private async societyDeadlines(scope: SocietyScope, may: Readable, asOf: string, withinDays: number): Promise<Due[]> {
    const [reports, reelections, projects, milestones, returns] = await Promise.all([
      this.annualReports(scope, asOf, withinDays),
      this.reelections(scope, asOf),
      may.funding ? this.projectReports(scope, asOf, withinDays) : [],
      may.pilots ? this.milestones(scope, asOf, withinDays) : [],
      this.returnsWaiting(scope, asOf, may),
    ]);
    return [...reports, ...reelections, ...projects, ...milestones, ...returns];
  }

  /**
   * Last year's report, due by the configured day of this year (31 March by default), from each society
   * that owes it (`owesAnnualReport`: a society founded this year owes none for last year).
   */
  private async annualReports(scope: SocietyScope, asOf: string, withinDays: number): Promise<Due[]> {
    const year = Number(asOf.slice(0, 4)) - 1;
    const dueOn = annualReportDueOn(year, this.settings.annualReportDueMonthDay);
    const urgency = reminderUrgency(dueOn, asOf, withinDays);
    if (!urgency) return [];
    const missing = await repo.societiesMissingAnnualReport(this.db, scope, year);
    return missing.map((s) =>
      item({
        kind: 'annual_report',
        urgency,
        dueOn,
        asOf,
        society: { id: s.id, name: s.name },
        year,
        resourceType: 'annual_report',
        resourceId: null,
        path: `/societies/${s.id}?tab=reports`,
        list: { key: `annual_report:${year}`, path: `/societies?annualReportMissing=${year}` },
        message: `The ${year} annual report of ${s.name} is ${urgency === 'overdue' ? 'overdue' : 'due'} (${dueOn}).`,
      }),
    );
  }

  /**
   * Records sent back for correction (退回修改) and not yet filed again: due by the return's deadline
   * whatever `withinDays` says (a return is a demand with a short deadline), overdue after it.
   */
  private async returnsWaiting(scope: SocietyScope, asOf: string, may: Readable): Promise<Due[]> {
    const open = await openRounds(this.db, scope);
    return open.flatMap(({ round, society, reportYear, programId, applicationTitle }) => {
      const urgency: ReminderUrgency = round.standing === 'overdue' ? 'overdue' : 'due_soon';
      const late = urgency === 'overdue' ? 'was due back' : 'is due back';
      if (round.resourceType === 'annual_report') {
        return [
          item({
            kind: 'return',
            urgency,
            dueOn: round.deadline,
            asOf,
            society,
            year: reportYear,
            resourceType: 'annual_report',
            resourceId: round.resourceId,
            path: `/societies/${society.id}?tab=reports`,
            list: { key: 'return:annual_report', path: '/societies' },
            message: `The ${reportYear ?? ''} annual report of ${society.name}, returned for correction, ${late} by ${round.deadline}.`,
          }),
        ];
      }
      if (!may.funding) return [];
      return [
        item({
          kind: 'return',
          urgency,
          dueOn: round.deadline,
          asOf,
          society,
          subject: applicationTitle,
          resourceType: 'funding_application',
          resourceId: round.resourceId,
          path: `/funding/${programId ?? ''}/applications/${round.resourceId}`,
          list: { key: 'return:funding_application', path: '/funding?status=closed' },
          message: `${round.resourceType === 'final_report' ? 'The final report of' : 'The application'} "${applicationTitle ?? ''}", returned for correction, ${late} by ${round.deadline}.`,
        }),
      ];
    });
  }

  /** The current term's end, from the governance warning period (re-elections take months to prepare). */
  private async reelections(scope: SocietyScope, asOf: string): Promise<Due[]> {
    const rows = await repo.societiesWithTermEnd(this.db, scope);
    return rows.flatMap((s) => {
      if (!s.end_on) return [];
      const urgency = reminderUrgency(s.end_on, asOf, this.settings.reelectionWarningDays);
      if (!urgency) return [];
      return [
        item({
          kind: 'reelection',
          urgency,
          dueOn: s.end_on,
          asOf,
          society: { id: s.id, name: s.name },
          resourceType: 'governance_term',
          resourceId: null,
          path: `/societies/${s.id}?tab=terms`,
          list: REELECTIONS,
          message: `The term of ${s.name}'s council ${urgency === 'overdue' ? 'ended' : 'ends'} on ${s.end_on}: re-election (换届) is ${urgency === 'overdue' ? 'overdue' : 'due'}.`,
        }),
      ];
    });
  }

  private async projectReports(scope: SocietyScope, asOf: string, withinDays: number): Promise<Due[]> {
    const rows = await repo.fundedProjects(this.db, scope);
    return rows.flatMap((a) => {
      const dueOn = finalReportDueOn(a.planned_on, a.year, this.settings.finalReportDueDays);
      const urgency = reminderUrgency(dueOn, asOf, withinDays);
      if (!urgency) return [];
      return [
        item({
          kind: 'project_report',
          urgency,
          dueOn,
          asOf,
          society: { id: a.society_id, name: a.society_name },
          subject: a.title,
          resourceType: 'funding_application',
          resourceId: a.id,
          path: `/funding/${a.program_id}/applications/${a.id}`,
          list: { key: `program:${a.program_id}`, path: `/funding/${a.program_id}?tab=reports` },
          message: `The final report of "${a.title}" is ${urgency === 'overdue' ? 'overdue' : 'due'} (${dueOn}).`,
        }),
      ];
    });
  }

  private async milestones(scope: SocietyScope, asOf: string, withinDays: number): Promise<Due[]> {
    const due = await this.sources.milestones(this.db, scope, addCalendarDays(asOf, withinDays));
    return due.flatMap((m) => {
      const urgency = reminderUrgency(m.dueOn, asOf, withinDays);
      if (!urgency) return [];
      return [
        item({
          kind: 'pilot_milestone',
          urgency,
          dueOn: m.dueOn,
          asOf,
          society: m.society,
          subject: `${m.pilotTitle} · ${m.milestoneName}`,
          resourceType: 'pilot',
          resourceId: m.pilotId,
          path: `/pilots/${m.pilotId}?tab=milestones`,
          list: { key: `pilot:${m.pilotId}`, path: `/pilots/${m.pilotId}?tab=milestones` },
          message: `Milestone "${m.milestoneName}" of the pilot "${m.pilotTitle}" is ${urgency === 'overdue' ? 'overdue' : 'due'} (${m.dueOn}).`,
        }),
      ];
    });
  }

  /**
   * A reviewer's assignments not yet scored, in programs still reviewing. Undated: a program sets no
   * review deadline (SPEC §3 has none), so they are due soon for as long as the review is open.
   */
  private async reviewsOwed(userId: string): Promise<Due[]> {
    const rows = await repo.unscoredAssignmentsOf(this.db, userId);
    return rows.map((r) =>
      item({
        kind: 'review',
        urgency: 'due_soon',
        dueOn: null,
        asOf: null,
        subject: r.title,
        resourceType: 'funding_application',
        resourceId: r.application_id,
        path: `/reviews/${r.application_id}`,
        list: { key: 'reviews', path: '/reviews' },
        message: `"${r.title}" (${r.program_name}) waits for your review.`,
      }),
    );
  }

  /** For staff: per program under review, how many assigned reviews are still unscored. */
  private async reviewRounds(): Promise<Due[]> {
    const rows = await repo.unscoredAssignmentsPerProgram(this.db);
    return rows.map((p) =>
      item({
        kind: 'review',
        urgency: 'due_soon',
        dueOn: null,
        asOf: null,
        count: Number(p.n),
        subject: p.name,
        resourceType: 'funding_program',
        resourceId: p.id,
        path: `/funding/${p.id}?tab=assignments`,
        list: { key: `program:${p.id}`, path: `/funding/${p.id}?tab=assignments` },
        message: `${Number(p.n)} assigned reviews of ${p.name} are not yet scored.`,
      }),
    );
  }
}

function item(fields: {
  kind: Reminder['kind'];
  urgency: ReminderUrgency;
  dueOn: string | null;
  asOf: string | null;
  count?: number;
  society?: Reminder['society'];
  subject?: string | null;
  year?: number | null;
  resourceType: string;
  resourceId: string | null;
  path: string;
  list: ListLink;
  message: string;
}): Due {
  return {
    kind: fields.kind,
    urgency: fields.urgency,
    dueOn: fields.dueOn,
    daysLeft: fields.dueOn && fields.asOf ? daysUntil(fields.asOf, fields.dueOn) : null,
    count: fields.count ?? 1,
    society: fields.society ?? null,
    subject: fields.subject ?? null,
    year: fields.year ?? null,
    resourceType: fields.resourceType,
    resourceId: fields.resourceId,
    path: fields.path,
    list: fields.list,
    message: fields.message,
  };
}

const REELECTIONS: ListLink = { key: 'reelection', path: '/?focus=reelections' };

/**
 * Where a summary leads when its reminders belong to different lists: the closest list that holds
 * them all (funded projects are in finalised calls; no list gathers milestones across pilots).
 */
const WIDER_LISTS: Record<Reminder['kind'], string> = {
  annual_report: '/societies',
  reelection: REELECTIONS.path,
  review: '/funding?status=reviewing',
  project_report: '/funding?status=finalised',
  pilot_milestone: '/pilots',
  return: '/societies',
};

/**
 * One line per kind and urgency: the count, the earliest due date among them, and the list behind
 * them — e.g. the societies still owing last year's report, or the one call whose final reports are due.
 */
function summarise(items: readonly Due[]): Due[] {
  const groups = new Map<string, Due[]>();
  for (const i of items) {
    const key = `${i.kind}:${i.urgency}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()].flatMap((group) => {
    const [first] = [...group].sort(compareReminders);
    if (!first) return [];
    if (group.length === 1) return [first];
    const societies = new Set(group.map((g) => g.society?.id)).size;
    const shared = group.every((g) => g.list.key === first.list.key);
    return [
      {
        ...first,
        count: group.length,
        society: null,
        subject: null,
        resourceId: null,
        path: shared ? first.list.path : WIDER_LISTS[first.kind],
        message: `${group.length} ${first.kind.replace('_', ' ')} deadlines ${first.urgency === 'overdue' ? 'have passed' : 'fall due soon'} across ${societies} societies; the earliest is ${first.dueOn ?? 'undated'}.`,
      },
    ];
  });
}
