/**
 * The one place that reads the environment. Everything else receives a frozen `Config`.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_GOVERNANCE_THRESHOLDS, ROLES } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

const LogLevel = Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)));

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  /** `postgres://…`; absent means embedded PGlite in `dataDir`. */
  databaseUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  dataDir: Type.String({ minLength: 1 }),
  databasePoolSize: Type.Integer({ minimum: 1, maximum: 200 }),
  adminUsername: Type.Union([Type.String({ minLength: 3 }), Type.Null()]),
  adminPassword: Type.Union([Type.String({ minLength: 8 }), Type.Null()]),
  demoData: Type.Boolean(),
  logLevel: LogLevel,
  corsOrigins: Type.Array(Type.String()),
  /** PEM PKCS#8 private key for signing tokens; absent means a key generated and kept in the database. */
  jwtPrivateKey: Type.Union([Type.String(), Type.Null()]),
  jwtIssuer: Type.String({ minLength: 1 }),
  jwtAudience: Type.String({ minLength: 1 }),
  accessTokenTtlSeconds: Type.Integer({ minimum: 60, maximum: 900 }),
  refreshTokenTtlSeconds: Type.Integer({ minimum: 300 }),
  rateLimitPerMinute: Type.Integer({ minimum: 1 }),
  /** Objections one address may file against public notices per hour (no login there). */
  objectionsPerHour: Type.Integer({ minimum: 1 }),
  /**
   * Failed sign-ins allowed in `loginWindowSeconds` for one account from one address, for one account
   * from all addresses together (far higher: a guesser at one address must not lock the owner out), and
   * from one address across accounts. A key that reaches its limit is locked for the window, then for
   * twice as long each further time, up to `loginMaxLockSeconds` (modules/auth/login-throttle.ts).
   */
  loginMaxFailures: Type.Integer({ minimum: 1 }),
  loginMaxFailuresPerAccount: Type.Integer({ minimum: 1 }),
  loginMaxFailuresPerAddress: Type.Integer({ minimum: 1 }),
  loginWindowSeconds: Type.Integer({ minimum: 1 }),
  loginMaxLockSeconds: Type.Integer({ minimum: 1 }),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  /** Directory of the built console; null disables serving it (API only). */
  consoleDir: Type.Union([Type.String(), Type.Null()]),
  /** Behind a reverse proxy, trust its X-Forwarded-* headers. */
  trustProxy: Type.Boolean(),
  /**
   * Secret (base64, ≥ 32 bytes) that seals personal data such as ID numbers. Absent: server.ts keeps one
   * in DATA_DIR for embedded runs; production deployments should set MEMBER_DATA_KEY from a secret store.
   */
  memberDataKey: Type.Union([Type.String({ minLength: 44 }), Type.Null()]),
  /** Annual reports for a year are due by this day of the next year (MM-DD). */
  annualReportDueMonthDay: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
  /** Reminders list what falls due within this many days (re-elections use the governance warning). */
  reminderDays: Type.Integer({ minimum: 1, maximum: 365 }),
  /** A society may run at most this many government-function pilots at once (SPEC §4). */
  maxConcurrentPilots: Type.Integer({ minimum: 1, maximum: 50 }),
  /** A funded project's final report (结项) is due this many days after its planned date. */
  finalReportDueDays: Type.Integer({ minimum: 1, maximum: 730 }),
  /** Thresholds of the governance rules (SPEC §1); GOVERNANCE_THRESHOLDS (JSON) overrides single values. */
  governanceThresholds: Type.Object({
    councilToRepresentatives: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
    frontlineCouncil: Type.Number({ minimum: 0, maximum: 1 }),
    frontlineStanding: Type.Number({ minimum: 0, maximum: 1 }),
    standingToCouncil: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
    maxTermYears: Type.Integer({ minimum: 1, maximum: 10 }),
    reelectionWarningDays: Type.Integer({ minimum: 0, maximum: 1000 }),
    maxConsecutiveTerms: Type.Integer({ minimum: 1, maximum: 10 }),
    maxAgeAtElection: Type.Integer({ minimum: 30, maximum: 100 }),
  }),
  /** Optional: also accept access tokens of the city's unified login (an OpenID Connect provider). */
  externalIdentity: Type.Union([
    Type.Object({
      issuer: Type.String({ minLength: 1 }),
      jwksUrl: Type.String({ pattern: '^https?://' }),
      audience: Type.String({ minLength: 1 }),
      usernameClaim: Type.String({ minLength: 1 }),
      rolesClaim: Type.String({ minLength: 1 }),
      /** The provider's role names → ours, in order of precedence. */
      roleMap: Type.Array(Type.Object({ external: Type.String({ minLength: 1 }), role: Type.Enum(ROLES) }), {
        minItems: 1,
      }),
    }),
    Type.Null(),
  ]),
  /**
   * `auto` (the default): the refresh cookie is `Secure`, and HSTS and the CSP's upgrade-insecure-requests
   * are sent, exactly when the request arrived over TLS (directly, or by X-Forwarded-Proto from a trusted
   * proxy); a console served over plain http on an intranet address then works. `true` forces `Secure`
   * (a proxy that terminates TLS without saying so), `false` never sets it.
   */
  secureCookies: Type.Union([Type.Boolean(), Type.Literal('auto')]),
  /** Bearer token Prometheus sends to /metrics; with neither it nor `metricsOpen`, /metrics answers no one. */
  metricsToken: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  /** Serve /metrics without a token (only where the port is not reachable from outside). */
  metricsOpen: Type.Boolean(),
  /** Requests one address may make per minute to each public, no-login listing. */
  publicRateLimitPerMinute: Type.Integer({ minimum: 1 }),
  /** How long browsers and proxies may keep a public listing before asking again (then with its ETag). */
  publicCacheSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
  /**
   * Where the bytes of documents are kept (modules/documents/storage): `local`, files under
   * `<dataDir>/files` (the embedded default, one process); `s3`, any S3-compatible object store (MinIO,
   * 阿里云 OSS, 华为云 OBS, AWS), which every process of a scaled-out deployment shares.
   */
  storage: Type.Union([
    Type.Object({ kind: Type.Literal('local') }),
    Type.Object({
      kind: Type.Literal('s3'),
      /** null: the provider's own endpoint for `region` (AWS). */
      endpoint: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()]),
      region: Type.String({ minLength: 1 }),
      bucket: Type.String({ minLength: 3 }),
      accessKeyId: Type.String({ minLength: 1 }),
      secretAccessKey: Type.String({ minLength: 1 }),
      /** `http://host/bucket/key` rather than `http://bucket.host/key`: MinIO and most private deployments. */
      forcePathStyle: Type.Boolean(),
    }),
  ]),
  /** The durable jobs (lib/jobs/job-runner.ts): webhook deliveries and messages. */
  jobs: Type.Object({
    /** Run the job runner in this process (every process may: they share the work safely). */
    worker: Type.Boolean(),
    pollMs: Type.Integer({ minimum: 50, maximum: 60_000 }),
  }),
  /** Webhook deliveries (modules/webhooks/webhooks.worker.ts). */
  webhooks: Type.Object({
    /** One attempt's limit, connection to last byte; the claim lease is longer than this. */
    timeoutMs: Type.Integer({ minimum: 1000, maximum: 120_000 }),
    /** Deliveries one process sends at once. */
    concurrency: Type.Integer({ minimum: 1, maximum: 200 }),
    /** Attempts before a delivery is given up as failed (it can still be redelivered by hand). */
    maxAttempts: Type.Integer({ minimum: 1, maximum: 50 }),
    retryBaseSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
    retryCapSeconds: Type.Integer({ minimum: 1, maximum: 7 * 86_400 }),
    /**
     * Hosts a webhook may reach over plain http and on private or loopback addresses: a receiver inside
     * the city's network, or tests. Everything else must be https to a public address.
     */
    internalHosts: Type.Array(Type.String({ minLength: 1 })),
  }),
  /** E-mail, SMS and the inbox (modules/messages, modules/notifications); secrets here never reach a log. */
  messaging: Type.Object({
    /** The Association's name in every message, e.g. 某某市科学技术协会. */
    associationName: Type.String({ minLength: 1 }),
    /** Where people open the console: links in messages start here. */
    publicUrl: Type.String({ pattern: '^https?://' }),
    /** `smtp://user:pass@host:port` or `smtps://…`; null: e-mails are kept, not sent. */
    smtpUrl: Type.Union([Type.String({ pattern: '^smtps?://' }), Type.Null()]),
    /** The From of every e-mail. */
    mailFrom: Type.String({ minLength: 3 }),
    /** 阿里云短信 (Dysmsapi SendSms); null: SMS are kept, not sent. */
    sms: Type.Union([
      Type.Object({
        endpoint: Type.String({ pattern: '^https?://' }),
        accessKeyId: Type.String({ minLength: 1 }),
        accessKeySecret: Type.String({ minLength: 1 }),
        signName: Type.String({ minLength: 1 }),
        regionId: Type.String({ minLength: 1 }),
        /** The approved template code (SMS_…) of each kind sent by SMS; a kind without one is not sent by SMS. */
        templates: Type.Record(Type.String(), Type.String({ minLength: 1 })),
      }),
      Type.Null(),
    ]),
    timeoutMs: Type.Integer({ minimum: 1000, maximum: 120_000 }),
    concurrency: Type.Integer({ minimum: 1, maximum: 100 }),
    maxAttempts: Type.Integer({ minimum: 1, maximum: 50 }),
    retryBaseSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
    retryCapSeconds: Type.Integer({ minimum: 1, maximum: 7 * 86_400 }),
    /** Days an expert has to answer a review assignment: the deadline its message names. */
    reviewDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** How often scheduled sends (annual reports due and overdue) are looked for. */
    scheduleEveryMs: Type.Integer({ minimum: 100, maximum: 24 * 3600 * 1000 }),
    /** Lifetimes of invitation links and of reset and confirmation codes. */
    invitationTtlHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
    codeTtlMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
    /** Requests one address may make per minute to the public invitation and password-reset endpoints. */
    publicPerMinute: Type.Integer({ minimum: 1 }),
    /** Password-reset requests answered per account per hour (more are silently dropped). */
    resetsPerHour: Type.Integer({ minimum: 1, maximum: 100 }),
  }),
});

