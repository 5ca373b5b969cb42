import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { contextOf } from '../../lib/request-context';
import { Nullable, problems, ref, Timestamp } from '../../lib/schemas';
import { write } from '../../lib/write';
import { listSigningKeys, rotateSigningKey } from './signing-keys';

export const SigningKeySchema = Type.Object(
  {
    kid: Type.String(),
    algorithm: Type.String(),
    createdAt: Timestamp,
    retiredAt: Nullable(Timestamp),
    active: Type.Boolean(),
  },
  { $id: 'SigningKey', additionalProperties: false },
);
export const SigningKeyListSchema = Type.Object(
  { items: Type.Array(ref(SigningKeySchema)) },
  { $id: 'SigningKeyList', additionalProperties: false },
);
export const signingKeySchemas = [SigningKeySchema, SigningKeyListSchema];

const tags = ['administration'];

export const signingKeyRoutes: FastifyPluginAsyncTypebox<{ db: DB; managedByConfig: boolean }> = async (
  app,
  { db, managedByConfig },
) => {
  app.get(
    '/',
    {
      config: { access: ACCESS.administration.read },
      schema: {
        operationId: 'listSigningKeys',
        tags,
        summary: 'Token signing keys, newest first (public metadata only)',
        response: { 200: ref(SigningKeyListSchema) },
      },
    },
    async () => ({
      items: (await listSigningKeys(db)).map((k) => ({
        kid: k.kid,
        algorithm: k.algorithm,
        createdAt: k.created_at.toISOString(),
        retiredAt: k.retired_at?.toISOString() ?? null,
        active: k.retired_at === null,
      })),
    }),
  );

  app.post(
    '/',
    {
      config: { access: ACCESS.administration.write },
      schema: {
        operationId: 'rotateSigningKey',
        tags,
        summary: 'Rotate: sign with a new key from now on; the old key verifies until its tokens expire',
        response: { 201: ref(SigningKeySchema), ...problems(409) },
      },
    },
    async (request, reply) => {
      if (managedByConfig) throw errors.conflict('The signing key comes from JWT_PRIVATE_KEY; rotate it there.');
      const key = await write(db, contextOf(request), async (trx, record) => {
        const created = await rotateSigningKey(trx);
        record({
          action: 'signing_key.rotate',
          resourceType: 'signing_key',
          resourceId: created.kid,
          after: { kid: created.kid },
        });
        return created;
      });
      app.tokens.forgetSigningKey();
      return reply.code(201).send({
        kid: key.kid,
        algorithm: 'ES256',
        createdAt: key.createdAt.toISOString(),
        retiredAt: null,
        active: true,
      });
    },
  );
};
