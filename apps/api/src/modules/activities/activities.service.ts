import { type ActivityFacts, checkActivity, localToday } from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { runImport } from '../../lib/bulk-import';
import { errors } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { keysetOf } from '../../lib/pagination';
import type { Caller, Principal } from '../../lib/request-context';
import { rowValidator } from '../../lib/row-validation';
import { inScope } from '../../lib/society-scope';
import { clearedWhenBlank } from '../../lib/text';
import { type Change, type Trx, write } from '../../lib/write';
import type { ImportResponseSchema } from '../members/members.schemas';
import { requireSociety } from '../societies/societies.repository';
import * as repo from './activities.repository';
import {
  ActivityCreateSchema,
  ActivityKindSchema,
  type ActivityListQuerySchema,
  type ActivityPageSchema,
  type ActivityPatchSchema,
  type ActivitySchema,
  AdvisoryLevelSchema,
  AdvisoryOutcomeSchema,
} from './activities.schemas';
import { yearPeriod } from './activity-figures';

type Activity = Static<typeof ActivitySchema>;
type ActivityCreate = Static<typeof ActivityCreateSchema>;
type Input = ActivityCreate | Static<typeof ActivityPatchSchema>;
/** The columns an input gives; undefined: not given (a patch keeps the stored value, a new row its default). */
type Columns = repo.ActivityRowUpdate;

/** An import row is an ActivityCreate (with the named schemas it refers to). */
const IMPORT_ROW = rowValidator(
  { ActivityKind: ActivityKindSchema, AdvisoryOutcome: AdvisoryOutcomeSchema, AdvisoryLevel: AdvisoryLevelSchema },
  ActivityCreateSchema,
);

