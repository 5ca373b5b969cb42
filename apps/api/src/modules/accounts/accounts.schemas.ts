import { type Static, Type } from 'typebox';
import { Nullable, ref, Secret, Timestamp, Uuid } from '../../lib/schemas';
import { NewPassword, RoleSchema } from '../auth/auth.schemas';
import { UserSchema } from '../users/users.schemas';

const Channel = Type.Enum(['email', 'sms'], { description: 'email 邮件 / sms 短信' });
const Language = Type.Enum(['zh', 'en']);
const Address = Type.String({
  minLength: 3,
  maxLength: 254,
  description: 'An e-mail address for email, a mobile number for sms',
});
/** Tokens and codes are kept exactly as sent (not trimmed) and hidden in the docs UI. */
const LinkToken = Secret({ minLength: 20, maxLength: 200, description: 'The token from the link' });
const Code = Secret({ pattern: '^[0-9]{6}$', description: 'The 6-digit code sent' });

export const InvitationCreateSchema = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9._-]{3,50}$', description: '3–50 letters, digits, . _ -' }),
    displayName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    role: ref(RoleSchema),
    societyIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
    expertId: Type.Optional(Nullable(Uuid)),
    language: Type.Optional(Language),
    channel: Channel,
    address: Address,
  },
  { $id: 'InvitationCreate', additionalProperties: false },
);

export const ReinvitationSchema = Type.Object(
  { channel: Channel, address: Address },
  { $id: 'Reinvitation', additionalProperties: false },
);

export const InvitationSchema = Type.Object(
  {
    user: ref(UserSchema),
    channel: Channel,
    address: Type.String({ description: 'Where the link went, masked' }),
    expiresAt: Timestamp,
    messageId: Nullable(Uuid),
  },
  { $id: 'Invitation', additionalProperties: false },
);

export const InvitationTokenSchema = Type.Object(
  { token: LinkToken },
  { $id: 'InvitationToken', additionalProperties: false },
);

export const InvitationDetailsSchema = Type.Object(
  { username: Type.String(), displayName: Nullable(Type.String()), expiresAt: Timestamp },
  { $id: 'InvitationDetails', additionalProperties: false },
);

export const InvitationAcceptSchema = Type.Object(
  { token: LinkToken, password: NewPassword },
  { $id: 'InvitationAccept', additionalProperties: false },
);

export const PasswordResetRequestSchema = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 254, description: 'Username, or the verified e-mail or mobile' }),
    channel: Type.Optional(Channel),
  },
  { $id: 'PasswordResetRequest', additionalProperties: false },
);

export const AcceptedSchema = Type.Object(
  { accepted: Type.Literal(true), detail: Type.String() },
  { $id: 'Accepted', additionalProperties: false },
);

export const PasswordResetConfirmSchema = Type.Object(
  {
    token: Type.Optional(LinkToken),
    login: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: 'With code: as in the request' })),
    code: Type.Optional(Code),
    password: NewPassword,
  },
  { $id: 'PasswordResetConfirm', additionalProperties: false, description: 'Either token, or login and code' },
);

export const ContactVerificationRequestSchema = Type.Object(
  { channel: Channel, address: Address },
  { $id: 'ContactVerificationRequest', additionalProperties: false },
);

export const ContactVerificationStartedSchema = Type.Object(
  { channel: Channel, address: Type.String({ description: 'Masked' }), expiresAt: Timestamp },
  { $id: 'ContactVerificationStarted', additionalProperties: false },
);

export const ContactVerificationConfirmSchema = Type.Object(
  { channel: Channel, code: Code },
  { $id: 'ContactVerificationConfirm', additionalProperties: false },
);

export const MyContactSchema = Type.Object(
  {
    email: Nullable(Type.String()),
    emailVerifiedAt: Nullable(Timestamp),
    phone: Nullable(Type.String()),
    phoneVerifiedAt: Nullable(Timestamp),
    language: Language,
  },
  { $id: 'MyContact', additionalProperties: false },
);

export type MyContact = Static<typeof MyContactSchema>;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** SMS reach mobiles only (an optional +86, then 1[3-9] and 9 digits). */
export const MOBILE_PATTERN = /^(?:\+?86)?1[3-9]\d{9}$/;

export const accountSchemas = [
  InvitationCreateSchema,
  ReinvitationSchema,
  InvitationSchema,
  InvitationTokenSchema,
  InvitationDetailsSchema,
  InvitationAcceptSchema,
  PasswordResetRequestSchema,
  AcceptedSchema,
  PasswordResetConfirmSchema,
  ContactVerificationRequestSchema,
  ContactVerificationStartedSchema,
  ContactVerificationConfirmSchema,
  MyContactSchema,
];
