import { loadConfig } from '@society-hub/api/testing';
import { describe, expect, it } from 'vitest';

describe('configuration from the environment', () => {
  it('has working defaults: port 3000, PGlite in ./data, a 15-minute token', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: './data', accessTokenTtlSeconds: 900 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('stops with a message naming the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/databaseUrl/);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '86400' })).toThrow(/accessTokenTtlSeconds/);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
    expect(() => loadConfig({ ADMIN_USERNAME: 'root' })).toThrow(/ADMIN_USERNAME and ADMIN_PASSWORD go together/);
  });

  it('reads the unified-login settings and refuses an unknown role in the map', () => {
    const config = loadConfig({
      OIDC_ISSUER: 'https://login.city.example',
      OIDC_JWKS_URL: 'https://login.city.example/jwks',
      OIDC_AUDIENCE: 'society-hub',
      OIDC_ROLE_MAP: 'a=admin, b=auditor',
    });
    expect(config.externalIdentity?.roleMap).toEqual([
      { external: 'a', role: 'admin' },
      { external: 'b', role: 'auditor' },
    ]);
    expect(() =>
      loadConfig({
        OIDC_ISSUER: 'https://x',
        OIDC_JWKS_URL: 'https://x/jwks',
        OIDC_AUDIENCE: 'y',
        OIDC_ROLE_MAP: 'a=owner',
      }),
    ).toThrow(/roleMap/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://x' })).toThrow(/invalid configuration/);
  });
});
