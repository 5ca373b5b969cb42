import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

export const SMS_KEY = { id: 'LTAI-test-key', secret: 'test-secret/with+specials=' };

export interface SmsCall {
  params: Record<string, string>;
  /** Why the request does not follow the provider's documentation; empty when it does. */
  problems: string[];
}

/**
 * A stand-in for 阿里云短信 (dysmsapi.aliyuncs.com) that checks each SendSms request the way the
 * provider documents it (RPC signature v1): the common parameters, the Timestamp format, a fresh
 * SignatureNonce, and the signature recomputed here from the parameters with an encoder written
 * independently of the API's (byte by byte, RFC 3986 unreserved characters kept).
 */
export interface SmsProvider {
  endpoint: string;
  calls: SmsCall[];
  /** The Code the next answers carry (`OK` by default). */
  answerWith(code: string): void;
  waitFor(count: number, timeoutMs?: number): Promise<SmsCall[]>;
  close(): Promise<void>;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 percent-encoding of the UTF-8 bytes, uppercase hex, as the documentation's POP encoding. */
function popEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function expectedSignature(params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${popEncode(key)}=${popEncode(params[key] ?? '')}`)
    .join('&');
  const stringToSign = `GET&${popEncode('/')}&${popEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

const REQUIRED: Record<string, string | RegExp> = {
  AccessKeyId: SMS_KEY.id,
  Action: 'SendSms',
  Format: 'JSON',
  RegionId: 'cn-hangzhou',
  SignatureMethod: 'HMAC-SHA1',
  SignatureVersion: '1.0',
  Version: '2017-05-25',
  SignatureNonce: /^.{8,}$/,
  Timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  PhoneNumbers: /^1[3-9]\d{9}$/,
  SignName: /.+/,
  TemplateCode: /^SMS_\d+$/,
  TemplateParam: /^\{.*\}$/,
};

export async function startSmsProvider(): Promise<SmsProvider> {
  const calls: SmsCall[] = [];
  const nonces = new Set<string>();
  let code = 'OK';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const params = Object.fromEntries(url.searchParams.entries());
    const problems: string[] = [];
    if (request.method !== 'GET' || url.pathname !== '/') problems.push(`${request.method} ${url.pathname}`);
    for (const [key, rule] of Object.entries(REQUIRED)) {
      const value = params[key];
      if (value === undefined) problems.push(`${key} missing`);
      else if (typeof rule === 'string' ? value !== rule : !rule.test(value)) problems.push(`${key}=${value}`);
    }
    const nonce = params.SignatureNonce ?? '';
    if (nonces.has(nonce)) problems.push('SignatureNonce reused');
    nonces.add(nonce);
    const age = Date.now() - Date.parse(params.Timestamp ?? '');
    if (!(Math.abs(age) < 15 * 60_000)) problems.push('Timestamp not within 15 minutes');
    if (params.Signature !== expectedSignature(params, SMS_KEY.secret)) problems.push('SignatureDoesNotMatch');
    calls.push({ params, problems });
    const answer =
      problems.length > 0
        ? { Code: 'SignatureDoesNotMatch', Message: problems.join('; '), RequestId: 'test' }
        : code === 'OK'
          ? { Code: 'OK', Message: 'OK', BizId: `biz-${calls.length}`, RequestId: `req-${calls.length}` }
          : { Code: code, Message: '触发流控', RequestId: `req-${calls.length}` };
    response.writeHead(problems.length > 0 ? 400 : 200, { 'content-type': 'application/json;charset=utf-8' });
    response.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMS provider has no port');
  const { port } = address;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    calls,
    answerWith(next) {
      code = next;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < count) {
        if (Date.now() > deadline) throw new Error(`${calls.length} of ${count} SMS requests arrived`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
