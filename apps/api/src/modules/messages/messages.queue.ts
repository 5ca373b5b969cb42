import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { afterFailure, type JobQueue } from '../../lib/jobs/job-runner';
import { storedJson } from '../../lib/stored-json';
import type { Channels } from './channels';
import * as repo from './messages.repository';

export interface MessageQueueSettings {
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  retryCapSeconds: number;
}

const readSmsParams = storedJson({}, Type.Record(Type.String(), Type.String()), 'SMS parameters');

const NO_CHANNEL =
  'Not sent: no channel is configured for it (SMTP_URL, SMS_PROVIDER); kept to be read or redelivered.';

/**
 * E-mails and SMS as a queue of the shared job runner: a message is claimed with a lease, handed to
 * its channel, and its outcome recorded with the provider's answer. A failure is retried with the
 * same backoff as webhook deliveries; when the mail server is down the message simply waits for its
 * next attempt, so nothing is lost.
 */
export class MessageQueue implements JobQueue<repo.ClaimedMessage> {
  readonly name = 'messages';

  constructor(
    private readonly db: DB,
    private readonly channels: Channels,
    private readonly settings: MessageQueueSettings,
  ) {}

  get concurrency(): number {
    return this.settings.concurrency;
  }

  get leaseMs(): number {
    return this.settings.timeoutMs * 2 + 30_000;
  }

  claim(token: string, limit: number, leaseMs: number): Promise<repo.ClaimedMessage[]> {
    return repo.claimDueMessages(this.db, token, limit, leaseMs);
  }

  async run(claim: repo.ClaimedMessage, token: string): Promise<void> {
    const message = await repo.findMessage(this.db, claim.id);
    if (!message) return;
    const at = new Date();
    const channel = this.channels[message.channel];
    if (!channel) {
      await repo.recordMessageOutcome(this.db, claim.id, token, {
        status: 'kept',
        nextAttemptAt: at,
        at,
        error: NO_CHANNEL,
        response: null,
      });
      return;
    }
    const result = await channel.send({
      id: message.id,
      kind: message.kind,
      address: message.address,
      subject: message.subject,
      body: message.body,
      smsTemplate: message.sms_template,
      smsParams: message.sms_params === null ? {} : readSmsParams(message.sms_params),
    });
    if (result.ok) {
      await repo.recordMessageOutcome(this.db, claim.id, token, {
        status: 'sent',
        nextAttemptAt: at,
        at,
        error: null,
        response: result.response,
      });
      return;
    }
    const retry = afterFailure(
      claim.attempts,
      this.settings.maxAttempts,
      { baseSeconds: this.settings.retryBaseSeconds, capSeconds: this.settings.retryCapSeconds },
      at,
    );
    await repo.recordMessageOutcome(this.db, claim.id, token, {
      status: result.final || retry.givingUp ? 'failed' : 'queued',
      nextAttemptAt: retry.retryAt,
      at,
      error: result.error,
      response: result.response,
    });
  }
}