export function toActivity(row: repo.ActivityRow): Activity {
  return {
    id: row.id,
    societyId: row.society_id,
    kind: row.kind,
    title: row.title,
    startOn: row.start_on,
    endOn: row.end_on,
    held: row.held,
    place: row.place,
    online: row.online,
    organisers: row.organisers,
    partners: row.partners,
    participants: row.participants,
    note: row.note,
    recipient: row.recipient,
    outcome: row.outcome,
    outcomeOn: row.outcome_on,
    outcomeLevel: row.outcome_level,
    published: row.published,
    externalRef: row.external_ref,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function columnsOf(input: Input): Columns {
  return {
    kind: input.kind,
    title: input.title,
    start_on: input.startOn,
    end_on: input.endOn,
    held: input.held,
    place: clearedWhenBlank(input.place),
    online: input.online,
    organisers: clearedWhenBlank(input.organisers),
    partners: clearedWhenBlank(input.partners),
    participants: input.participants,
    note: clearedWhenBlank(input.note),
    recipient: clearedWhenBlank(input.recipient),
    outcome: input.outcome,
    outcome_on: input.outcomeOn,
    outcome_level: input.outcomeLevel,
    published: input.published,
    external_ref: clearedWhenBlank(input.externalRef),
  };
}

/** A new activity's row: what was given, the defaults for the rest (one day, held, offline, unpublished). */
function newRow(societyId: string, input: ActivityCreate, columns: Columns, now: Date): repo.NewActivityRow {
  return {
    ...columns,
    id: uuidv7(),
    society_id: societyId,
    kind: input.kind,
    title: input.title,
    start_on: input.startOn,
    end_on: columns.end_on ?? input.startOn,
    created_at: now,
    updated_at: now,
  };
}

/** The facts the domain checks: the given columns over the stored row (or a new row's defaults). */
function factsOf(columns: Columns, current: repo.ActivityRow | undefined): ActivityFacts | null {
  const kind = columns.kind ?? current?.kind;
  const startOn = columns.start_on ?? current?.start_on;
  if (kind === undefined || startOn === undefined) return null;
  const pick = <T>(given: T | undefined, stored: T | undefined, fallback: T): T => given ?? stored ?? fallback;
  // null given clears; only undefined falls back to the stored value.
  const nullable = <T>(given: T | null | undefined, stored: T | null | undefined): T | null =>
    given === undefined ? (stored ?? null) : given;
  return {
    kind,
    startOn,
    endOn: pick(columns.end_on, current?.end_on, startOn),
    held: pick(columns.held, current?.held, true),
    participants: nullable(columns.participants, current?.participants),
    recipient: nullable(columns.recipient, current?.recipient),
    outcome: nullable(columns.outcome, current?.outcome),
    outcomeOn: nullable(columns.outcome_on, current?.outcome_on),
    outcomeLevel: nullable(columns.outcome_level, current?.outcome_level),
  };
}

/** The domain's rules on the activity as it would stand, reported against the request's field paths. */
function assertValid(columns: Columns, current?: repo.ActivityRow): void {
  const facts = factsOf(columns, current);
  if (!facts) throw new Error('an activity without its kind or start date');
  const issues = checkActivity(facts, localToday());
  if (issues.length) {
    throw errors.validation(issues.map((i) => ({ path: `/body/${i.field}`, code: i.code, message: i.message })));
  }
}

/** The columns a row would change on an existing activity; nothing when importing the same row again. */
function changedColumns(current: repo.ActivityRow, columns: Columns): Columns {
  const changed: Columns = {};
  for (const [key, value] of Object.entries(columns)) {
    if (value !== undefined && Reflect.get(current, key) !== value) Reflect.set(changed, key, value);
  }
  return changed;
}

export class ActivityService {
  constructor(private readonly db: DB) {}

  async list(
    principal: Principal,
    societyId: string,
    query: Static<typeof ActivityListQuerySchema>,
  ): Promise<Static<typeof ActivityPageSchema>> {
    await requireSociety(this.db, principal.scope, societyId);
    const keyset = keysetOf(repo.ACTIVITY_SORTS, query);
    const period =
      query.year === undefined
        ? undefined
        : query.month === undefined
          ? yearPeriod(query.year)
          : monthPeriod(query.year, query.month);
    const { rows, nextCursor } = await repo.listActivities(
      this.db,
      societyId,
      {
        kind: query.kind,
        period,
        monthOfAnyYear: query.year === undefined ? query.month : undefined,
        published: query.published,
        q: query.q,
      },
      keyset,
    );
    return { items: rows.map(toActivity), nextCursor };
  }

  /** An activity the caller may reach (its society in scope), else 404. */
  private async find(db: DB | Trx, principal: Principal, id: string, forUpdate = false): Promise<repo.ActivityRow> {
    const row = await repo.findActivity(db, id, { forUpdate });
    if (!row || !inScope(principal.scope, row.society_id)) throw errors.notFound('Activity');
    return row;
  }

  async get(principal: Principal, id: string): Promise<Activity> {
    return toActivity(await this.find(this.db, principal, id));
  }

  /** One reference names one activity of the society. */
  private async assertRefFree(
    trx: Trx,
    societyId: string,
    externalRef: string | null | undefined,
    selfId: string | null,
  ) {
    if (!externalRef) return;
    const holder = await repo.activityIdWithExternalRef(trx, societyId, externalRef);
    if (holder && holder !== selfId) {
      throw errors.conflict('Another activity has this reference.', [
        { path: '/body/externalRef', code: 'external_ref_taken', message: 'Another activity has this reference.' },
      ]);
    }
  }

  async create({ principal, context }: Caller, societyId: string, input: ActivityCreate): Promise<Activity> {
    const columns = columnsOf(input);
    assertValid(columns);
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      await this.assertRefFree(trx, societyId, columns.external_ref, null);
      const row = await repo.insertActivity(trx, newRow(societyId, input, columns, new Date()));
      const activity = toActivity(row);
      record(created(activity, 'activity.create'));
      return activity;
    });
  }

  async update(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    input: Static<typeof ActivityPatchSchema>,
  ): Promise<Activity> {
    return write(this.db, context, async (trx, record) => {
      const current = await this.find(trx, principal, id, true);
      assertVersion(current.version, expected);
      const columns = columnsOf(input);
      assertValid(columns, current);
      await this.assertRefFree(trx, current.society_id, columns.external_ref, id);
      const row = await repo.updateActivity(trx, id, columns);
      const activity = toActivity(row);
      record(updated(toActivity(current), activity, 'activity.update'));
      return activity;
    });
  }

  async remove({ principal, context }: Caller, id: string, expected: number | null): Promise<void> {
    await write(this.db, context, async (trx, record) => {
      const current = await this.find(trx, principal, id, true);
      assertVersion(current.version, expected);
      await repo.deleteActivity(trx, id);
      record({
        action: 'activity.delete',
        resourceType: 'activity',
        resourceId: id,
        societyId: current.society_id,
        before: toActivity(current),
        event: 'activity.deleted',
      });
    });
  }

  /**
   * Bulk import: every row validated and matched on its own — by external reference, else by the same
   * title and start date — so importing the same sheet again reports every row unchanged.
   */
  async import(
    { principal, context }: Caller,
    societyId: string,
    request: { rows: unknown[]; dryRun?: boolean | undefined },
  ): Promise<Static<typeof ImportResponseSchema>> {
    await requireSociety(this.db, principal.scope, societyId);
    return runImport(request.rows, request.dryRun === true, {
      validator: IMPORT_ROW,
      prepare: (row) => {
        const columns = columnsOf(row);
        assertValid(columns);
        return columns;
      },
      identities: (columns) => [
        columns.external_ref
          ? { key: `ref:${columns.external_ref}`, path: '/externalRef' }
          : { key: `same:${columns.title}\u0001${columns.start_on}`, path: '/title' },
      ],
      apply: (row, columns, dryRun) =>
        write(this.db, context, (trx, record) => this.importRow(trx, record, societyId, row, columns, dryRun)),
    });
  }

  private async importRow(
    trx: Trx,
    record: (change: Change) => void,
    societyId: string,
    row: ActivityCreate,
    columns: Columns,
    dryRun: boolean,
  ): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; id?: string }> {
    const current = await repo.lockImportMatch(trx, societyId, {
      externalRef: columns.external_ref ?? null,
      title: row.title,
      startOn: row.startOn,
    });
    if (!current) {
      if (dryRun) return { outcome: 'created' };
      const activity = toActivity(await repo.insertActivity(trx, newRow(societyId, row, columns, new Date())));
      record(created(activity, 'activity.import'));
      return { outcome: 'created', id: activity.id };
    }
    const changes = changedColumns(current, columns);
    if (Object.keys(changes).length === 0) return { outcome: 'unchanged', id: current.id };
    // The row over what is stored (say a new end date against a stored start) must still hold together.
    assertValid(changes, current);
    if (dryRun) return { outcome: 'updated', id: current.id };
    const activity = toActivity(await repo.updateActivity(trx, current.id, changes));
    record(updated(toActivity(current), activity, 'activity.import'));
    return { outcome: 'updated', id: current.id };
  }
}

function monthPeriod(year: number, month: number): repo.Period {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const date = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  return { from: date(year, month), before: date(next.year, next.month) };
}

function created(activity: Activity, action: string): Change {
  return {
    action,
    resourceType: 'activity',
    resourceId: activity.id,
    societyId: activity.societyId,
    after: activity,
    event: 'activity.created',
  };
}

function updated(before: Activity, after: Activity, action: string): Change {
  return {
    action,
    resourceType: 'activity',
    resourceId: after.id,
    societyId: after.societyId,
    before,
    after,
    event: 'activity.updated',
  };
}
