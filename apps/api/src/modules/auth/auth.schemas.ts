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
    mustChangePassword: Type.Boolean({
      description:
        'An administrator reset the password: until the user chooses a new one (POST /v1/auth/password), every other call answers 403 password_change_required',
    }),
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

export const NewPassword = Secret({
  minLength: 10,
  maxLength: 200,
  description: 'At least 10 characters, not containing the username; write-only, stored as a scrypt hash',
});

export const PasswordChangeSchema = Type.Object(
  {
    currentPassword: Secret({ minLength: 1, maxLength: 200, description: 'The password in use now' }),
    newPassword: NewPassword,
  },
  { $id: 'PasswordChange', additionalProperties: false },
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

export const authSchemas = [
  RoleSchema,
  CurrentUserSchema,
  LoginRequestSchema,
  PasswordChangeSchema,
  TokenResponseSchema,
  JwksSchema,
];
