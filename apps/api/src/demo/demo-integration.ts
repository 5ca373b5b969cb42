import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/connect';
import type { PersonalDataVault } from '../lib/personal-data';
import { systemContext } from '../lib/request-context';
import { write } from '../lib/write';
import { findClient } from '../modules/clients/clients.repository';
import { toClient } from '../modules/clients/clients.service';
import { saveNotificationPosition } from '../modules/notifications/notifications.repository';
import { saveDispatchPosition } from '../modules/webhooks/webhooks.repository';
import { toWebhook } from '../modules/webhooks/webhooks.service';
import { newWebhookSecret } from '../modules/webhooks/webhooks.signing';

const CLIENT_NAME = '海川市民政局社会组织管理系统';
/**
 * A receiver under the reserved `.example` top-level domain: it never resolves, so deliveries of
 * later demo changes fail and are retried in the open, as a real unreachable receiver's would, and
 * nothing ever leaves the machine.
 */
const RECEIVER = 'https://mzj.haichuan.example/hooks/society-hub';

interface DemoAttempt {
  /** Seconds before now. */
  ago: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** The delivery logs shown: most delivered at once, one after a retry, one given up on. */
const LOGS: { status: 'succeeded' | 'failed'; attempts: DemoAttempt[] }[] = [
  { status: 'succeeded', attempts: [{ ago: 3_000, statusCode: 204, error: null, durationMs: 84 }] },
  { status: 'succeeded', attempts: [{ ago: 2_900, statusCode: 204, error: null, durationMs: 61 }] },
  {
    status: 'succeeded',
    attempts: [
      { ago: 2_800, statusCode: 503, error: 'HTTP 503', durationMs: 1_204 },
      { ago: 2_770, statusCode: 200, error: null, durationMs: 97 },
    ],
  },
  { status: 'succeeded', attempts: [{ ago: 2_700, statusCode: 204, error: null, durationMs: 73 }] },
  {
    status: 'failed',
    attempts: [
      { ago: 2_600, statusCode: null, error: 'The receiver did not answer within 10000 ms.', durationMs: 10_000 },
      { ago: 2_570, statusCode: null, error: 'The receiver did not answer within 10000 ms.', durationMs: 10_000 },
      { ago: 2_510, statusCode: 502, error: 'HTTP 502', durationMs: 2_311 },
    ],
  },
];

/** How long before the demo was loaded the registry subscribed (the delivery log happened in between). */
const SUBSCRIBED_AGO_SECONDS = 3_600;

/**
 * The integration pages' demo (数据对接): the civil-affairs registry as a machine client reading the
 * change feed, subscribed to society events an hour ago, with a delivery log that shows success, a
 * retry and a failure. Loaded after the other demo data, which filled the feed: fan-out is moved past
 * those events, so the worker never sends them — only the log rows below describe a few of them.
 * Safe only here, before the server takes requests, when no other transaction can still add events
 * behind that position.
 */
export async function loadDemoIntegration(db: DB, vault: PersonalDataVault): Promise<void> {
  const events = await db
    .selectFrom('outbox_events')
    .select(['id', 'type'])
    .where('type', 'like', 'society.%')
    .orderBy('seq', 'desc')
    .limit(LOGS.length)
    .execute();
  await write(db, systemContext('demo-data'), async (trx, record) => {
    const now = new Date();
    const subscribedAt = new Date(now.getTime() - SUBSCRIBED_AGO_SECONDS * 1000);
    const head = await trx
      .selectFrom('outbox_events')
      .select(['txid', 'id'])
      .orderBy('txid', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (head) {
      await saveDispatchPosition(trx, head);
      // Nor announce it: the demo's calls, reviews and decisions are history, not news to e-mail anyone.
      await saveNotificationPosition(trx, head);
    }
    const clientId = uuidv7();
    // Nobody knows this secret: an administrator rotates it to hand the system real credentials.
    const secretHash = createHash('sha256').update(randomBytes(32)).digest('hex');
    await trx
      .insertInto('clients')
      .values({
        id: clientId,
        name: CLIENT_NAME,
        secret_hash: secretHash,
        scopes: JSON.stringify(['societies:read', 'events:read']),
        department: '市民政局',
        created_at: subscribedAt,
        updated_at: subscribedAt,
        secret_rotated_at: subscribedAt,
      })
      .execute();
    const client = await findClient(trx, clientId);
    if (client)
      record({ action: 'client.create', resourceType: 'client', resourceId: clientId, after: toClient(client) });

    const webhook = await trx
      .insertInto('webhooks')
      .values({
        id: uuidv7(),
        client_id: clientId,
        url: RECEIVER,
        event_types: JSON.stringify(['society.*']),
        description: '学会登记信息变更同步至社会组织管理系统',
        secret_sealed: vault.encrypt(newWebhookSecret()),
        created_at: subscribedAt,
        updated_at: subscribedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({ action: 'webhook.create', resourceType: 'webhook', resourceId: webhook.id, after: toWebhook(webhook) });

    for (const [index, event] of events.entries()) {
      const log = LOGS[index];
      if (!log) break;
      const at = (ago: number) => new Date(now.getTime() - ago * 1000);
      const first = log.attempts[0];
      const last = log.attempts.at(-1);
      if (!first || !last) continue;
      const deliveryId = uuidv7();
      await trx
        .insertInto('webhook_deliveries')
        .values({
          id: deliveryId,
          webhook_id: webhook.id,
          event_id: event.id,
          event_type: event.type,
          status: log.status,
          attempts: log.attempts.length,
          next_attempt_at: at(last.ago),
          last_attempt_at: at(last.ago),
          last_status_code: last.statusCode,
          last_error: last.error,
          delivered_at: log.status === 'succeeded' ? at(last.ago) : null,
          created_at: at(first.ago + 1),
        })
        .execute();
      await trx
        .insertInto('webhook_delivery_attempts')
        .values(
          log.attempts.map((attempt, n) => ({
            id: uuidv7(),
            delivery_id: deliveryId,
            attempt: n + 1,
            at: at(attempt.ago),
            duration_ms: attempt.durationMs,
            status_code: attempt.statusCode,
            error: attempt.error,
            worker: 'demo',
          })),
        )
        .execute();
    }
  });
}
