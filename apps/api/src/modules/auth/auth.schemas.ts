import { ROLES } from '@society-hub/domain';
import { Type } from 'typebox';
import { ref, Secret, Uuid } from '../../lib/schemas';

export const RoleSchema = Type.Enum(ROLES, {
  $id: 'Role',
  description: 'admin: Association staff; society_officer: a society secretariat; reviewer: expert; auditor: read-only',
});

export const CurrentUserSchema = Type.Object(
  {
    id: Uuid,
    username: Type.String(),
    displayName: Type.Union([Type.String(), Type.Null()]),
    role: ref(RoleSchema),
    societyIds: Type.Array(Uuid, { description: 'Societies a society_officer is bound to' }),
  },
  { $id: 'CurrentUser', additionalProperties: false },
);

export const LoginRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Secret({ minLength: 1, maxLength: 200 }),
  },
  { $id: 'LoginRequest', additionalProperties: false },
);

export const TokenResponseSchema = Type.Object(
  {
    accessToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
    user: ref(CurrentUserSchema),
  },
  { $id: 'TokenResponse', additionalProperties: false },
);

export const JwksSchema = Type.Object(
  {
    keys: Type.Array(
      Type.Object({
        kty: Type.String(),
        kid: Type.String(),
        alg: Type.String(),
        use: Type.String(),
        crv: Type.Optional(Type.String()),
        x: Type.Optional(Type.String()),
        y: Type.Optional(Type.String()),
      }),
    ),
  },
  { $id: 'JsonWebKeySet' },
);

export const authSchemas = [RoleSchema, CurrentUserSchema, LoginRequestSchema, TokenResponseSchema, JwksSchema];
