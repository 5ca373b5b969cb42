import { createTransport, type Transporter } from 'nodemailer';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { Config } from '../../config';
import { sendSmsUrl } from './aliyun-sms';

/** One message as a channel sends it. */
export interface Outgoing {
  id: string;
  kind: string;
  address: string;
  subject: string;
  body: string;
  smsTemplate: string | null;
  smsParams: Record<string, string>;
}

/**
 * What became of one attempt: sent (with the provider's answer), or not — `final` when trying again
 * cannot help (the provider refused the number or the template), else it is retried with backoff.
 */
export type SendResult =
  | { ok: true; response: string }
  | { ok: false; error: string; response: string | null; final: boolean };

export interface Channel {
  send(message: Outgoing): Promise<SendResult>;
  close(): void;
}

export interface Channels {
  email: Channel | null;
  sms: Channel | null;
}

type Messaging = Config['messaging'];

/** Error text without the credentials a URL or a provider answer might echo. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\/\/[^@/\s]+@/g, '//***@').slice(0, 500);
}

class SmtpChannel implements Channel {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    this.transport = createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      // Certificates are verified (nodemailer's default); a relay with an internal CA is trusted through
      // NODE_EXTRA_CA_CERTS, not by switching verification off.
    });
  }

  async send(message: Outgoing): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.address,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.id}@society-hub>`,
        headers: { 'X-Society-Hub-Kind': message.kind },
      });
      return { ok: true, response: String(info.response ?? '') };
    } catch (error) {
      const code = Reflect.get(error instanceof Object ? error : {}, 'responseCode');
      // 5xx from the server: the address or the message is refused; trying again will not help.
      const final = typeof code === 'number' && code >= 500 && code < 600;
      return { ok: false, error: describe(error), response: null, final };
    }
  }

  close(): void {
    this.transport.close();
  }
}

const AliyunAnswer = Type.Object({ Code: Type.String(), Message: Type.Optional(Type.String()) });

/** Codes meaning the request itself is wrong (number, template, signature, parameters): no retry helps. */
const FINAL_SMS_CODES =
  /^(isv\.(MOBILE_NUMBER_ILLEGAL|TEMPLATE_MISSING_PARAMETERS|SMS_TEMPLATE_ILLEGAL|SMS_SIGNATURE_ILLEGAL|INVALID_PARAMETERS|PARAM_LENGTH_LIMIT)|SignatureDoesNotMatch|InvalidAccessKeyId\.NotFound)$/;

class AliyunSmsChannel implements Channel {
  constructor(
    private readonly settings: NonNullable<Messaging['sms']>,
    private readonly timeoutMs: number,
  ) {}

  async send(message: Outgoing): Promise<SendResult> {
    if (!message.smsTemplate) {
      return { ok: false, error: 'No approved SMS template for this kind.', response: null, final: true };
    }
    const url = sendSmsUrl(this.settings, {
      phoneNumber: message.address,
      templateCode: message.smsTemplate,
      templateParams: message.smsParams,
      outId: message.id,
    });
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      const text = (await response.text()).slice(0, 2000);
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // reported below as an unreadable answer
      }
      if (!Value.Check(AliyunAnswer, parsed)) {
        return { ok: false, error: `HTTP ${response.status}: unreadable answer`, response: text, final: false };
      }
      if (parsed.Code === 'OK') return { ok: true, response: text };
      return {
        ok: false,
        error: `${parsed.Code}: ${parsed.Message ?? ''}`,
        response: text,
        final: FINAL_SMS_CODES.test(parsed.Code),
      };
    } catch (error) {
      return { ok: false, error: describe(error), response: null, final: false };
    }
  }

  close(): void {}
}

/** The channels configured; null where none is (messages for it are kept, not sent). */
export function channelsFor(messaging: Messaging): Channels {
  return {
    email: messaging.smtpUrl ? new SmtpChannel(messaging.smtpUrl, messaging.mailFrom, messaging.timeoutMs) : null,
    sms: messaging.sms ? new AliyunSmsChannel(messaging.sms, messaging.timeoutMs) : null,
  };
}

/** The start-up line about messages: where they go, or that they are only kept (no secret in it). */
export function describeChannels(messaging: Messaging): { level: 'info' | 'warn'; message: string } {
  const email = messaging.smtpUrl ? `e-mail through ${new URL(messaging.smtpUrl).host}` : null;
  const sms = messaging.sms ? `SMS through 阿里云短信 (${new URL(messaging.sms.endpoint).host})` : null;
  if (email && sms) return { level: 'info', message: `Messages: ${email}; ${sms}.` };
  const missing = [email ? null : 'e-mail (set SMTP_URL)', sms ? null : 'SMS (set SMS_PROVIDER)'].filter(Boolean);
  return {
    level: email || sms ? 'info' : 'warn',
    message: `Messages: ${[email, sms].filter(Boolean).join('; ') || 'no channel configured'}. Not sent but kept, readable by administrators at GET /v1/messages: ${missing.join(', ')}.`,
  };
}
