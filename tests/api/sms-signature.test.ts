import { canonicalQuery, describeChannels, loadConfig, sendSmsUrl, smsSignature } from '@society-hub/api/testing';
import { describe, expect, it } from 'vitest';

/**
 * The 阿里云短信 request signature (RPC, version 1.0, HMAC-SHA1) against the worked example of the
 * provider's documentation (签名机制: AccessKeyId testId, secret testSecret), and the start-up line
 * that says where messages go without ever showing a credential.
 */
const DOCUMENTED = {
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  AccessKeyId: 'testId',
  SignatureVersion: '1.0',
  Timestamp: '2017-07-12T02:42:19Z',
  Format: 'XML',
  Action: 'SendSms',
  Version: '2017-05-25',
  RegionId: 'cn-hangzhou',
  PhoneNumbers: '15300000001',
  SignName: '阿里云短信测试专用',
  TemplateParam: '{"customer":"test"}',
  TemplateCode: 'SMS_71390007',
  OutId: '123',
};

describe('the SendSms signature', () => {
  it('is the documentation’s for its example', () => {
    const query = canonicalQuery(DOCUMENTED);
    expect(query.startsWith('AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001')).toBe(
      true,
    );
    // Encoded by RFC 3986: the space-free JSON's quotes and braces, and the Chinese sign name as UTF-8.
    expect(query).toContain('TemplateParam=%7B%22customer%22%3A%22test%22%7D');
    expect(query).toContain('SignName=%E9%98%BF%E9%87%8C%E4%BA%91');
    expect(smsSignature('GET', query, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('goes first in the URL, percent-encoded', () => {
    const url = sendSmsUrl(
      {
        endpoint: 'https://dysmsapi.aliyuncs.com/',
        accessKeyId: 'testId',
        accessKeySecret: 'testSecret',
        signName: '阿里云短信测试专用',
        regionId: 'cn-hangzhou',
      },
      { phoneNumber: '15300000001', templateCode: 'SMS_71390007', templateParams: { customer: 'test' }, outId: '123' },
      new Date('2017-07-12T02:42:19Z'),
      '45e25e9b-0a6f-4070-8c85-2956eda1b466',
    );
    // Format=JSON here (answers are read as JSON), so the signature differs from the XML example's.
    expect(url).toMatch(
      /^https:\/\/dysmsapi\.aliyuncs\.com\/\?Signature=[A-Za-z0-9%]+&AccessKeyId=testId&Action=SendSms&Format=JSON&/,
    );
    expect(url).not.toContain('testSecret');
  });
});

describe('the start-up line about messages', () => {
  it('says messages are kept when nothing is configured, and names hosts but never credentials', () => {
    expect(describeChannels(loadConfig({}).messaging)).toMatchObject({ level: 'warn' });
    expect(describeChannels(loadConfig({}).messaging).message).toContain('kept');
    const configured = describeChannels(
      loadConfig({
        SMTP_URL: 'smtp://mailer:relay-secret@mail.kexie.example:587',
        SMS_PROVIDER: 'aliyun',
        SMS_ACCESS_KEY_ID: 'LTAI-id',
        SMS_ACCESS_KEY_SECRET: 'sms-secret',
        SMS_SIGN_NAME: '科协',
      }).messaging,
    );
    expect(configured.level).toBe('info');
    expect(configured.message).toContain('mail.kexie.example:587');
    expect(configured.message).not.toMatch(/relay-secret|sms-secret|mailer/);
  });
});
