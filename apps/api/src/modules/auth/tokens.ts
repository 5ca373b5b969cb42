import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import type { DB } from '../../db/connect';
import { loadPublicKeys, type PublicJwk, SIGNING_ALGORITHM, type SigningKey } from './signing-keys';

/** How long a process signs with the key it loaded before looking for a newer one (after a rotation elsewhere). */
const KEY_REFRESH_MS = 60_000;

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
    this.publicKeys = await loadPublicKeys(this.db, this.settings.ttlSeconds);
    this.knownKids = new Set(this.publicKeys.map((k) => k.kid));
    this.jwks = createLocalJWKSet({ keys: this.publicKeys });
  }

  /** The verified subject and claims, or null for any token that is not ours and valid. */
  async verify(token: string): Promise<{ sub: string; claims: Record<string, unknown> } | null> {
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
      return { sub: payload.sub, claims: payload };
    } catch {
      return null;
    }
  }
}
