import { createHmac, randomUUID } from 'node:crypto';

/**
 * 阿里云短信 SendSms (Dysmsapi 2017-05-25) with the RPC signature, version 1.0 (HMAC-SHA1), as the
 * provider documents it (签名机制, help.aliyun.com/document_detail/101343):
 * 1. every parameter but Signature, sorted by name; names and values percent-encoded per RFC 3986
 *    (unreserved A–Z a–z 0–9 - _ . ~ kept, everything else %XY of its UTF-8 bytes, a space %20);
 * 2. StringToSign = "GET" & percentEncode("/") & percentEncode(the sorted query string);
 * 3. Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)), sent percent-encoded.
 */
export interface AliyunSmsSettings {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  regionId: string;
}

export interface SmsRequest {
  phoneNumber: string;
  templateCode: string;
  templateParams: Record<string, string>;
  /** Our message id, echoed in the provider's delivery reports. */
  outId: string;
}

/** RFC 3986 encoding: encodeURIComponent also keeps ! ' ( ) *, which the provider wants encoded. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `yyyy-MM-ddTHH:mm:ssZ` in UTC, as the provider's Timestamp. */
function timestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] ?? '')}`)
    .join('&');
}

export function signature(method: 'GET' | 'POST', query: string, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(query)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** The signed GET URL of one SendSms call. */
export function sendSmsUrl(
  settings: AliyunSmsSettings,
  request: SmsRequest,
  at = new Date(),
  nonce: string = randomUUID(),
): string {
  const params: Record<string, string> = {
    AccessKeyId: settings.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    OutId: request.outId,
    PhoneNumbers: request.phoneNumber,
    RegionId: settings.regionId,
    SignName: settings.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    TemplateCode: request.templateCode,
    TemplateParam: JSON.stringify(request.templateParams),
    Timestamp: timestamp(at),
    Version: '2017-05-25',
  };
  const query = canonicalQuery(params);
  const base = settings.endpoint.endsWith('/') ? settings.endpoint : `${settings.endpoint}/`;
  return `${base}?Signature=${percentEncode(signature('GET', query, settings.accessKeySecret))}&${query}`;
}