export type Config = Readonly<Static<typeof ConfigSchema>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new ConfigError(`${key} must be an integer, got "${raw}"`);
  return value;
}

function flag(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${key} must be 1/0 or true/false, got "${raw}"`);
}

function json(env: Env, key: string): Record<string, unknown> {
  const raw = env[key];
  if (raw === undefined || raw === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return { ...parsed };
  } catch {
    // reported below
  }
  throw new ConfigError(`${key} must be a JSON object`);
}

/** A comma-separated list, blanks dropped. */
function list(env: Env, key: string): string[] {
  return (env[key] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function text(env: Env, key: string): string | null {
  const raw = env[key];
  return raw === undefined || raw === '' ? null : raw;
}

/**
 * DATA_DIR (default `./data`) relative to the directory the user ran pnpm in: pnpm runs a package's
 * scripts in that package's directory (`pnpm start` serves from apps/api) but passes where it was
 * started as INIT_CWD, so `pnpm start` at the repository root keeps the data in the root's `./data`,
 * as documented. Without INIT_CWD (node run directly, the container) it is relative to the working
 * directory.
 */
function dataDirectory(env: Env): string {
  const dir = text(env, 'DATA_DIR') ?? './data';
  const from = text(env, 'INIT_CWD');
  return from !== null && !isAbsolute(dir) ? resolve(from, dir) : dir;
}

/** OIDC_ROLE_MAP is `external=role,external=role`, e.g. `sh-admin=admin,sh-audit=auditor`. */
function externalIdentity(env: Env) {
  const issuer = text(env, 'OIDC_ISSUER');
  if (issuer === null) return null;
  const roleMap = (env.OIDC_ROLE_MAP ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [external = '', role = ''] = pair.split('=').map((part) => part.trim());
      return { external, role };
    });
  return {
    issuer,
    jwksUrl: env.OIDC_JWKS_URL ?? '',
    audience: env.OIDC_AUDIENCE ?? '',
    usernameClaim: env.OIDC_USERNAME_CLAIM ?? 'preferred_username',
    rolesClaim: env.OIDC_ROLES_CLAIM ?? 'roles',
    roleMap,
  };
}

/** STORAGE=local (default) or STORAGE=s3 with the S3_* settings. */
function storage(env: Env) {
  const kind = (text(env, 'STORAGE') ?? 'local').toLowerCase();
  if (kind === 'local') return { kind };
  if (kind !== 's3') throw new ConfigError(`STORAGE must be local or s3, got "${kind}"`);
  return {
    kind,
    endpoint: text(env, 'S3_ENDPOINT'),
    region: env.S3_REGION || 'us-east-1',
    bucket: env.S3_BUCKET ?? '',
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', text(env, 'S3_ENDPOINT') !== null),
  };
}

/** SMS_PROVIDER=aliyun with its keys, sign name and SMS_TEMPLATES (JSON: kind → template code). */
function sms(env: Env) {
  const provider = text(env, 'SMS_PROVIDER');
  if (provider === null) return null;
  if (provider !== 'aliyun') throw new ConfigError(`SMS_PROVIDER must be aliyun, got "${provider}"`);
  return {
    endpoint: env.SMS_ENDPOINT ?? 'https://dysmsapi.aliyuncs.com/',
    accessKeyId: env.SMS_ACCESS_KEY_ID ?? '',
    accessKeySecret: env.SMS_ACCESS_KEY_SECRET ?? '',
    signName: env.SMS_SIGN_NAME ?? '',
    regionId: env.SMS_REGION_ID ?? 'cn-hangzhou',
    templates: json(env, 'SMS_TEMPLATES'),
  };
}

function messaging(env: Env) {
  return {
    associationName: env.ASSOCIATION_NAME ?? '市科学技术协会',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? '3000'}`).replace(/\/+$/, ''),
    smtpUrl: text(env, 'SMTP_URL'),
    mailFrom: env.MAIL_FROM ?? 'Society Hub <no-reply@localhost>',
    sms: sms(env),
    timeoutMs: integer(env, 'MESSAGE_TIMEOUT_MS', 15_000),
    concurrency: integer(env, 'MESSAGE_CONCURRENCY', 5),
    maxAttempts: integer(env, 'MESSAGE_MAX_ATTEMPTS', 8),
    retryBaseSeconds: integer(env, 'MESSAGE_RETRY_BASE_SECONDS', 30),
    retryCapSeconds: integer(env, 'MESSAGE_RETRY_CAP_SECONDS', 6 * 3600),
    reviewDays: integer(env, 'REVIEW_DAYS', 14),
    scheduleEveryMs: integer(env, 'NOTIFY_SCHEDULE_MS', 15 * 60 * 1000),
    invitationTtlHours: integer(env, 'INVITATION_TTL_HOURS', 72),
    codeTtlMinutes: integer(env, 'CODE_TTL_MINUTES', 15),
    resetsPerHour: integer(env, 'PASSWORD_RESETS_PER_HOUR', 3),
    publicPerMinute: integer(env, 'ACCOUNT_RATE_LIMIT_PER_MINUTE', 10),
  };
}

