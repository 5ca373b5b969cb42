import { type ApplicationStatus, localToday } from '@society-hub/domain';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { DB } from '../../db/connect';
import type { JobSource } from '../../lib/jobs/job-runner';
import type { Trx } from '../../lib/write';
import { inTransaction } from '../../lib/write';
import { type OutboxRow, readFeed } from '../events/events.repository';
import type { Reminder } from '../reminders/reminders.schemas';
import * as repo from './notifications.repository';
import type { Notifier } from './notifier';

const FEED_BATCH = 200;

/** What of an event's payload the notices read (the rest is the resource's public representation). */
const StatusPayload = Type.Object({ status: Type.String(), transitionReason: Type.Optional(Type.String()) });

const DECIDED: ReadonlySet<ApplicationStatus> = new Set(['approved', 'rejected']);

export interface NotificationFeedSettings {
  /** Days an expert has to answer a review assignment (the deadline in the message). */
  reviewDays: number;
  scheduleEveryMs: number;
}

/** Where scheduled sends come from: the reminders module's annual reports due and overdue. */
export type DueReports = (asOf: string) => Promise<Reminder[]>;

function addDays(date: Date, days: number): string {
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Turns what happens into notices, from two places, once a poll of the job runner:
 *
 * - the change feed: a review assigned, an application returned or decided, a call opened. It reads
 *   its own position in the feed (a locked row, so one process at a time), below the commit horizon,
 *   and writes the notices and the advanced position in one transaction — nothing is announced twice
 *   or skipped, and the services that make the changes need not know about notifications;
 * - the calendar: annual reports due and overdue, looked for every `scheduleEveryMs`; the dedupe key
 *   (kind, society, year, recipient) makes each reach each person once per period, however often.
 */
export class NotificationFeed implements JobSource {
  readonly name = 'notifications';
  private lastScheduled = 0;

  constructor(
    private readonly db: DB,
    private readonly notifier: Notifier,
    private readonly dueReports: DueReports,
    private readonly settings: NotificationFeedSettings,
  ) {}

  async prepare(): Promise<void> {
    for (let batch = 0; batch < 10; batch++) {
      if (!(await this.readFeedOnce())) break;
    }
    if (Date.now() - this.lastScheduled >= this.settings.scheduleEveryMs) {
      this.lastScheduled = Date.now();
      await this.scheduled(localToday());
    }
  }

  /** One transaction of the feed; true when it read a full batch (more may be waiting). */
  private async readFeedOnce(): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const position = await repo.lockNotificationPosition(trx);
      if (!position) return false;
      const events = await readFeed(trx, {
        after: position,
        limit: FEED_BATCH,
        visibility: { kind: 'all' },
        types: [],
      });
      const last = events.at(-1);
      if (!last) return false;
      for (const event of events) await this.onEvent(trx, event);
      await repo.saveNotificationPosition(trx, { txid: last.txid, id: last.id });
      return events.length === FEED_BATCH;
    });
  }

  private async onEvent(trx: Trx, event: OutboxRow): Promise<void> {
    switch (event.type) {
      case 'assignment.created':
        return this.reviewsAssigned(trx, [event.resource_id]);
      case 'program.reviewers_assigned':
        return this.reviewsAssigned(trx, await repo.openAssignmentsOf(trx, event.resource_id));
      case 'application.status_changed':
        return this.applicationMoved(trx, event);
      case 'program.status_changed':
        return this.programMoved(trx, event);
      default:
        return;
    }
  }

  private async reviewsAssigned(trx: Trx, assignmentIds: readonly string[]): Promise<void> {
    for (const facts of await repo.assignmentFacts(trx, assignmentIds)) {
      const expert = await repo.expertRecipient(trx, facts.expert_id);
      if (!expert) continue;
      await this.notifier.notify(
        trx,
        {
          kind: 'review_assigned',
          item: facts.id,
          period: 'assigned',
          vars: {
            program: facts.program,
            application: facts.title,
            deadline: addDays(facts.created_at, this.settings.reviewDays),
          },
          path: `/reviews/${facts.id}`,
        },
        [expert],
      );
    }
  }

  /**
   * An application turned down at screening (形式审查: the failed checks are the reason) is returned to
   * its society; one approved or rejected after review is decided. Both go to the society's secretariat.
   */
  private async applicationMoved(trx: Trx, event: OutboxRow): Promise<void> {
    const payload: unknown = event.payload;
    if (!Value.Check(StatusPayload, payload)) return;
    const application = await repo.applicationFacts(trx, event.resource_id);
    if (!application || application.status !== payload.status || !DECIDED.has(application.status)) return;
    const returned =
      application.status === 'rejected' && (await repo.lastMoveFrom(trx, application.id)) === 'screening';
    await this.notifier.notify(
      trx,
      {
        kind: returned ? 'application_returned' : 'application_decided',
        item: application.id,
        period: `${application.status}:${event.id}`,
        vars: {
          title: application.title,
          outcome: application.status === 'approved' ? '拟资助 / approved' : '未获资助 / not funded',
          reason: payload.transitionReason ?? '',
        },
        path: `/funding/applications/${application.id}`,
      },
      await repo.societyRecipients(trx, application.society_id),
    );
  }

  private async programMoved(trx: Trx, event: OutboxRow): Promise<void> {
    const payload: unknown = event.payload;
    if (!Value.Check(StatusPayload, payload) || payload.status !== 'open') return;
    const program = await repo.programFacts(trx, event.resource_id);
    if (!program) return;
    for (const societyId of await repo.activeSocietyIds(trx)) {
      await this.notifier.notify(
        trx,
        {
          kind: 'call_opened',
          item: program.id,
          // A call reopened to extend its window is announced again, with its new closing day.
          period: program.closes_on,
          vars: { program: program.name, closesOn: program.closes_on },
          path: `/funding/${program.id}`,
        },
        await repo.societyRecipients(trx, societyId),
      );
    }
  }

  /** Annual reports due soon or overdue: to each society's secretariat, once per kind, society and year. */
  async scheduled(asOf: string): Promise<void> {
    const reminders = await this.dueReports(asOf);
    for (const reminder of reminders) {
      if (!reminder.society) continue;
      const society = reminder.society;
      await inTransaction(this.db, async (trx) => {
        await this.notifier.notify(
          trx,
          {
            kind: reminder.urgency === 'overdue' ? 'annual_report_overdue' : 'annual_report_due',
            item: society.id,
            period: String(reminder.year ?? reminder.dueOn),
            vars: { society: society.name, year: String(reminder.year ?? ''), dueOn: reminder.dueOn ?? '' },
            path: reminder.path,
          },
          await repo.societyRecipients(trx, society.id),
        );
      });
    }
  }
}
