import { API_SCOPES } from '@society-hub/domain';
import { Type } from 'typebox';
import { FieldErrorSchema, Nullable, PageQuery, pageOf, ref, Secret, Timestamp, Uuid } from '../../lib/schemas';

export const ApiScopeSchema = Type.Enum(API_SCOPES, {
  $id: 'ApiScope',
  description: 'What a machine client may do: <resource>:read or <resource>:write',
});

const Scopes = Type.Array(ref(ApiScopeSchema), {
  minItems: 1,
  uniqueItems: true,
  maxItems: 50,
  description: 'A client bound to societies cannot hold audit:read (422 association_scope)',
});
const SocietyIds = Type.Array(Uuid, {
  uniqueItems: true,
  maxItems: 100,
  description:
    'When not empty, the client reaches only these societies (others are 404) and may name only them in a body',
});
const Department = Nullable(
  Type.String({ minLength: 1, maxLength: 100, description: 'The government department the client speaks for' }),
);

const clientFields = {
  id: Uuid,
  name: Type.String(),
  scopes: Type.Array(ref(ApiScopeSchema)),
  societyIds: Type.Array(Uuid),
  department: Nullable(Type.String()),
  disabled: Type.Boolean(),
  version: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  secretRotatedAt: Timestamp,
};

export const ClientSchema = Type.Object(clientFields, { $id: 'Client', additionalProperties: false });

export const ClientWithSecretSchema = Type.Object(
  {
    ...clientFields,
    clientId: Type.String({ description: 'Use as client_id at /v1/oauth/token' }),
    clientSecret: Type.String({ description: 'Shown only in this response; store it safely' }),
  },
  { $id: 'ClientWithSecret', additionalProperties: false },
);

export const ClientCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Scopes,
    societyIds: Type.Optional(SocietyIds),
    department: Type.Optional(Department),
  },
  { $id: 'ClientCreate', additionalProperties: false },
);

export const ClientPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    scopes: Type.Optional(Scopes),
    societyIds: Type.Optional(SocietyIds),
    department: Type.Optional(Department),
    disabled: Type.Optional(Type.Boolean({ description: 'A disabled client’s tokens stop working at once' })),
  },
  { $id: 'ClientPatch', additionalProperties: false, description: 'JSON merge patch' },
);

export const ClientPageSchema = pageOf(ClientSchema, 'ClientPage');
export const ClientListQuerySchema = Type.Object(PageQuery, { additionalProperties: false });

/** RFC 6749 §4.4 token request; fields are snake_case as the standard has them. */
export const ClientTokenRequestSchema = Type.Object(
  {
    grant_type: Type.String({ description: 'client_credentials' }),
    client_id: Type.Optional(Type.String({ maxLength: 100 })),
    client_secret: Type.Optional(Secret({ maxLength: 200 })),
    scope: Type.Optional(
      Type.String({ maxLength: 1000, description: 'Space-separated subset of the client’s scopes' }),
    ),
  },
  { $id: 'ClientTokenRequest' },
);

export const ClientTokenResponseSchema = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    scope: Type.String(),
  },
  { $id: 'ClientTokenResponse', additionalProperties: false },
);

export const OAUTH_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'temporarily_unavailable',
  'server_error',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERRORS)[number];

export const OAuthErrorSchema = Type.Object(
  {
    error: Type.Enum(OAUTH_ERRORS, {
      description:
        'RFC 6749 §5.2 code; temporarily_unavailable (429, 503: see Retry-After) and server_error as at the authorization endpoint',
    }),
    error_description: Type.String({ description: 'For people: what went wrong' }),
    code: Type.Optional(Type.String({ description: 'The API’s own error code, as in its problem details' })),
    errors: Type.Optional(
      Type.Array(ref(FieldErrorSchema), { description: 'The fields refused, when the request did not fit the schema' }),
    ),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'OAuthError', description: 'RFC 6749 §5.2 error response of the token endpoint (application/json)' },
);

/** A token-endpoint error response as documented: RFC 6749 §5.2, application/json. */
export function oauthErrorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: `OAuth error (${status})`,
        content: { 'application/json': { schema: ref(OAuthErrorSchema) } },
      },
    ]),
  );
}

export const clientSchemas = [
  OAuthErrorSchema,
  ApiScopeSchema,
  ClientSchema,
  ClientWithSecretSchema,
  ClientCreateSchema,
  ClientPatchSchema,
  ClientPageSchema,
  ClientTokenRequestSchema,
  ClientTokenResponseSchema,
];
