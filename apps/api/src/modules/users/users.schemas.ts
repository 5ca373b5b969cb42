import { Type } from 'typebox';
import { Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';
import { NewPassword as Password, RoleSchema } from '../auth/auth.schemas';

const SocietyIds = Type.Array(Uuid, {
  maxItems: 100,
  uniqueItems: true,
  description: 'For society_officer: the societies they keep (at least one); empty for other roles',
});

const ExpertId = Nullable(
  Type.String({ format: 'uuid', description: 'For reviewer: the expert of the pools this account belongs to' }),
);

export const UserSchema = Type.Object(
  {
    id: Uuid,
    username: Type.String(),
    displayName: Nullable(Type.String()),
    role: ref(RoleSchema),
    societyIds: Type.Array(Uuid),
    expertId: Nullable(Uuid),
    disabled: Type.Boolean(),
    mustChangePassword: Type.Boolean({
      description: 'Set by an administrator’s password reset; cleared when the user chooses their own',
    }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'User', additionalProperties: false },
);

export const UserCreateSchema = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9._-]{3,50}$', description: '3–50 letters, digits, . _ -' }),
    displayName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    password: Password,
    role: ref(RoleSchema),
    societyIds: Type.Optional(SocietyIds),
    expertId: Type.Optional(ExpertId),
  },
  { $id: 'UserCreate', additionalProperties: false },
);

export const UserPatchSchema = Type.Object(
  {
    displayName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    role: Type.Optional(ref(RoleSchema)),
    societyIds: Type.Optional(SocietyIds),
    expertId: Type.Optional(ExpertId),
    disabled: Type.Optional(Type.Boolean({ description: 'Disabling ends every session of the user at once' })),
  },
  { $id: 'UserPatch', additionalProperties: false, description: 'JSON merge patch' },
);

export const PasswordResetSchema = Type.Object(
  { password: Password },
  {
    $id: 'PasswordReset',
    additionalProperties: false,
    description:
      'Another user’s new password; they must choose their own at their next sign-in. Your own: POST /v1/auth/password',
  },
);

export const UserPageSchema = pageOf(UserSchema, 'UserPage');

export const UserListQuerySchema = Type.Object(
  {
    role: Type.Optional(ref(RoleSchema)),
    disabled: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: 'Substring of username or display name' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const userSchemas = [UserSchema, UserCreateSchema, UserPatchSchema, PasswordResetSchema, UserPageSchema];
