import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

const NONCE_BYTES = 12;
const NONCES_PER_FETCH = 256;

/**
 * Protects sensitive personal information (PIPL) such as resident ID numbers: AES-256-GCM for the
 * stored value, and a keyed hash (HMAC-SHA256 under a separate derived key) to match the same person
 * across societies without decrypting anything. Both keys derive from one configured secret.
 */
export class PersonalDataVault {
  /** A key object, not a buffer: Node then skips re-importing the key on every call. */
  private readonly encryptionKey: KeyObject;
  private readonly hashKey: Buffer;
  /**
   * Random nonces fetched from the CSPRNG in bulk and each handed out once: a bulk import seals a
   * thousand ID numbers a request, and one call for 12 bytes costs more than the cipher itself.
   */
  private nonces = Buffer.alloc(0);
  private nextNonce = 0;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error('the personal-data key must be at least 32 bytes');
    this.encryptionKey = createSecretKey(
      Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'society-hub/encrypt/v1', 32)),
    );
    this.hashKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'society-hub/match/v1', 32));
  }

  /** A fresh random 96-bit nonce (never one handed out before: GCM's one hard rule). */
  private nonce(): Buffer {
    if (this.nextNonce + NONCE_BYTES > this.nonces.length) {
      this.nonces = randomBytes(NONCE_BYTES * NONCES_PER_FETCH);
      this.nextNonce = 0;
    }
    const nonce = this.nonces.subarray(this.nextNonce, this.nextNonce + NONCE_BYTES);
    this.nextNonce += NONCE_BYTES;
    return nonce;
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  encrypt(plain: string): string {
    const iv = this.nonce();
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unreadable sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** The same input always gives the same hash; without the key nobody can test guesses against it. */
  matchHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('hex');
  }
}
