import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import type { DB } from '../../db/connect';
import { loadPublicKeys, type PublicJwk, SIGNING_ALGORITHM, type SigningKey } from './signing-keys';

/** How long a process signs with the key it loaded before looking for a newer one (after a rotation elsewhere). */
const KEY_REFRESH_MS = 60_000;
/** Tokens whose signature this process has already checked, kept until they expire (most recent first to go last). */
const VERIFIED_CACHE_SIZE = 5000;

interface Verified {
  sub: string;
  claims: Record<string, unknown>;
  /** When the token expires, in ms. */
  expiresAt: number;
}

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/**
 * Issues and verifies access tokens. Verification accepts only our issuer, audience and ES256 (so
 * `alg: none` and HMAC tokens are refused), against the published key set, which is reloaded when a
 * token names a key this process has not seen (another process rotated it).
 */
export class TokenService {
  private jwks: ReturnType<typeof createLocalJWKSet> | null = null;
  private knownKids = new Set<string>();
  private publicKeys: PublicJwk[] = [];

  private key: SigningKey | null = null;
  private keyLoadedAt = 0;
  /**
   * An ES256 signature check costs more CPU than the rest of a simple read; a client sends the same
   * token for up to 15 minutes. Whatever can change about the caller meanwhile (disabled, scopes,
   * societies) is looked up apart on every request (plugins/auth.ts, through a cache any change
   * empties); what is cached here is only that these exact bytes were signed by us. A change of the
   * key set empties it.
   */
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly db: DB,
    /** Loads the active signing key (from configuration or the database). */
    private readonly loadKey: () => Promise<SigningKey>,
    private readonly settings: TokenSettings,
  ) {}

  get ttlSeconds(): number {
    return this.settings.ttlSeconds;
  }

  private async signingKey(): Promise<SigningKey> {
    if (!this.key || Date.now() - this.keyLoadedAt > KEY_REFRESH_MS) {
      this.key = await this.loadKey();
      this.keyLoadedAt = Date.now();
    }
    return this.key;
  }

  /** After a rotation in this process: sign with the new key at once. */
  forgetSigningKey(): void {
    this.key = null;
  }

  async sign(subject: string, claims: Record<string, unknown>): Promise<string> {
    const key = await this.signingKey();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.ttlSeconds}s`)
      .setJti(crypto.randomUUID())
      .sign(key.privateKey);
  }

  async keySet(): Promise<{ keys: PublicJwk[] }> {
    await this.reload();
    return { keys: this.publicKeys };
  }

  private async reload(): Promise<void> {
    this.verified.clear();
    this.publicKeys = await loadPublicKeys(this.db, this.settings.ttlSeconds);
    this.knownKids = new Set(this.publicKeys.map((k) => k.kid));
    this.jwks = createLocalJWKSet({ keys: this.publicKeys });
  }

  /** The verified subject and claims, or null for any token that is not ours and valid. */
  async verify(token: string): Promise<{ sub: string; claims: Record<string, unknown> } | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return { sub: known.sub, claims: known.claims };
      this.verified.delete(token);
    }
    try {
      const [encodedHeader] = token.split('.');
      const header: unknown = JSON.parse(Buffer.from(encodedHeader ?? '', 'base64url').toString('utf8'));
      const kid = typeof header === 'object' && header !== null && 'kid' in header ? header.kid : undefined;
      if (!this.jwks || (typeof kid === 'string' && !this.knownKids.has(kid))) await this.reload();
      if (!this.jwks) return null;
      const { payload } = await jwtVerify(token, this.jwks, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [SIGNING_ALGORITHM],
      });
      if (typeof payload.sub !== 'string') return null;
      if (typeof payload.exp === 'number')
        this.remember(token, { sub: payload.sub, claims: payload, expiresAt: payload.exp * 1000 });
      return { sub: payload.sub, claims: payload };
    } catch {
      return null;
    }
  }

  private remember(token: string, verified: Verified): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      // Maps iterate in insertion order: drop the oldest tenth rather than one entry per new token.
      let drop = Math.ceil(VERIFIED_CACHE_SIZE / 10);
      for (const key of this.verified.keys()) {
        if (drop-- <= 0) break;
        this.verified.delete(key);
      }
    }
    this.verified.set(token, verified);
  }
}

/**
 * The `pwc` claim of a user's access token: when their password was last changed or reset (epoch ms,
 * 0 for never). The API refuses a token whose claim is not the user's current one.
 */
export function passwordClaim(changedAt: Date | null): number {
  return changedAt?.getTime() ?? 0;
}
