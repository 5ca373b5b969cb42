import { randomBytes } from 'node:crypto';
import { PersonalDataVault } from '@society-hub/api/testing';
import { describe, expect, it } from 'vitest';

describe('the personal-data vault', () => {
  const vault = new PersonalDataVault(randomBytes(32));

  it('round-trips, with a fresh nonce every time', () => {
    const a = vault.encrypt('11010519491231002X');
    const b = vault.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(vault.decrypt(a)).toBe('11010519491231002X');
  });

  it('never hands out a nonce twice, across many refills of its nonce pool', () => {
    const sealed = Array.from({ length: 2000 }, () => vault.encrypt('11010519491231002X'));
    const nonces = sealed.map((s) => s.split('.')[1]);
    expect(new Set(nonces).size).toBe(sealed.length);
    expect(nonces.every((n) => Buffer.from(n ?? '', 'base64url').length === 12)).toBe(true);
    expect(sealed.every((s) => vault.decrypt(s) === '11010519491231002X')).toBe(true);
  });

  it('refuses a tampered or foreign value', () => {
    const sealed = vault.encrypt('11010519491231002X');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => vault.decrypt([parts[0], parts[1], parts[2], data.toString('base64url')].join('.'))).toThrow();
    expect(() => new PersonalDataVault(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('matches the same value under the same key only', () => {
    expect(vault.matchHash('11010519491231002X')).toBe(vault.matchHash('11010519491231002X'));
    expect(vault.matchHash('11010519491231002X')).not.toBe(
      new PersonalDataVault(randomBytes(32)).matchHash('11010519491231002X'),
    );
  });

  it('insists on a strong key', () => {
    expect(() => new PersonalDataVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});
