import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@society-hub/api/testing';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server-process';

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

describe('where the data is kept', () => {
  it('is ./data of the directory pnpm was started in (INIT_CWD), not of the package whose script runs', () => {
    // `pnpm start` at the root runs the api's serve script in apps/api, with INIT_CWD the root.
    expect(loadConfig({ INIT_CWD: REPO_ROOT }).dataDir).toBe(join(REPO_ROOT, 'data'));
    expect(loadConfig({ INIT_CWD: REPO_ROOT, DATA_DIR: 'var/db' }).dataDir).toBe(join(REPO_ROOT, 'var/db'));
    expect(loadConfig({ INIT_CWD: REPO_ROOT, DATA_DIR: '/srv/society-hub' }).dataDir).toBe('/srv/society-hub');
  });

  it('is ignored by git, and so is any key file, wherever a run put them', () => {
    const ignored = (path: string) => {
      try {
        execFileSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: REPO_ROOT });
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored('data/pglite/PG_VERSION')).toBe(true);
    expect(ignored('data/member-data.key')).toBe(true);
    expect(ignored('apps/api/data/member-data.key')).toBe(true);
    expect(ignored('member-data.key')).toBe(true);
    expect(ignored('apps/api/src/config.ts')).toBe(false);
  });
});
