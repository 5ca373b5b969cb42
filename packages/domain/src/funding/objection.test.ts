import { describe, expect, it } from 'vitest';
import { checkObjection, isAnonymousSignature, isObjectionContact } from './objection';

describe('objections to a public notice', () => {
  it('refuses signatures that name nobody', () => {
    for (const name of ['匿名', ' 群众 ', '知情人', 'Anonymous', 'N/A', '王']) {
      expect(isAnonymousSignature(name)).toBe(true);
    }
    for (const name of ['周建国', '市某某研究院', '海川理工大学']) {
      expect(isAnonymousSignature(name)).toBe(false);
    }
  });

  it('takes a mobile, a landline or an e-mail address as the contact', () => {
    for (const contact of ['13800138000', '+86 138 0013 8000', '0531-12345678', 'zhou@example.cn']) {
      expect(isObjectionContact(contact)).toBe(true);
    }
    for (const contact of ['12345', '138001380', 'zhou@', '电话']) {
      expect(isObjectionContact(contact)).toBe(false);
    }
  });

  it('lists every problem at once (the worked example)', () => {
    expect(
      checkObjection({ signerName: '匿名', contact: '12345', content: '不同意' }).map((p) => [p.path, p.code]),
    ).toEqual([
      ['/signerName', 'anonymous'],
      ['/contact', 'contact_format'],
      ['/content', 'too_short'],
    ]);
    expect(checkObjection({ signerName: '周建国', contact: '13800138000', content: '该项目与去年重复申报。' })).toEqual(
      [],
    );
  });
});
