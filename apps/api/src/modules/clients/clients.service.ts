import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type ApiScope, ASSOCIATION_SCOPES } from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { AppError, errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { keysetOf } from '../../lib/pagination';
import type { Caller } from '../../lib/request-context';
import { EVERY_SOCIETY } from '../../lib/society-scope';
import { type Trx, write } from '../../lib/write';
import type { LoginThrottle } from '../auth/login-throttle';
import type { TokenService } from '../auth/tokens';
import { unreachableSocieties } from '../societies/societies.repository';
import * as repo from './clients.repository';
import type {
  ClientCreateSchema,
  ClientPatchSchema,
  ClientSchema,
  ClientTokenRequestSchema,
  ClientTokenResponseSchema,
  ClientWithSecretSchema,
} from './clients.schemas';

type Client = Static<typeof ClientSchema>;
type ClientWithSecret = Static<typeof ClientWithSecretSchema>;

/**
 * Client secrets are 256 random bits, so a fast hash is as good as a slow one here (nothing to
 * guess); SHA-256 keeps the token endpoint cheap.
 */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(): string {
  return `shs_${randomBytes(32).toString('base64url')}`;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export function toClient(record: repo.ClientRecord): Client {
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes,
    societyIds: [...record.societyIds].sort(),
    department: record.department,
    disabled: record.disabled,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    secretRotatedAt: record.secretRotatedAt.toISOString(),
  };
}

/** The societies must exist, and a client bound to some may not hold the Association's own scopes. */
async function bindingProblems(
  db: DB | Trx,
  scopes: readonly ApiScope[],
  societyIds: readonly string[],
): Promise<FieldError[]> {
  const problems = await unreachableSocieties(db, EVERY_SOCIETY, societyIds, '/body/societyIds');
  const association = scopes.filter((s) => ASSOCIATION_SCOPES.includes(s));
  if (societyIds.length && association.length) {
    problems.push({
      path: '/body/scopes',
      code: 'association_scope',
      message: `A client bound to societies cannot hold ${association.join(', ')}: the audit log covers every society.`,
    });
  }
  return problems;
}

function invalidClient(): AppError {
  return new AppError(401, 'unauthorized', 'The client is unknown, disabled, or its secret is wrong.', {
    oauthError: 'invalid_client',
  });
}

const DECOY_HASH = hashSecret(randomBytes(32).toString('hex'));

export class ClientService {
  constructor(
    private readonly db: DB,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  async list(query: { limit?: number; cursor?: string }) {
    const keyset = keysetOf(repo.CLIENT_SORTS, query);
    const { records, nextCursor } = await repo.listClients(this.db, keyset);
    return { items: records.map(toClient), nextCursor };
  }

  async get(id: string): Promise<Client> {
    const record = await repo.findClient(this.db, id);
    if (!record) throw errors.notFound('Client');
    return toClient(record);
  }

  private async reload(trx: Trx, id: string): Promise<Client> {
    const record = await repo.findClient(trx, id);
    if (!record) throw errors.notFound('Client');
    return toClient(record);
  }

  async create({ context }: Caller, input: Static<typeof ClientCreateSchema>): Promise<ClientWithSecret> {
    const societyIds = input.societyIds ?? [];
    const fieldErrors = await bindingProblems(this.db, input.scopes, societyIds);
    if (fieldErrors.length) throw errors.validation(fieldErrors);
    const secret = newSecret();
    return write(this.db, context, async (trx, record) => {
      const id = uuidv7();
      await repo.insertClient(trx, {
        id,
        name: input.name.trim(),
        secretHash: hashSecret(secret),
        scopes: input.scopes,
        department: input.department?.trim() || null,
      });
      await repo.setClientSocieties(trx, id, societyIds);
      const client = await this.reload(trx, id);
      record({ action: 'client.create', resourceType: 'client', resourceId: id, after: client });
      return { ...client, clientId: id, clientSecret: secret };
    });
  }

  async update(
    { context }: Caller,
    id: string,
    expected: number | null,
    input: Static<typeof ClientPatchSchema>,
  ): Promise<Client> {
    return write(this.db, context, async (trx, record) => {
      const current = await repo.findClient(trx, id, { forUpdate: true });
      if (!current) throw errors.notFound('Client');
      assertVersion(current.version, expected);
      const fieldErrors = await bindingProblems(
        trx,
        input.scopes ?? current.scopes,
        input.societyIds ?? current.societyIds,
      );
      if (fieldErrors.length) throw errors.validation(fieldErrors);
      const before = toClient(current);
      await repo.updateClient(trx, id, {
        name: input.name?.trim(),
        scopes: input.scopes,
        department: input.department === undefined ? undefined : input.department?.trim() || null,
        disabled: input.disabled,
      });
      if (input.societyIds) await repo.setClientSocieties(trx, id, input.societyIds);
      const client = await this.reload(trx, id);
      record({ action: 'client.update', resourceType: 'client', resourceId: id, before, after: client });
      return client;
    });
  }

  /** Issues a new secret (shown once); the old one stops working at once. */
  async rotateSecret({ context }: Caller, id: string): Promise<ClientWithSecret> {
    const secret = newSecret();
    return write(this.db, context, async (trx, record) => {
      const current = await repo.findClient(trx, id, { forUpdate: true });
      if (!current) throw errors.notFound('Client');
      await repo.updateClient(trx, id, { secretHash: hashSecret(secret) });
      const client = await this.reload(trx, id);
      record({ action: 'client.secret_rotate', resourceType: 'client', resourceId: id, after: client });
      return { ...client, clientId: id, clientSecret: secret };
    });
  }

  /** RFC 6749 §4.4: the client-credentials grant. */
  async issueToken(
    request: Static<typeof ClientTokenRequestSchema>,
    basic: { clientId: string; clientSecret: string } | null,
    address: string,
  ): Promise<Static<typeof ClientTokenResponseSchema>> {
    if (request.grant_type !== 'client_credentials') {
      throw new AppError(400, 'bad_request', 'Only the client_credentials grant is supported.', {
        oauthError: 'unsupported_grant_type',
      });
    }
    const clientId = basic?.clientId ?? request.client_id;
    const clientSecret = basic?.clientSecret ?? request.client_secret;
    if (!clientId || !clientSecret) throw invalidClient();
    const keys = { account: `client:${clientId}`, address };
    await this.throttle.assertAllowed(keys);
    const client = /^[0-9a-f-]{36}$/i.test(clientId) ? await repo.findClient(this.db, clientId) : undefined;
    const secretOk = sameHash(hashSecret(clientSecret), client?.secretHash ?? DECOY_HASH);
    if (!client || !secretOk || client.disabled) {
      await this.throttle.recordFailure(keys);
      throw invalidClient();
    }
    let scopes: ApiScope[] = client.scopes;
    if (request.scope !== undefined && request.scope.trim() !== '') {
      const asked = request.scope.trim().split(/\s+/);
      const refused = asked.filter((s) => !client.scopes.some((granted) => granted === s));
      if (refused.length) {
        throw new AppError(400, 'bad_request', `Scopes not granted to this client: ${refused.join(' ')}.`, {
          oauthError: 'invalid_scope',
        });
      }
      scopes = client.scopes.filter((s) => asked.includes(s));
    }
    await this.throttle.recordSuccess(keys);
    const scope = scopes.join(' ');
    const accessToken = await this.tokens.sign(client.id, { typ: 'client', scope });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.tokens.ttlSeconds, scope };
  }
}
