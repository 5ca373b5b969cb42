import { createHmac, randomBytes } from 'node:crypto';

/**
 * Deliveries are signed like this (docs/webhooks.md shows receivers how to check it):
 * `SocietyHub-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, with the timestamp (Unix
 * seconds) in `SocietyHub-Timestamp`. Signing the timestamp with the body lets a receiver refuse
 * replays of an old delivery; the delivery id stays the same across retries, for de-duplication.
 */
export const SIGNATURE_HEADER = 'societyhub-signature';
export const TIMESTAMP_HEADER = 'societyhub-timestamp';
export const DELIVERY_HEADER = 'societyhub-delivery';
export const EVENT_HEADER = 'societyhub-event';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function signedHeaders(
  secret: string,
  delivery: { id: string; eventType: string },
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    [DELIVERY_HEADER]: delivery.id,
    [EVENT_HEADER]: delivery.eventType,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signature(secret, timestamp, body),
    'user-agent': 'SocietyHub-Webhooks/1',
  };
}
