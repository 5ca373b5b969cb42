export const ROLES = ['admin', 'society_officer', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a machine client may be granted, `<resource>:<read|write>`. Each module adds its resources;
 * a route names the scope it needs, and a client without it gets 403.
 */
export const API_SCOPES = [
  'societies:read',
  'societies:write',
  'members:read',
  'members:write',
  'experts:read',
  'experts:write',
  'funding:read',
  'funding:write',
  'pilots:read',
  'pilots:write',
  'audit:read',
  'events:read',
  'webhooks:read',
  'webhooks:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * Scopes over the Association's own records, which a client bound to particular societies is never
 * granted: the audit log is one hash chain across every society, so a part of it could neither be
 * shown without the rest nor be verified (see docs/security.md).
 */
export const ASSOCIATION_SCOPES: readonly ApiScope[] = ['audit:read'];
