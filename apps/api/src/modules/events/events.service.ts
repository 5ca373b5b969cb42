import { eventFamily, isEventTypePattern, readableEventFamilies } from '@society-hub/domain';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor } from '../../lib/pagination';
import type { Principal } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { FEED_SORT, type FeedPosition, type FeedVisibility, type OutboxRow, readFeed } from './events.repository';
import type { EventPageSchema, EventQuerySchema, EventSchema } from './events.schemas';

export type FeedEvent = Static<typeof EventSchema>;

export function toEvent(row: OutboxRow): FeedEvent {
  return {
    id: row.id,
    type: row.type,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    societyId: row.society_id,
    at: row.at.toISOString(),
    data: row.payload,
  };
}

/**
 * What a caller's feed shows. Staff (the route admits admin and auditor) see everything; a machine
 * client sees the families its read scopes cover (society.* needs societies:read, member.* needs
 * members:read, …), and a client bound to societies only those societies' events.
 */
export function feedVisibility(principal: Principal): FeedVisibility {
  if (principal.kind === 'user') return { kind: 'all' };
  return {
    kind: 'some',
    families: readableEventFamilies(principal.scopes),
    societyIds: societiesReached(principal.scope),
  };
}

/** A client's visibility from its stored settings (webhook deliveries happen without a token). */
export function clientVisibility(client: { scopes: readonly string[]; societyIds: readonly string[] }): FeedVisibility {
  return {
    kind: 'some',
    families: client.scopes.includes('events:read') ? readableEventFamilies(client.scopes) : [],
    societyIds: client.societyIds.length ? client.societyIds : null,
  };
}

export function isVisible(visibility: FeedVisibility, event: { type: string; society_id: string | null }): boolean {
  if (visibility.kind === 'all') return true;
  if (!visibility.families.includes(eventFamily(event.type))) return false;
  return (
    visibility.societyIds === null || (event.society_id !== null && visibility.societyIds.includes(event.society_id))
  );
}

export function encodePosition(position: FeedPosition): string {
  return encodeCursor(FEED_SORT, position.txid, position.id);
}

function decodePosition(cursor: string | undefined): FeedPosition | null {
  const decoded = decodeCursor(FEED_SORT, cursor);
  if (!decoded) return null;
  const txid = String(decoded.value);
  if (!/^\d{1,20}$/.test(txid)) {
    throw errors.badRequest('The cursor is not valid for the feed; start again without it.', [
      { path: '/query/after', code: 'invalid_cursor', message: 'Unrecognised cursor.' },
    ]);
  }
  return { txid, id: decoded.id };
}

export function parseTypeFilter(raw: string | undefined, path: string): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const types = raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const bad = types.filter((t) => !isEventTypePattern(t));
  if (bad.length) {
    throw errors.badRequest(`Unknown event type pattern: ${bad.join(', ')}.`, [
      { path, code: 'pattern', message: 'Use an exact type (member.created), a family (member.*) or *.' },
    ]);
  }
  return types;
}

export class EventService {
  constructor(private readonly db: DB) {}

  async feed(principal: Principal, query: Static<typeof EventQuerySchema>): Promise<Static<typeof EventPageSchema>> {
    const after = decodePosition(query.after);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await readFeed(this.db, {
      after,
      limit: limit + 1,
      visibility: feedVisibility(principal),
      types: parseTypeFilter(query.type, '/query/type'),
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const position = last ? { txid: last.txid, id: last.id } : after;
    return {
      items: page.map(toEvent),
      nextCursor: position ? encodePosition(position) : null,
      hasMore: rows.length > limit,
    };
  }
}
