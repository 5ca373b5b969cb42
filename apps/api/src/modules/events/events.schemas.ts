import { EVENT_TYPE_PATTERN } from '@society-hub/domain';
import { Type } from 'typebox';
import { Nullable, ref, Timestamp, Uuid } from '../../lib/schemas';

export const EventSchema = Type.Object(
  {
    id: Uuid,
    type: Type.String({
      description: 'What happened, e.g. society.updated, member.created, application.status_changed',
    }),
    resourceType: Type.String({ description: 'e.g. society, member, funding_application' }),
    resourceId: Type.String(),
    societyId: Nullable(Uuid),
    at: Timestamp,
    data: Type.Unknown({
      description: 'The resource after the change, as its own endpoint shows it (personal data masked)',
    }),
  },
  { $id: 'Event', additionalProperties: false, description: 'One change, as the feed and webhooks deliver it' },
);

export const EventPageSchema = Type.Object(
  {
    items: Type.Array(ref(EventSchema)),
    nextCursor: Nullable(
      Type.String({
        description:
          'Pass as `after` to continue. Always set once the feed has events, also at its end: keep it and poll with it later',
      }),
    ),
    hasMore: Type.Boolean({ description: 'More events are ready now; fetch again at once' }),
  },
  { $id: 'EventPage', additionalProperties: false },
);

export const EventQuerySchema = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        maxLength: 512,
        description: 'Opaque cursor from a previous nextCursor; omit to start at the beginning',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    type: Type.Optional(
      Type.String({
        maxLength: 500,
        description: `Comma-separated event types: exact (member.created), a family (member.*) or * — each matching ${EVENT_TYPE_PATTERN}`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const eventSchemas = [EventSchema, EventPageSchema];