/** Builds the configuration from an environment; `overrides` lets tests replace single values. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const candidate = {
    port: integer(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: text(env, 'DATABASE_URL'),
    dataDir: dataDirectory(env),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10),
    adminUsername: text(env, 'ADMIN_USERNAME'),
    adminPassword: text(env, 'ADMIN_PASSWORD'),
    demoData: flag(env, 'DEMO_DATA', false),
    logLevel: env.LOG_LEVEL ?? 'info',
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    jwtPrivateKey: text(env, 'JWT_PRIVATE_KEY'),
    jwtIssuer: env.JWT_ISSUER ?? 'society-hub',
    jwtAudience: env.JWT_AUDIENCE ?? 'society-hub-api',
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900),
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 60 * 60 * 24 * 7),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200),
    objectionsPerHour: integer(env, 'OBJECTIONS_PER_HOUR', 5),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5),
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 50),
    loginMaxFailuresPerAddress: integer(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50),
    loginWindowSeconds: integer(env, 'LOGIN_WINDOW_SECONDS', 900),
    loginMaxLockSeconds: integer(env, 'LOGIN_MAX_LOCK_SECONDS', 24 * 60 * 60),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    // Next to this module both in the sources (src/) and in the bundle (dist/): apps/console/dist.
    consoleDir:
      env.CONSOLE_DIR === ''
        ? null
        : (env.CONSOLE_DIR ?? fileURLToPath(new URL('../../console/dist', import.meta.url))),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    externalIdentity: externalIdentity(env),
    annualReportDueMonthDay: env.ANNUAL_REPORT_DUE ?? '03-31',
    reminderDays: integer(env, 'REMINDER_DAYS', 30),
    finalReportDueDays: integer(env, 'FINAL_REPORT_DUE_DAYS', 60),
    maxConcurrentPilots: integer(env, 'PILOTS_MAX_CONCURRENT', 3),
    memberDataKey: text(env, 'MEMBER_DATA_KEY'),
    governanceThresholds: { ...DEFAULT_GOVERNANCE_THRESHOLDS, ...json(env, 'GOVERNANCE_THRESHOLDS') },
    secureCookies:
      (env.SECURE_COOKIES || 'auto').toLowerCase() === 'auto' ? 'auto' : flag(env, 'SECURE_COOKIES', false),
    metricsToken: text(env, 'METRICS_TOKEN'),
    metricsOpen: flag(env, 'METRICS_OPEN', false),
    publicRateLimitPerMinute: integer(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 120),
    publicCacheSeconds: integer(env, 'PUBLIC_CACHE_SECONDS', 60),
    storage: storage(env),
    jobs: {
      // WEBHOOK_WORKER and WEBHOOK_POLL_MS are the names from before messages shared the runner.
      worker: flag(env, 'JOB_WORKER', flag(env, 'WEBHOOK_WORKER', true)),
      pollMs: integer(env, 'JOB_POLL_MS', integer(env, 'WEBHOOK_POLL_MS', 1000)),
    },
    webhooks: {
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
      concurrency: integer(env, 'WEBHOOK_CONCURRENCY', 10),
      maxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 8),
      retryBaseSeconds: integer(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30),
      retryCapSeconds: integer(env, 'WEBHOOK_RETRY_CAP_SECONDS', 6 * 3600),
      internalHosts: list(env, 'WEBHOOK_INTERNAL_HOSTS').map((host) => host.toLowerCase()),
    },
    messaging: messaging(env),
    ...overrides,
  };
  if ((candidate.adminUsername === null) !== (candidate.adminPassword === null)) {
    throw new ConfigError('ADMIN_USERNAME and ADMIN_PASSWORD go together: set both or neither');
  }
  if (!Value.Check(ConfigSchema, candidate)) {
    const problems = [...Value.Errors(ConfigSchema, candidate)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(candidate);
}
