import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { keysetOf } from '../../lib/pagination';
import type { PersonalDataVault } from '../../lib/personal-data';
import type { Caller, Principal } from '../../lib/request-context';
import { write } from '../../lib/write';
import { findClient } from '../clients/clients.repository';
import * as repo from './webhooks.repository';
import type {
  DeliveryListQuerySchema,
  DeliverySchema,
  WebhookCreateSchema,
  WebhookListQuerySchema,
  WebhookSchema,
  WebhookWithSecretSchema,
} from './webhooks.schemas';
import { newWebhookSecret } from './webhooks.signing';
import { webhookUrlProblem } from './webhooks.target';

type Webhook = Static<typeof WebhookSchema>;
type Delivery = Static<typeof DeliverySchema>;

const LOG_ATTEMPTS = 20;

export function toWebhook(row: repo.WebhookRow): Webhook {
  return {
    id: row.id,
    clientId: row.client_id,
    url: row.url,
    eventTypes: repo.readEventTypes(row.event_types),
    description: row.description,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toDelivery(row: repo.DeliveryRow, attempts: repo.AttemptRow[]): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    log: attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      error: a.error,
    })),
  };
}

/** Staff reach every subscription; a machine client only its own (others' are 404, so they do not leak). */
function ownerOf(principal: Principal): repo.Owner {
  return principal.kind === 'user' ? null : principal.id;
}

export class WebhookService {
  constructor(
    private readonly db: DB,
    private readonly vault: PersonalDataVault,
    private readonly internalHosts: readonly string[],
  ) {}

  async list(principal: Principal, query: Static<typeof WebhookListQuerySchema>) {
    const keyset = keysetOf(repo.WEBHOOK_SORTS, query);
    const { rows, nextCursor } = await repo.listWebhooks(this.db, ownerOf(principal), query.clientId, keyset);
    return { items: rows.map(toWebhook), nextCursor };
  }

  private async require(principal: Principal, id: string): Promise<repo.WebhookRow> {
    const row = await repo.findWebhook(this.db, ownerOf(principal), id);
    if (!row) throw errors.notFound('Webhook');
    return row;
  }

  async get(principal: Principal, id: string): Promise<Webhook> {
    return toWebhook(await this.require(principal, id));
  }

  async create(
    { principal, context }: Caller,
    input: Static<typeof WebhookCreateSchema>,
  ): Promise<Static<typeof WebhookWithSecretSchema>> {
    const problems: FieldError[] = [];
    let clientId = input.clientId;
    if (principal.kind === 'client') {
      if (clientId !== undefined && clientId !== principal.id) {
        problems.push({ path: '/body/clientId', code: 'not_yours', message: 'A client subscribes only itself.' });
      }
      clientId = principal.id;
    } else if (clientId === undefined) {
      problems.push({ path: '/body/clientId', code: 'required', message: 'Name the machine client to subscribe.' });
    }
    const client = clientId === undefined ? undefined : await findClient(this.db, clientId);
    if (clientId !== undefined && !client) {
      problems.push({ path: '/body/clientId', code: 'unknown_client', message: 'No machine client has this id.' });
    } else if (client && !client.scopes.includes('events:read')) {
      problems.push({
        path: '/body/clientId',
        code: 'missing_scope',
        message: 'The client needs the events:read scope: a webhook delivers what its change feed shows.',
      });
    }
    const urlProblem = webhookUrlProblem(input.url, this.internalHosts);
    if (urlProblem) problems.push({ path: '/body/url', code: 'unsafe_url', message: urlProblem });
    if (problems.length || !client) throw errors.validation(problems);

    const secret = newWebhookSecret();
    const now = new Date();
    return write(this.db, context, async (trx, record) => {
      const row = await repo.insertWebhook(trx, {
        id: uuidv7(),
        client_id: client.id,
        url: input.url,
        event_types: JSON.stringify(input.eventTypes),
        description: input.description?.trim() || null,
        secret_sealed: this.vault.encrypt(secret),
        created_at: now,
        updated_at: now,
      });
      const webhook = toWebhook(row);
      record({ action: 'webhook.create', resourceType: 'webhook', resourceId: row.id, after: webhook });
      return { ...webhook, secret };
    });
  }

  async remove({ principal, context }: Caller, id: string, expected: number | null): Promise<void> {
    await write(this.db, context, async (trx, record) => {
      const row = await repo.findWebhook(trx, ownerOf(principal), id, { forUpdate: true });
      if (!row) throw errors.notFound('Webhook');
      assertVersion(row.version, expected);
      await repo.deleteWebhook(trx, id);
      record({ action: 'webhook.delete', resourceType: 'webhook', resourceId: id, before: toWebhook(row) });
    });
  }

  async deliveries(principal: Principal, id: string, query: Static<typeof DeliveryListQuerySchema>) {
    await this.require(principal, id);
    const keyset = keysetOf(repo.DELIVERY_SORTS, query);
    const { rows, nextCursor } = await repo.listDeliveries(this.db, id, query.status, keyset);
    const attempts = await repo.attemptsOf(
      this.db,
      rows.map((r) => r.id),
      LOG_ATTEMPTS,
    );
    return { items: rows.map((r) => toDelivery(r, attempts.get(r.id) ?? [])), nextCursor };
  }

  /** Queues a delivery again with a fresh attempt budget, whatever its state (unless it is being sent now). */
  async redeliver({ principal, context }: Caller, id: string, deliveryId: string): Promise<Delivery> {
    await this.require(principal, id);
    return write(this.db, context, async (trx, record) => {
      const current = await repo.findDelivery(trx, id, deliveryId, { forUpdate: true });
      if (!current) throw errors.notFound('Delivery');
      const row = await repo.requeueDelivery(trx, deliveryId);
      if (!row) throw errors.conflict('This delivery is being attempted right now; look again in a moment.');
      record({
        action: 'webhook.redeliver',
        resourceType: 'webhook_delivery',
        resourceId: deliveryId,
        before: { status: current.status, attempts: current.attempts },
        after: { status: row.status, attempts: row.attempts },
      });
      const attempts = await repo.attemptsOf(trx, [deliveryId], LOG_ATTEMPTS);
      return toDelivery(row, attempts.get(deliveryId) ?? []);
    });
  }
}
